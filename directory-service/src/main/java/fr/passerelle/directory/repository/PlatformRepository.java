package fr.passerelle.directory.repository;

import fr.passerelle.directory.domain.Platform;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

@ApplicationScoped
public class PlatformRepository implements PanacheRepositoryBase<Platform, UUID> {

    public List<Platform> notArchived() {
        return list("archivedAt is null order by name");
    }

    /** For each organisation, the platforms (not archived) it takes part in. */
    public Map<UUID, List<UUID>> platformsOf(Collection<UUID> organisationIds) {
        Map<UUID, List<UUID>> result = new HashMap<>();
        if (organisationIds.isEmpty()) {
            return result;
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = getEntityManager().createNativeQuery(
                "SELECT DISTINCT po.organisation_id, po.platform_id FROM platform_organisation po"
                        + " JOIN platform pl ON pl.id = po.platform_id"
                        // An array, not an IN list: one statement whatever the number of organisations.
                        + " WHERE pl.archived_at IS NULL AND po.organisation_id = ANY(:ids) ORDER BY 2")
                .setParameter("ids", organisationIds.toArray(UUID[]::new)).getResultList();
        for (Object[] row : rows) {
            result.computeIfAbsent((UUID) row[0], k -> new java.util.ArrayList<>()).add((UUID) row[1]);
        }
        return result;
    }
}
