package fr.passerelle.referral.repository;

import fr.passerelle.referral.domain.DigestItem;
import fr.passerelle.referral.domain.MailMessage;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The mail queue, the digest items and the digest markers. Inserts ignore duplicates: the relay hands events over at least once. */
@ApplicationScoped
public class MailQueueRepository implements PanacheRepositoryBase<MailMessage, Long> {

    /** Queues one message unless one with the same key exists. True when a row was added. */
    public boolean enqueue(String dedupeKey, String template, String eventType, MailMessage.RecipientKind kind, String recipient,
                           String factsJson, Instant now) {
        int n = getEntityManager().createNativeQuery("""
                        insert into mail_outbox (dedupe_key, template, event_type, recipient_kind, recipient, facts, status,
                                                 attempts, next_attempt_at, created_at)
                        values (?1, ?2, ?3, ?4, ?5, cast(?6 as jsonb), 'PENDING', 0, ?7, ?7)
                        on conflict (dedupe_key) do nothing""")
                .setParameter(1, dedupeKey).setParameter(2, template).setParameter(3, eventType).setParameter(4, kind.name())
                .setParameter(5, recipient).setParameter(6, factsJson).setParameter(7, now)
                .executeUpdate();
        return n > 0;
    }

    /** Keeps an event for a person's digest unless it is kept already. */
    public void keepForDigest(String subject, UUID eventId, String eventType, String factsJson, Instant occurredAt) {
        getEntityManager().createNativeQuery("""
                        insert into notification_digest_item (subject, event_id, event_type, facts, occurred_at)
                        values (?1, ?2, ?3, cast(?4 as jsonb), ?5)
                        on conflict (subject, event_id) do nothing""")
                .setParameter(1, subject).setParameter(2, eventId).setParameter(3, eventType).setParameter(4, factsJson)
                .setParameter(5, occurredAt)
                .executeUpdate();
    }

    /**
     * The oldest message due, locked for the caller's transaction; rows another instance is sending are skipped, so
     * a message is in one sender's hands at a time.
     */
    public Optional<MailMessage> lockNextDue(Instant now) {
        @SuppressWarnings("unchecked")
        List<MailMessage> rows = getEntityManager().createNativeQuery("""
                        select * from mail_outbox where status = 'PENDING' and next_attempt_at <= ?1
                        order by next_attempt_at, id limit 1 for update skip locked""", MailMessage.class)
                .setParameter(1, now)
                .getResultList();
        return rows.stream().findFirst();
    }

    public long countPending() {
        return count("status = ?1", MailMessage.Status.PENDING);
    }

    /** One digest at a time across instances, for the length of the caller's transaction. */
    public boolean tryDigestLock() {
        Object got = getEntityManager().createNativeQuery("select pg_try_advisory_xact_lock(hashtext('referral-mail-digest'))")
                .getSingleResult();
        return Boolean.TRUE.equals(got);
    }

    public boolean digestDone(LocalDate date) {
        Number n = (Number) getEntityManager().createNativeQuery("select count(*) from notification_digest_run where digest_date = ?1")
                .setParameter(1, date).getSingleResult();
        return n.longValue() > 0;
    }

    public void markDigestDone(LocalDate date, Instant at, int messages) {
        getEntityManager().createNativeQuery("insert into notification_digest_run (digest_date, completed_at, messages) values (?1, ?2, ?3)")
                .setParameter(1, date).setParameter(2, at).setParameter(3, messages).executeUpdate();
    }

    /** Items not yet in a digest, by person then age. */
    public List<DigestItem> undigested() {
        return getEntityManager().createQuery("from DigestItem where digestDate is null order by subject, occurredAt, id", DigestItem.class)
                .getResultList();
    }

    /** Sent messages and digested items past their keeping period. */
    public long purgeBefore(Instant before) {
        long n = delete("status <> ?1 and createdAt < ?2", MailMessage.Status.PENDING, before);
        n += getEntityManager().createQuery("delete from DigestItem where digestDate is not null and occurredAt < ?1")
                .setParameter(1, before).executeUpdate();
        return n;
    }
}
