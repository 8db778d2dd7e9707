package fr.passerelle.directory.repository;

import fr.passerelle.directory.domain.Programme;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.Query;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hibernate.Session;
import org.hibernate.query.NativeQuery;

@ApplicationScoped
public class ProgrammeRepository implements PanacheRepositoryBase<Programme, UUID> {

    private static final String OPEN = " AND p.status = 'ACTIVE' AND o.status = 'ACTIVE' AND o.archived_at IS NULL"
            + " AND (p.places_available IS NULL OR p.places_available > 0)";

    public List<Programme> search(ProgrammeSearch s, int offset, int limit) {
        return search(s, ExportFilter.NONE, offset, limit);
    }

    public long count(ProgrammeSearch s) {
        return count(s, ExportFilter.NONE);
    }

    /**
     * What the HSDS export filters on beyond a programme search. modifiedAfter compares the later of the programme's
     * and its organisation's update (the service carries both; HsdsMapper.lastModifiedInstant); categorisedOnly keeps
     * programmes with at least one category (the taxonomy's terms); locatedOnly keeps programmes whose organisation's
     * commune is known (HsdsMapper's locations).
     */
    public record ExportFilter(Instant modifiedAfter, boolean categorisedOnly, boolean locatedOnly) {
        public static final ExportFilter NONE = new ExportFilter(null, false, false);
    }

    public List<Programme> search(ProgrammeSearch s, ExportFilter export, int offset, int limit) {
        Map<String, Object> params = new HashMap<>();
        String where = where(s, params) + where(export, params);
        String order = s.foldedQuery() != null
                ? " ORDER BY ts_rank(p.search_vector, plainto_tsquery('french', :q)) DESC, p.name, p.id"
                : " ORDER BY p.name, p.id";
        Query q = getEntityManager().createNativeQuery(
                "SELECT p.id FROM programme p JOIN organisation o ON o.id = p.organisation_id" + where + order
                        + " LIMIT :limit OFFSET :offset", UUID.class);
        params.forEach(q::setParameter);
        q.setParameter("limit", limit).setParameter("offset", offset);
        @SuppressWarnings("unchecked")
        List<UUID> ids = q.getResultList();
        return loadInOrder(ids);
    }

    public long count(ProgrammeSearch s, ExportFilter export) {
        Map<String, Object> params = new HashMap<>();
        Query q = getEntityManager().createNativeQuery("SELECT count(*) FROM programme p JOIN organisation o ON o.id = p.organisation_id"
                + where(s, params) + where(export, params), Long.class);
        params.forEach(q::setParameter);
        return ((Number) q.getSingleResult()).longValue();
    }

    /**
     * Open programmes whose service area covers the commune and whose age, level and status
     * criteria do not exclude the young person. The service applies the full rule set on these.
     */
    public List<Programme> matchCandidates(String commune, String departement, String academie, int age,
                                           String schoolLevel, String schoolingStatus, int limit) {
        // One fixed statement that returns the programmes and their organisations: no second query with an IN list
        // of ids, whose changing length made Hibernate translate it again on every match (bench/README.md).
        NativeQuery<Programme> q = getEntityManager().unwrap(Session.class)
                .createNativeQuery(MATCH_SQL, Programme.class, "p")
                // A fetch, not a second result: each programme comes with its organisation set.
                .addJoin("o", "p.organisation");
        q.setParameter("commune", commune).setParameter("dep", departement).setParameter("acad", academie)
                .setParameter("age", age).setParameter("level", schoolLevel).setParameter("status", schoolingStatus)
                .setParameter("limit", limit);
        return q.getResultList();
    }

