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
 * Idempotency-Key on creating POSTs. The key is claimed first, in its own committed transaction (a
 * unique row per caller and key), so a concurrent duplicate sees it at once and gets 409; the work and
 * the stored answer then commit together, so a replay returns exactly the first answer. A failed
 * attempt releases the key (the client retries with it, e.g. after a 503).
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
        Instant now = clock.instant();
        boolean claimed = QuarkusTransaction.requiringNew().call(() -> claim(subject, key, operation, fingerprint, now));
        if (!claimed) {
            return new Result(replayOrRefuse(subject, key, fingerprint), true);
        }
        try {
            StoredResponse response = QuarkusTransaction.requiringNew().call(() -> {
                StoredResponse r = work.get();
                keys.complete(subject, key, r.status(), json.writeValueAsString(r.headers()), r.body(), r.caseId(), clock.instant());
                return r;
            });
            return new Result(response, false);
        } catch (RuntimeException e) {
            try {
                QuarkusTransaction.requiringNew().run(() -> keys.release(subject, key));
            } catch (RuntimeException releaseFailed) {
                // The database is gone (the reason the work failed, most likely): the caller must still get the
                // original answer (503), and the claim lapses after referral.idempotency.abandoned-after.
                e.addSuppressed(releaseFailed);
            }
            throw e;
        }
    }

    private boolean claim(String subject, String key, String operation, String fingerprint, Instant now) {
        if (keys.claim(subject, key, operation, fingerprint, now)) {
            return true;
        }
        // An expired record, or a claim whose request died, gives way to this one.
        var existing = keys.find(subject, key);
        if (existing.isPresent()) {
            Instant limit = "DONE".equals(existing.get().state())
                    ? now.minus(config.idempotency().ttl())
                    : now.minus(config.idempotency().abandonedAfter());
            if (keys.deleteIfCreatedBefore(subject, key, limit) == 1) {
                return keys.claim(subject, key, operation, fingerprint, now);
            }
        }
        return false;
    }

    /** The stored answer, and its audit row in the same transaction: a replay hands out the case's data again. */
    private StoredResponse replayOrRefuse(String subject, String key, String fingerprint) {
        return QuarkusTransaction.requiringNew().call(() -> {
            StoredResponse replay = storedAnswer(subject, key, fingerprint);
            if (replay.caseId() != null) {
                audit.cases(AuditOperation.IDEMPOTENT_REPLAY, List.of(replay.caseId()));
            }
            return replay;
        });
    }

    private StoredResponse storedAnswer(String subject, String key, String fingerprint) {
        var stored = keys.find(subject, key);
        if (stored.isEmpty()) {
            // Released between our claim attempt and this read: the first attempt failed; let the client retry.
            throw ProblemException.conflict("idempotency-key-in-use",
                    "A request with this Idempotency-Key just failed or is finishing; retry.");
        }
        var s = stored.get();
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
