package fr.passerelle.referral.repository;

import fr.passerelle.referral.domain.AccessScope;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Aggregates over referrals, always within the caller's scope; reads only non-personal columns (statuses, targets,
 * dates, outcomes, the origin school and the home commune code, which are grouped and never listed per pupil).
 */
@ApplicationScoped
public class StatsRepository {

    /** The caller's scope (never absent: the territory is {@link AccessScope#everything}) and the query's filters. */
    public record Filter(AccessScope scope, Instant from, Instant to, UUID platformId, UUID programmeId) {
    }

    /** One row of a grouped table: its key, a label when the data has one, and one count per column. */
    public record Line(String key, String label, long[] counts) {
    }

    /** Where a referral stands now, as the columns of a grouped table; together they partition the referrals filed. */
    public static final List<String> STANDING = List.of("PENDING", "ACCEPTED", "DECLINED", "POSITIVE_EXIT", "OTHER_EXIT", "CLOSED");

    private static final String POSITIVES = String.join(", ", List.of("'RETURN_TO_SCHOOL'", "'APPRENTICESHIP'",
            "'QUALIFYING_TRAINING'", "'EMPLOYMENT'", "'CIVIC_SERVICE'"));

    public record Group(String key, String label, long count) {
    }

    public record Totals(long total, long responded, Double medianResponseHours, Double averageResponseHours,
                         long accepted, long declined, long completed, long positiveExits) {
    }

    @Inject
    EntityManager em;

    public List<Group> byStatus(Filter f) {
        return groups("r.status", "null", f, "");
    }

    public List<Group> byPlatform(Filter f) {
        return groups("cast(r.triage_platform_id as text)", "null", f, " and r.triage_platform_id is not null");
    }

    public List<Group> byProgramme(Filter f) {
        return groups("cast(r.target_id as text)", "max(r.target_name)", f, " and r.target_type = 'PROGRAMME'");
    }

    public List<Group> byOutcome(Filter f) {
        return groups("r.outcome", "null", f, " and r.outcome is not null");
    }

    /**
     * The referrals filed, grouped by {@code key} (an SQL expression over r, the referral, and c, its case), split by
     * where they stand now ({@link #STANDING}).
     */
    public List<Line> standingBy(String key, String label, Filter f) {
        Query q = em.createNativeQuery("select " + key + " as k, " + label + ","
                + " count(*) filter (where r.status in ('SUBMITTED', 'RECEIVED', 'WAITLISTED')),"
                + " count(*) filter (where r.status in ('ACCEPTED', 'IN_PROGRESS')),"
                + " count(*) filter (where r.status = 'DECLINED'),"
                + " count(*) filter (where r.status = 'COMPLETED' and r.outcome in (" + POSITIVES + ")),"
                + " count(*) filter (where r.status = 'COMPLETED' and (r.outcome is null or r.outcome not in (" + POSITIVES + "))),"
                + " count(*) filter (where r.status in ('REDIRECTED', 'CANCELLED'))"
                + " from referral r join pupil_case c on c.id = r.case_id where " + where(f) + " group by 1 order by 1");
        bind(q, f);
        return lines(q, STANDING.size());
    }

    /** The outcomes recorded at completion, by situation code. */
    public List<Line> outcomesAtCompletion(Filter f) {
        Query q = em.createNativeQuery("select r.outcome, null, count(*) from referral r where " + where(f)
                + " and r.status = 'COMPLETED' and r.outcome is not null group by 1 order by 1");
        bind(q, f);
        return lines(q, 1);
    }

    /** The situations recorded at a follow-up milestone (SIX_MONTHS, TWELVE_MONTHS), by situation code. */
    public List<Group> followUps(Filter f, String milestone) {
        String column = "SIX_MONTHS".equals(milestone) ? "r.six_month_situation" : "r.twelve_month_situation";
        Query q = em.createNativeQuery("select " + column + ", null, count(*) from referral r where " + where(f)
                + " and " + column + " is not null group by 1 order by 1");
        bind(q, f);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = q.getResultList();
        return rows.stream().map(r -> new Group((String) r[0], null, n(r[2]))).toList();
    }

    private List<Line> lines(Query q, int width) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = q.getResultList();
        return rows.stream().map(r -> {
            long[] counts = new long[width];
            for (int i = 0; i < width; i++) {
                counts[i] = n(r[2 + i]);
            }
            return new Line((String) r[0], (String) r[1], counts);
        }).toList();
    }

    public Totals totals(Filter f) {
        String positives = POSITIVES;
        Query q = em.createNativeQuery("select count(*),"
                + " count(*) filter (where r.received_at is not null and r.submitted_at is not null),"
                + " percentile_cont(0.5) within group (order by extract(epoch from (r.received_at - r.submitted_at)) / 3600.0),"
                + " avg(extract(epoch from (r.received_at - r.submitted_at)) / 3600.0),"
                + " count(*) filter (where r.accepted_at is not null),"
                + " count(*) filter (where r.status = 'DECLINED'),"
                + " count(*) filter (where r.status = 'COMPLETED'),"
                + " count(*) filter (where r.status = 'COMPLETED' and r.outcome in (" + positives + "))"
                + " from referral r where " + where(f));
        bind(q, f);
        Object[] row = (Object[]) q.getSingleResult();
        return new Totals(n(row[0]), n(row[1]), d(row[2]), d(row[3]), n(row[4]), n(row[5]), n(row[6]), n(row[7]));
    }

    private List<Group> groups(String key, String label, Filter f, String extra) {
        Query q = em.createNativeQuery("select " + key + ", " + label + ", count(*) from referral r where " + where(f) + extra
                + " group by " + key + " order by 1");
        bind(q, f);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = q.getResultList();
        return rows.stream().map(r -> new Group((String) r[0], (String) r[1], n(r[2]))).toList();
    }

    private static String where(Filter f) {
        StringBuilder sb = new StringBuilder("r.status <> 'DRAFT' and ");
        sb.append(switch (f.scope().kind()) {
            case SCHOOL -> "r.origin_uai = :scopeUai";
            case PLATFORM -> "(r.origin_platform = :scopePlatform or r.triage_platform_id = :scopePlatform)";
            case ORGANISATION -> "r.target_organisation_id = :scopeOrganisation";
            case EVERYTHING -> "true";
        });
        if (f.from() != null) {
            sb.append(" and r.submitted_at >= :from");
        }
        if (f.to() != null) {
            sb.append(" and r.submitted_at < :to");
        }
        if (f.platformId() != null) {
            sb.append(" and r.triage_platform_id = :platform");
        }
        if (f.programmeId() != null) {
            sb.append(" and r.target_type = 'PROGRAMME' and r.target_id = :programme");
        }
        return sb.toString();
    }

    private static void bind(Query q, Filter f) {
        switch (f.scope().kind()) {
            case SCHOOL -> q.setParameter("scopeUai", f.scope().uai());
            case PLATFORM -> q.setParameter("scopePlatform", f.scope().platform());
            case ORGANISATION -> q.setParameter("scopeOrganisation", f.scope().organisation());
            case EVERYTHING -> {
            }
        }
        if (f.from() != null) {
            q.setParameter("from", f.from());
        }
        if (f.to() != null) {
            q.setParameter("to", f.to());
        }
        if (f.platformId() != null) {
            q.setParameter("platform", f.platformId());
        }
        if (f.programmeId() != null) {
            q.setParameter("programme", f.programmeId());
        }
    }

    private static long n(Object o) {
        return o == null ? 0 : ((Number) o).longValue();
    }

    private static Double d(Object o) {
        return o == null ? null : ((Number) o).doubleValue();
    }
}
