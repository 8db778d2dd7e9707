package fr.passerelle.referral.repository;

import fr.passerelle.referral.domain.ReferralStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** Counts for the service's gauges: how many referrals stand where, and what waits in the queues. No row content. */
@ApplicationScoped
public class BacklogRepository {

    @Inject
    EntityManager em;

    /** Every status, zero included. */
    public Map<ReferralStatus, Long> referralsByStatus() {
        Map<ReferralStatus, Long> counts = new EnumMap<>(ReferralStatus.class);
        for (ReferralStatus status : ReferralStatus.values()) {
            counts.put(status, 0L);
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select status, count(*) from referral group by status").getResultList();
        for (Object[] row : rows) {
            counts.put(ReferralStatus.valueOf((String) row[0]), ((Number) row[1]).longValue());
        }
        return counts;
    }

    /** Outbox events not yet relayed, and the age in seconds (database clock) of the oldest, 0 when none waits. */
    public OutboxLag outboxLag() {
        Object[] row = (Object[]) em.createNativeQuery("select count(*), coalesce(extract(epoch from now() - min(occurred_at)), 0)"
                + " from outbox_event where dispatched_at is null").getSingleResult();
        return new OutboxLag(((Number) row[0]).longValue(), Math.max(0, ((Number) row[1]).doubleValue()));
    }

    public long pendingWebhookDeliveries() {
        return ((Number) em.createNativeQuery("select count(*) from webhook_delivery where status = 'PENDING'")
                .getSingleResult()).longValue();
    }

    public long pendingMail() {
        return ((Number) em.createNativeQuery("select count(*) from mail_outbox where status = 'PENDING'")
                .getSingleResult()).longValue();
    }

    public record OutboxLag(long pending, double oldestAgeSeconds) {
    }
}
