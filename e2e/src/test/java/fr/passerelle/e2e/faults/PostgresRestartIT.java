package fr.passerelle.e2e.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.passerelle.e2e.support.Api;
import fr.passerelle.e2e.support.E2e;
import fr.passerelle.e2e.support.Keycloak;
import fr.passerelle.e2e.support.Run;
import fr.passerelle.e2e.support.Stack;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * PostgreSQL restarted under a steady stream of creations through the gateway (5 pupils a second, each a case
 * then a referral, every request with its Idempotency-Key), on the private stack's own PostgreSQL:
 * <ul>
 * <li>every answer is 201 or 503 problem+json with Retry-After, never a 500 nor a hang;</li>
 * <li>referral-service recovers by itself (same process) once PostgreSQL is back;</li>
 * <li>each failed creation, retried with its key as a client would, ends in exactly one record;</li>
 * <li>in the database: exactly the records that were answered 201, each with its audit row and timeline event,
 *     and no Idempotency-Key claim left in flight.</li>
 * </ul>
 */
@E2e
@Order(8)
class PostgresRestartIT extends FaultTest {

    private static final String TAG = "pg";
    /** 5 pupils a second, 10 creations: what a 2-core machine shared with other builds serves with room to spare. */
    private static final long PERIOD_MILLIS = 200;
    private static final int WARM_UP_PUPILS = 10;
    private static final long BEFORE_MILLIS = 3_000;
    private static final long DOWN_MILLIS = 4_000;
    /** After PostgreSQL is back, the stream goes on this long past the first success. */
    private static final long AFTER_MILLIS = 3_000;

    /** One answer of the stream: what was sent when, and what came back. */
    private record Sent(String what, long sentAt, Http.Answer answer) {
        long answeredAt() {
            return sentAt + answer.took().toNanos();
        }
    }

    /** One pupil: a case, then a referral for it, each with its own Idempotency-Key kept for retries. */
    private final class Pupil {
        final Map<String, Object> body;
        final String caseKey = Pupils.newKey();
        final String referralKey = Pupils.newKey();
        volatile String caseId;
        volatile String referralId;

        Pupil(int n) {
            body = Pupils.pupil(TAG, n);
        }

        /** Sends what is still missing (same keys and bodies each time); stops at the first failure. */
        void file(String token, Queue<Sent> log) {
            if (caseId == null) {
                Sent sent = send("case", () -> Http.post(cell.api("/api/v1/cases"), token, Pupils.key(caseKey), body), log);
                caseId = sent.answer().id();
                if (caseId == null) {
                    return;
                }
            }
            if (referralId == null) {
                Sent sent = send("referral", () -> Http.post(cell.api("/api/v1/referrals"), token, Pupils.key(referralKey),
                        Pupils.referral(caseId, Api.FIL_D_ARIANE)), log);
                referralId = sent.answer().id();
            }
        }

        boolean done() {
            return caseId != null && referralId != null;
        }
    }

    private static Sent send(String what, java.util.function.Supplier<Http.Answer> request, Queue<Sent> log) {
        long sentAt = System.nanoTime();
        Sent sent = new Sent(what, sentAt, request.get());
        log.add(sent);
        return sent;
    }

