package fr.passerelle.referral.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.passerelle.common.problem.ProblemException;
import fr.passerelle.common.web.Answers;
import fr.passerelle.referral.config.ReferralConfig;
import fr.passerelle.referral.domain.AuditOperation;
import fr.passerelle.referral.repository.IdempotencyRepository;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * Idempotency-Key on creating POSTs, in one transaction with the work. The transaction first takes an advisory lock
 * on the caller and key without waiting: a concurrent duplicate that cannot take it gets 409 at once (or the stored
 * answer, if the holder is only replaying it). Holding the lock, it reads the stored record: a replay returns the
 * first answer byte for byte, with its audit row; a new key runs the work and stores its answer in the same commit.
 * So a failed attempt rolls back everything, lock included, and the key stays reusable with nothing to release; and
 * a request costs one transaction (one commit, one WAL flush) instead of a claim committed on its own and then a second
 * transaction for the work and the answer.
 */
@ApplicationScoped
public class IdempotencyService {

    /** An answer as stored for replay: status, the headers that matter, the JSON body, and the case it concerns. */
    public record StoredResponse(int status, Map<String, String> headers, String body, UUID caseId) implements Answers.Stored {
    }

    /** The answer to give, and whether it is a replay. */
    public record Result(StoredResponse response, boolean replayed) {
    }

    private static final Pattern KEY = Pattern.compile("[\\x21-\\x7E]{1,255}");

    @Inject
    IdempotencyRepository keys;
    @Inject
    AccessPolicy policy;
    @Inject
    ObjectMapper json;
    @Inject
    ReferralConfig config;
    @Inject
    AuditTrail audit;
    @Inject
    Clock clock;

    /** An answer to store: its JSON body is written once, here, and replayed byte for byte. */
    public StoredResponse answer(int status, Map<String, String> headers, Object body, UUID caseId) {
        try {
            return new StoredResponse(status, headers, json.writeValueAsString(body), caseId);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("response not serialisable", e);
        }
    }

    public Result execute(String key, String operation, Object request, Supplier<StoredResponse> work) {
        if (key == null) {
            return new Result(work.get(), false);
        }
        if (!KEY.matcher(key).matches()) {
            throw ProblemException.badParameter("Idempotency-Key", "1 to 255 visible ASCII characters", "PATTERN");
        }
        String subject = policy.subject();
        String fingerprint = fingerprint(operation, request);
        long lock = lockKey(subject, key);
        return QuarkusTransaction.requiringNew().call(() -> {
            Instant now = clock.instant();
            // The lock before the read: once it is ours, a statement started after it sees whatever an earlier holder
            // committed (its commit is visible before its lock is released).
            boolean mine = keys.tryLock((int) (lock >>> 32), (int) lock);
            var found = keys.find(subject, key);
            var existing = found.filter(s -> !lapsed(s, now));
            if (existing.isPresent()) {
                return new Result(replayOrRefuse(existing.get(), fingerprint), true);
            }
            if (!mine) {
                throw ProblemException.conflict("idempotency-key-in-use",
                        "A request with this Idempotency-Key is still being processed; retry in a moment.");
            }
            // An expired record, or a claim left IN_FLIGHT by a request that died, gives way to this one.
            if (found.isPresent()) {
                keys.delete(subject, key);
            }
            StoredResponse r = work.get();
            keys.insertDone(subject, key, operation, fingerprint, r.status(), json.writeValueAsString(r.headers()), r.body(),
                    r.caseId(), now, clock.instant());
            return new Result(r, false);
        });
    }

    /** A DONE record past its lifetime, or an IN_FLIGHT one (written by an earlier version) whose request died. */
    private boolean lapsed(IdempotencyRepository.StoredKey s, Instant now) {
        Instant limit = "DONE".equals(s.state())
                ? now.minus(config.idempotency().ttl())
                : now.minus(config.idempotency().abandonedAfter());
        return s.createdAt().isBefore(limit);
    }

    /** The stored answer, and its audit row in the same transaction: a replay hands out the case's data again. */
    private StoredResponse replayOrRefuse(IdempotencyRepository.StoredKey stored, String fingerprint) {
        StoredResponse replay = storedAnswer(stored, fingerprint);
        if (replay.caseId() != null) {
            audit.cases(AuditOperation.IDEMPOTENT_REPLAY, List.of(replay.caseId()));
        }
        return replay;
    }

    /**
     * The advisory lock's key: 64 bits of SHA-256 over caller and key (a collision would only turn an unrelated request
     * away with 409, retryable). Public for the tests, which hold it to stand for a request in flight.
     */
    public static long lockKey(String subject, String key) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(subject.getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
            sha.update(key.getBytes(StandardCharsets.US_ASCII));
            return java.nio.ByteBuffer.wrap(sha.digest()).getLong();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("cannot hash idempotency key", e);
        }
    }

    private StoredResponse storedAnswer(IdempotencyRepository.StoredKey s, String fingerprint) {
        if (!s.fingerprint().equals(fingerprint)) {
            throw ProblemException.unprocessable("Idempotency-Key",
                    "this key was already used with another request body or operation", "KEY_REUSED");
        }
        if (!"DONE".equals(s.state())) {
            throw ProblemException.conflict("idempotency-key-in-use",
                    "A request with this Idempotency-Key is still being processed; retry in a moment.");
        }
        Map<String, String> headers = new LinkedHashMap<>();
        try {
            if (s.headers() != null) {
                json.readerForMapOf(String.class).<Map<String, String>>readValue(s.headers()).forEach(headers::put);
            }
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored idempotency headers unreadable", e);
        }
        return new StoredResponse(s.status(), headers, s.body(), s.caseId());
    }

    private String fingerprint(String operation, Object request) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(operation.getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
            sha.update(json.writeValueAsBytes(request));
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException | JsonProcessingException e) {
            throw new IllegalStateException("cannot fingerprint request", e);
        }
    }
}
