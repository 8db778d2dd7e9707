package fr.passerelle.directory.repository;

import fr.passerelle.directory.domain.Organisation;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.Query;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

@ApplicationScoped
public class OrganisationRepository implements PanacheRepositoryBase<Organisation, UUID> {

    public List<Organisation> search(String foldedQuery, String kind, String departement, int offset, int limit) {
        Map<String, Object> params = new HashMap<>();
        String where = where(foldedQuery, kind, departement, params);
        String order = foldedQuery != null
                ? " ORDER BY ts_rank(o.search_vector, plainto_tsquery('french', :q)) DESC, o.name, o.id"
                : " ORDER BY o.name, o.id";
        Query q = getEntityManager().createNativeQuery("SELECT o.id FROM organisation o" + where + order
                + " LIMIT :limit OFFSET :offset", UUID.class);
        params.forEach(q::setParameter);
        q.setParameter("limit", limit).setParameter("offset", offset);
        @SuppressWarnings("unchecked")
        List<UUID> ids = q.getResultList();
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<UUID, Integer> position = new HashMap<>();
        for (int i = 0; i < ids.size(); i++) {
            position.put(ids.get(i), i);
        }
        List<Organisation> found = new ArrayList<>(list("id in ?1", ids));
        found.sort(Comparator.comparing(o -> position.get(o.id)));
        return found;
    }

    public long countSearch(String foldedQuery, String kind, String departement) {
        Map<String, Object> params = new HashMap<>();
        Query q = getEntityManager().createNativeQuery("SELECT count(*) FROM organisation o"
                + where(foldedQuery, kind, departement, params), Long.class);
        params.forEach(q::setParameter);
        return ((Number) q.getSingleResult()).longValue();
    }

    public List<Organisation> page(int offset, int limit) {
        return find("archivedAt is null order by name, id").range(offset, offset + limit - 1).list();
    }

    public long countNotArchived() {
        return count("archivedAt is null");
    }

    private static String where(String foldedQuery, String kind, String departement, Map<String, Object> params) {
        StringBuilder w = new StringBuilder(" WHERE o.archived_at IS NULL");
        if (foldedQuery != null) {
            w.append(" AND o.search_vector @@ plainto_tsquery('french', :q)");
            params.put("q", foldedQuery);
        }
        if (kind != null) {
            w.append(" AND o.kind = :kind");
            params.put("kind", kind);
        }
        if (departement != null) {
            w.append(" AND o.departement_code = :departement");
            params.put("departement", departement);
        }
        return w.toString();
    }
}
