package fr.passerelle.referral.repository;

import fr.passerelle.referral.domain.EventType;
import fr.passerelle.referral.domain.WebhookAttempt;
import fr.passerelle.referral.domain.WebhookDelivery;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

@ApplicationScoped
public class WebhookDeliveryRepository implements PanacheRepositoryBase<WebhookDelivery, Long> {

    /**
     * Queues one delivery; a second hand-over of the same event to the same subscription (the relay re-dispatching a
     * batch after a crash) is a no-op. Returns whether a row was written.
     */
    public boolean enqueue(UUID subscriptionId, UUID eventId, EventType type, UUID streamKey, String body, Instant now) {
        int rows = getEntityManager().createNativeQuery("insert into webhook_delivery (id, subscription_id, event_id, event_type,"
                        + " stream_key, body, status, attempts, created_at, next_attempt_at)"
                        + " values (:id, :sub, :event, :type, :stream, :body, 'PENDING', 0, :now, :now)"
                        + " on conflict (subscription_id, event_id) do nothing")
                .setParameter("id", UUID.randomUUID()).setParameter("sub", subscriptionId).setParameter("event", eventId)
                .setParameter("type", type.wire()).setParameter("stream", streamKey).setParameter("body", body)
                .setParameter("now", Timestamp.from(now))
                .executeUpdate();
        return rows == 1;
    }

    /**
     * Reserves up to {@code limit} due deliveries for this instance until {@code leaseUntil}: PENDING, of an enabled
     * subscription, not leased by another instance, and first of their (subscription, stream) still undelivered, so
     * that a stream's deliveries go out one at a time and in order. SKIP LOCKED: two instances claiming at once take
     * different rows; the earlier-undelivered test keeps the second from taking the next one of a stream.
     */
    @SuppressWarnings("unchecked")
    public List<Long> claim(Instant now, Instant leaseUntil, int limit) {
        List<Number> seqs = getEntityManager().createNativeQuery("select d.seq from webhook_delivery d"
                        + " join webhook_subscription s on s.id = d.subscription_id and s.disabled_at is null"
                        + " where d.status = 'PENDING' and d.next_attempt_at <= :now"
                        + " and (d.lease_until is null or d.lease_until < :now)"
                        + " and not exists (select 1 from webhook_delivery e where e.subscription_id = d.subscription_id"
                        + " and e.stream_key = d.stream_key and e.seq < d.seq and e.status <> 'DELIVERED')"
                        + " order by d.next_attempt_at, d.seq limit :limit for update of d skip locked")
                .setParameter("now", Timestamp.from(now)).setParameter("limit", limit)
                .getResultList();
        List<Long> claimed = seqs.stream().map(Number::longValue).toList();
        if (!claimed.isEmpty()) {
            getEntityManager().createNativeQuery("update webhook_delivery set lease_until = :until where seq in (:seqs)")
                    .setParameter("until", Timestamp.from(leaseUntil)).setParameter("seqs", claimed).executeUpdate();
        }
        return claimed;
    }

    public Optional<WebhookDelivery> findOf(UUID subscriptionId, UUID deliveryId) {
        return find("id = ?1 and subscriptionId = ?2", deliveryId, subscriptionId).firstResultOptional();
    }

    public PageResult<WebhookDelivery> log(UUID subscriptionId, int offset, int limit) {
        var query = find("subscriptionId = ?1 order by seq desc", subscriptionId);
        return new PageResult<>(query.range(offset, offset + limit - 1).list(), count("subscriptionId = ?1", subscriptionId));
    }

    /** Attempts of these deliveries, oldest first, by delivery id. */
    public Map<UUID, List<WebhookAttempt>> attemptsOf(Collection<UUID> deliveryIds) {
        if (deliveryIds.isEmpty()) {
            return Map.of();
        }
        return getEntityManager().createQuery("select a from WebhookAttempt a where a.deliveryId in :ids order by a.id",
                        WebhookAttempt.class).setParameter("ids", deliveryIds).getResultList().stream()
                .collect(Collectors.groupingBy(a -> a.deliveryId));
    }

    public void recordAttempt(WebhookAttempt attempt) {
        getEntityManager().persist(attempt);
    }

    /** A disabled subscription's queue: nothing more will be tried. */
    public int abandonPending(UUID subscriptionId) {
        return update("status = ?1, nextAttemptAt = null, leaseUntil = null where subscriptionId = ?2 and status = ?3",
                WebhookDelivery.Status.ABANDONED, subscriptionId, WebhookDelivery.Status.PENDING);
    }

    /** Delivered rows past their keeping period (their attempts go with them). */
    public long purgeDeliveredBefore(Instant before) {
        return delete("status = ?1 and deliveredAt < ?2", WebhookDelivery.Status.DELIVERED, before);
    }

    public long countPending() {
        return count("status = ?1", WebhookDelivery.Status.PENDING);
    }
}