    @Test
    void aRestartUnderLoadAnswers503ThenRecoversAndLosesOrHalfWritesNothing() throws Exception {
        String token = Keycloak.freshToken("referent1");
        long referralPid = cell.referral.pid();
        List<Pupil> pupils = new CopyOnWriteArrayList<>();
        // A freshly started service is slow at first (JIT, caches, pool): warm it up one pupil at a time.
        Queue<Sent> warmUp = new ConcurrentLinkedQueue<>();
        for (int i = 0; i < WARM_UP_PUPILS; i++) {
            Pupil pupil = new Pupil(pupils.size());
            pupils.add(pupil);
            pupil.file(token, warmUp);
            assertTrue(pupil.done(), "warm-up creations succeed before the fault: " + warmUp);
        }
        Queue<Sent> stream = new ConcurrentLinkedQueue<>();
        ScheduledExecutorService clock = Executors.newSingleThreadScheduledExecutor();
        ExecutorService senders = Executors.newFixedThreadPool(32);
        long stopAsked;
        long back;
        try {
            clock.scheduleAtFixedRate(() -> {
                Pupil pupil = new Pupil(pupils.size());
                pupils.add(pupil);
                senders.submit(() -> pupil.file(token, stream));
            }, 0, PERIOD_MILLIS, TimeUnit.MILLISECONDS);
            Thread.sleep(BEFORE_MILLIS);

            stopAsked = System.nanoTime();
            cell.postgres.stop();
            Thread.sleep(DOWN_MILLIS - 1_000);
            Path work = Stack.root().resolve("e2e/target/e2e/faults");
            cell.referral.threadDump(work.resolve("referral-service-threads-postgresql-down.txt"));
            cell.gateway.threadDump(work.resolve("gateway-threads-postgresql-down.txt"));
            Thread.sleep(1_000);
            cell.postgres.start();
            back = System.nanoTime();

            long deadline = back + TimeUnit.SECONDS.toNanos(45);
            while (firstSuccessSentAfter(stream, back) == null && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            Thread.sleep(AFTER_MILLIS);
        } finally {
            clock.shutdownNow();
            senders.shutdown();
            senders.awaitTermination(60, TimeUnit.SECONDS);
        }

        // What the callers saw during the stream (also written down, one line per answer, times from the stop).
        List<Sent> answers = new ArrayList<>(stream);
        answers.sort(java.util.Comparator.comparingLong(Sent::sentAt));
        StringBuilder timeline = new StringBuilder("sent_ms_from_stop what status took_ms\n");
        for (Sent s : answers) {
            timeline.append(TimeUnit.NANOSECONDS.toMillis(s.sentAt() - stopAsked)).append(' ').append(s.what()).append(' ')
                    .append(s.answer().status()).append(' ').append(s.answer().took().toMillis()).append('\n');
        }
        timeline.append("postgresql back at ").append(TimeUnit.NANOSECONDS.toMillis(back - stopAsked)).append(" ms\n");
        Files.writeString(Stack.root().resolve("e2e/target/e2e/faults/postgresql-restart-stream.txt"), timeline);
        List<Sent> failures = answers.stream().filter(s -> s.answer().status() != 201).toList();
        List<String> wrong = new ArrayList<>();
        for (Sent failure : failures) {
            if (failure.answer().status() != 503) {
                wrong.add(failure.what() + ": " + failure.answer());
            }
        }
        assertTrue(wrong.isEmpty(), "during the restart every answer is 201 or 503, never a 500 or a hang ("
                + wrong.size() + " of " + answers.size() + "):\n" + String.join("\n", wrong.subList(0, Math.min(10, wrong.size()))));
        assertFalse(failures.isEmpty(), "the restart was seen by the stream (no 503 among " + answers.size() + " answers)");
        for (Sent failure : failures) {
            Expect.unavailable(failure.answer(), failure.what() + " during the restart");
        }
        Sent recovered = firstSuccessSentAfter(stream, back);
        assertTrue(recovered != null, "a creation succeeds within 45 s of PostgreSQL being back");
        assertEquals(referralPid, cell.referral.pid(), "referral-service recovered by itself: same process");
        assertTrue(cell.referral.alive(), "referral-service is still running");
        long firstFailure = failures.stream().mapToLong(Sent::sentAt).min().orElseThrow();
        long failuresAfterBack = failures.stream().filter(s -> s.sentAt() > back).count();
        double slowest = answers.stream().mapToDouble(s -> s.answer().seconds()).max().orElse(0);

        // A client retries what failed, with the same key and body.
        Queue<Sent> retries = new ConcurrentLinkedQueue<>();
        long retryDeadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(45);
        while (pupils.stream().anyMatch(p -> !p.done()) && System.nanoTime() < retryDeadline) {
            for (Pupil p : pupils) {
                if (!p.done()) {
                    p.file(token, retries);
                }
            }
            if (pupils.stream().anyMatch(p -> !p.done())) {
                Thread.sleep(500);
            }
        }
        List<String> unfinished = pupils.stream().filter(p -> !p.done())
                .map(p -> "case " + p.caseId + " referral " + p.referralId).toList();
        List<String> retryAnswers = retries.stream().filter(s -> s.answer().status() != 201)
                .map(s -> s.what() + ": " + s.answer().status()).distinct().toList();
        long strandedRefusals = retries.stream().filter(s -> s.answer().status() == 409).count();
        assertTrue(unfinished.isEmpty(), "every failed creation, retried with its Idempotency-Key, ends in 201 ("
                + unfinished.size() + " not): " + unfinished + "\nretry answers other than 201: " + retryAnswers);

        Cell.report(String.format(java.util.Locale.ROOT,
                "postgresql restart: outage %s, first success %s after it came back (PostgreSQL down %s;"
                        + " %d answers: %d x 201, %d x 503 with Retry-After, %d of them after it was back; slowest answer %.1f s;"
                        + " %d retries with their key, all ending in 201, %d of them first refused 409 key-in-use"
                        + " by a claim the outage stranded)",
                Cell.seconds(recovered.answeredAt() - firstFailure), Cell.seconds(recovered.answeredAt() - back),
                Cell.seconds(back - stopAsked), answers.size(), answers.size() - failures.size(), failures.size(),
                failuresAfterBack, slowest, retries.size(), strandedRefusals));

        // In the database: exactly what was answered 201, whole.
        Set<String> caseIds = new HashSet<>();
        Set<String> referralIds = new HashSet<>();
        for (Pupil p : pupils) {
            caseIds.add(p.caseId);
            referralIds.add(p.referralId);
        }
        String names = Run.MARKER + TAG + "%";
        try (Connection db = cell.postgres.connect(Cell.REFERRAL_DB)) {
            assertEquals(caseIds, ids(db, "select id from pupil_case where first_name like ?", names),
                    "the cases in the database are exactly those answered 201");
            assertEquals(referralIds, ids(db, "select r.id from referral r join pupil_case c on c.id = r.case_id"
                    + " where c.first_name like ?", names), "the referrals in the database are exactly those answered 201");
            assertEquals(Set.of(), ids(db, "select c.id from pupil_case c where c.first_name like ? and not exists"
                    + " (select 1 from audit_event a where a.case_id = c.id and a.operation = 'CASE_CREATE')", names),
                    "every case has its audit row");
            assertEquals(Set.of(), ids(db, "select c.id from pupil_case c where c.first_name like ? and not exists"
                    + " (select 1 from case_event e where e.case_id = c.id and e.type = 'CASE_CREATED')", names),
                    "every case has its timeline event");
            assertEquals(Set.of(), ids(db, "select r.id from referral r join pupil_case c on c.id = r.case_id"
                    + " where c.first_name like ? and not exists (select 1 from audit_event a where a.referral_id = r.id"
                    + " and a.operation = 'REFERRAL_CREATE')", names), "every referral has its audit row");
            assertEquals(Set.of(), ids(db, "select r.id from referral r join pupil_case c on c.id = r.case_id"
                    + " where c.first_name like ? and not exists (select 1 from case_event e where e.referral_id = r.id"
                    + " and e.type = 'REFERRAL_CREATED')", names), "every referral has its timeline event");
            assertEquals(Set.of(), ids(db, "select idem_key from idempotency_record where state <> 'DONE'"),
                    "no Idempotency-Key claim is left in flight");
        }
        // And through the API, as the referent reads them.
        for (Pupil p : List.of(pupils.get(0), pupils.get(pupils.size() / 2), pupils.get(pupils.size() - 1))) {
            Http.Answer read = Http.get(cell.api("/api/v1/referrals/" + p.referralId), token);
            Expect.status(200, read, "reading a referral filed during the test");
            assertEquals(p.caseId, read.json().path("caseId").asText(), "the referral belongs to its case");
        }
    }

    private static Sent firstSuccessSentAfter(Queue<Sent> stream, long after) {
        Sent first = null;
        for (Sent s : stream) {
            if (s.answer().status() == 201 && s.sentAt() > after && (first == null || s.answeredAt() < first.answeredAt())) {
                first = s;
            }
        }
        return first;
    }

    private static Set<String> ids(Connection db, String sql, String... params) throws SQLException {
        try (PreparedStatement ps = db.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setString(i + 1, params[i]);
            }
            Set<String> ids = new HashSet<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getString(1));
                }
            }
            return ids;
        }
    }
}
