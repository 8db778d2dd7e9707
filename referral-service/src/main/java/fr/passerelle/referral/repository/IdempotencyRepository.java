package fr.passerelle.referral.repository;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Idempotency-Key records, in plain SQL, guarded by a transaction-scoped advisory lock per caller and key. */
@ApplicationScoped
public class IdempotencyRepository {

    public record StoredKey(String operation, String fingerprint, String state, Integer status, String headers,
                            String body, UUID caseId, Instant createdAt) {
    }

    @Inject
    EntityManager em;

    /**
     * Takes the key's transaction-scoped advisory lock without waiting: false when another transaction holds it (a
     * concurrent request with the same key). Released by the commit or the rollback, so nothing is left to release.
     * The two-int form: its key space is distinct from the single-bigint locks the jobs take.
     */
    public boolean tryLock(int high, int low) {
        Object got = em.createNativeQuery("select pg_try_advisory_xact_lock(:high, :low)")
                .setParameter("high", high).setParameter("low", low).getSingleResult();
        return Boolean.TRUE.equals(got);
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

    /** The finished request's answer, written in the work's own transaction (the key's lock is held). */
    public void insertDone(String subject, String key, String operation, String fingerprint, int status, String headersJson,
                           String body, UUID caseId, Instant createdAt, Instant completedAt) {
        em.createNativeQuery("insert into idempotency_record (subject, idem_key, operation, fingerprint, state, response_status,"
                        + " response_headers, response_body, case_id, created_at, completed_at)"
                        + " values (:subject, :key, :operation, :fingerprint, 'DONE', :status, cast(:headers as jsonb), :body,"
                        + " :caseId, :createdAt, :completedAt)")
                .setParameter("subject", subject).setParameter("key", key).setParameter("operation", operation)
                .setParameter("fingerprint", fingerprint).setParameter("status", status).setParameter("headers", headersJson)
                .setParameter("body", body).setParameter("caseId", caseId).setParameter("createdAt", createdAt)
                .setParameter("completedAt", completedAt).executeUpdate();
    }

    /** Drops a record past its lifetime (or a claim left IN_FLIGHT by an older version), so that the key is new again. */
    public void delete(String subject, String key) {
        em.createNativeQuery("delete from idempotency_record where subject = :subject and idem_key = :key")
                .setParameter("subject", subject).setParameter("key", key).executeUpdate();
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
