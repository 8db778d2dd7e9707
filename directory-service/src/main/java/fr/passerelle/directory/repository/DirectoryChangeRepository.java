package fr.passerelle.directory.repository;

import fr.passerelle.directory.domain.DirectoryChange;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class DirectoryChangeRepository implements PanacheRepositoryBase<DirectoryChange, UUID> {

    /** Changes of one record or of all, in [from, to), newest first; null bounds are open. */
    public PanacheQuery<DirectoryChange> search(UUID recordId, Instant from, Instant to) {
        List<String> where = new ArrayList<>();
        Parameters params = new Parameters();
        if (recordId != null) {
            where.add("recordId = :recordId");
            params.and("recordId", recordId);
        }
        if (from != null) {
            where.add("changedAt >= :from");
            params.and("from", from);
        }
        if (to != null) {
            where.add("changedAt < :to");
            params.and("to", to);
        }
        String query = where.isEmpty() ? "from DirectoryChange" : "from DirectoryChange where " + String.join(" and ", where);
        return find(query, Sort.descending("changedAt").and("id"), params);
    }
}
