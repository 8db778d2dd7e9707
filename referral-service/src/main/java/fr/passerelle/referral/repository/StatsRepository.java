package fr.passerelle.referral.repository;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Aggregates over referrals; reads only non-personal columns (statuses, targets, dates, outcomes). */
@ApplicationScoped
public class StatsRepository {

    public record Filter(Instant from, Instant to, UUID platformId, UUID programmeId) {
    }

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

    public Totals totals(Filter f) {
        String positives = String.join(", ", List.of("'RETURN_TO_SCHOOL'", "'APPRENTICESHIP'", "'QUALIFYING_TRAINING'",
                "'EMPLOYMENT'", "'CIVIC_SERVICE'"));
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
        StringBuilder sb = new StringBuilder("r.status <> 'DRAFT'");
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
