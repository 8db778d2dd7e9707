package fr.passerelle.referral.repository;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Idempotency-Key records, in plain SQL: the claim relies on INSERT … ON CONFLICT DO NOTHING. */
@ApplicationScoped
public class IdempotencyRepository {

    public record StoredKey(String operation, String fingerprint, String state, Integer status, String headers,
                            String body, UUID caseId, Instant createdAt) {
    }

    @Inject
    EntityManager em;

    /** True when this call inserted the key, i.e. this request owns it. Concurrent claimers wait, then get false. */
    public boolean claim(String subject, String key, String operation, String fingerprint, Instant now) {
        return em.createNativeQuery("insert into idempotency_record (subject, idem_key, operation, fingerprint, state, created_at)"
                        + " values (:subject, :key, :operation, :fingerprint, 'IN_FLIGHT', :now) on conflict do nothing")
                .setParameter("subject", subject).setParameter("key", key).setParameter("operation", operation)
                .setParameter("fingerprint", fingerprint).setParameter("now", now)
                .executeUpdate() == 1;
    }

    public Optional<StoredKey> find(String subject, String key) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select operation, fingerprint, state, response_status,"
                        + " cast(response_headers as text), response_body, case_id, created_at from idempotency_record"
                        + " where subject = :subject and idem_key = :key")
                .setParameter("subject", subject).setParameter("key", key).getResultList();
        return rows.stream().findFirst().map(r -> new StoredKey((String) r[0], (String) r[1], (String) r[2],
                r[3] == null ? null : ((Number) r[3]).intValue(), (String) r[4], (String) r[5], (UUID) r[6], toInstant(r[7])));
    }

    public void complete(String subject, String key, int status, String headersJson, String body, UUID caseId, Instant now) {
        em.createNativeQuery("update idempotency_record set state = 'DONE', response_status = :status,"
                        + " response_headers = cast(:headers as jsonb), response_body = :body, case_id = :caseId,"
                        + " completed_at = :now where subject = :subject and idem_key = :key")
                .setParameter("status", status).setParameter("headers", headersJson).setParameter("body", body)
                .setParameter("caseId", caseId).setParameter("now", now)
                .setParameter("subject", subject).setParameter("key", key).executeUpdate();
    }

    /** Forget an in-flight claim whose work failed, so that the client may retry with the same key. */
    public void release(String subject, String key) {
        em.createNativeQuery("delete from idempotency_record where subject = :subject and idem_key = :key and state = 'IN_FLIGHT'")
                .setParameter("subject", subject).setParameter("key", key).executeUpdate();
    }

    /** Drop one record created before {@code before} (expired, or an abandoned claim). */
    public int deleteIfCreatedBefore(String subject, String key, Instant before) {
        return em.createNativeQuery("delete from idempotency_record where subject = :subject and idem_key = :key and created_at < :before")
                .setParameter("subject", subject).setParameter("key", key).setParameter("before", before).executeUpdate();
    }

    public int purgeCreatedBefore(Instant before) {
        return em.createNativeQuery("delete from idempotency_record where created_at < :before")
                .setParameter("before", before).executeUpdate();
    }

    static Instant toInstant(Object value) {
        if (value instanceof Instant i) {
            return i;
        }
        if (value instanceof java.time.OffsetDateTime o) {
            return o.toInstant();
        }
        if (value instanceof java.sql.Timestamp t) {
            return t.toInstant();
        }
        throw new IllegalStateException("Unexpected timestamp type " + value.getClass());
    }
}