    private static final String MATCH_SQL = "SELECT {p.*}, {o.*} FROM programme p JOIN organisation o ON o.id = p.organisation_id"
            + " WHERE p.archived_at IS NULL" + OPEN
            // Implied by the three tests below, and indexed: without it a match scans every programme
            // (80 ms at 50,000 programmes, bench/README.md).
            + " AND p.area_departements @> ARRAY[CAST(:dep AS text)]"
            + " AND (p.service_communes @> ARRAY[CAST(:commune AS text)]"
            + "   OR p.service_departements @> ARRAY[CAST(:dep AS text)]"
            + "   OR p.service_academies @> ARRAY[CAST(:acad AS text)])"
            + " AND (p.min_age IS NULL OR p.min_age <= :age)"
            + " AND (p.max_age IS NULL OR p.max_age >= :age OR p.max_age_with_disability >= :age)"
            + " AND (cardinality(p.school_levels) = 0 OR p.school_levels @> ARRAY[CAST(:level AS text)])"
            + " AND (cardinality(p.schooling_statuses) = 0 OR p.schooling_statuses @> ARRAY[CAST(:status AS text)])"
            + " LIMIT :limit";

    public List<Programme> ofOrganisation(UUID organisationId) {
        return list("organisation.id = ?1 and archivedAt is null order by name", organisationId);
    }

    /** Pages of every non-archived programme, for the HSDS export. */
    public List<Programme> page(int offset, int limit) {
        return find("select p from Programme p join fetch p.organisation where p.archivedAt is null order by p.name, p.id")
                .range(offset, offset + limit - 1).list();
    }

    public long countNotArchived() {
        return count("archivedAt is null");
    }

    private List<Programme> loadInOrder(Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        List<Programme> found = find("select p from Programme p join fetch p.organisation where p.id in ?1", ids).list();
        Map<UUID, Integer> position = new HashMap<>();
        int i = 0;
        for (UUID id : ids) {
            position.put(id, i++);
        }
        List<Programme> ordered = new ArrayList<>(found);
        ordered.sort(Comparator.comparing(p -> position.get(p.id)));
        return ordered;
    }

    private static String where(ExportFilter export, Map<String, Object> params) {
        StringBuilder w = new StringBuilder();
        if (export.modifiedAfter() != null) {
            w.append(" AND GREATEST(p.updated_at, o.updated_at) >= :modifiedAfter");
            params.put("modifiedAfter", export.modifiedAfter());
        }
        if (export.categorisedOnly()) {
            w.append(" AND cardinality(p.categories) > 0");
        }
        if (export.locatedOnly()) {
            w.append(" AND o.city IS NOT NULL");
        }
        return w.toString();
    }

    private static String where(ProgrammeSearch s, Map<String, Object> params) {
        StringBuilder w = new StringBuilder(" WHERE p.archived_at IS NULL AND o.archived_at IS NULL");
        if (s.foldedQuery() != null) {
            w.append(" AND p.search_vector @@ plainto_tsquery('french', :q)");
            params.put("q", s.foldedQuery());
        }
        if (s.category() != null) {
            w.append(" AND p.categories @> ARRAY[CAST(:category AS text)]");
            params.put("category", s.category());
        }
        if (s.departement() != null) {
            w.append(" AND p.area_departements @> ARRAY[CAST(:departement AS text)]");
            params.put("departement", s.departement());
        }
        if (s.commune() != null) {
            w.append(" AND (p.service_communes @> ARRAY[CAST(:commune AS text)]"
                    + " OR p.service_departements @> ARRAY[CAST(:communeDep AS text)]"
                    + " OR p.service_academies @> ARRAY[CAST(:communeAcad AS text)])");
            params.put("commune", s.commune());
            params.put("communeDep", s.communeDepartement());
            params.put("communeAcad", s.communeAcademie());
        }
        if (s.organisation() != null) {
            w.append(" AND p.organisation_id = :organisation");
            params.put("organisation", s.organisation());
        }
        if (s.age() != null) {
            w.append(" AND (p.min_age IS NULL OR p.min_age <= :age)"
                        + " AND (p.max_age IS NULL OR p.max_age >= :age OR p.max_age_with_disability >= :age)");
            params.put("age", s.age());
        }
        if (s.schoolingStatus() != null) {
            w.append(" AND (cardinality(p.schooling_statuses) = 0 OR p.schooling_statuses @> ARRAY[CAST(:schooling AS text)])");
            params.put("schooling", s.schoolingStatus());
        }
        if (s.status() != null) {
            w.append(" AND p.status = :status");
            params.put("status", s.status());
        }
        if (s.openOnly()) {
            w.append(OPEN);
        }
        return w.toString();
    }
}
