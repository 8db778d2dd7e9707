package fr.passerelle.referral.repository;

import fr.passerelle.referral.domain.OutboxEvent;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;

@ApplicationScoped
public class OutboxRepository implements PanacheRepositoryBase<OutboxEvent, Long> {

    /** One relay at a time across every instance on this database, for the length of the caller's transaction. */
    public boolean tryRelayLock() {
        Object got = getEntityManager().createNativeQuery("select pg_try_advisory_xact_lock(hashtext('referral-outbox-relay'))")
                .getSingleResult();
        return Boolean.TRUE.equals(got);
    }

    /** The oldest events not yet handed to the consumers, in seq order. */
    public List<OutboxEvent> pending(int limit) {
        return find("dispatchedAt is null order by seq").page(0, limit).list();
    }

    public long countPending() {
        return count("dispatchedAt is null");
    }

    /** Dispatched rows are kept a while for investigation, then purged. */
    public long purgeDispatchedBefore(Instant before) {
        return delete("dispatchedAt < ?1", before);
    }
}
