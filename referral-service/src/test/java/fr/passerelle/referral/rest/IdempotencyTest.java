package fr.passerelle.referral.rest;

import static fr.passerelle.referral.support.Api.as;
import static fr.passerelle.referral.support.Api.createCase;
import static fr.passerelle.referral.support.Api.pupil;
import static fr.passerelle.referral.support.Api.referent;
import static fr.passerelle.referral.support.Api.referral;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import fr.passerelle.referral.service.IdempotencyService;
import fr.passerelle.referral.support.Api;
import fr.passerelle.referral.support.Concurrent;
import fr.passerelle.referral.support.DirectoryStub;
import fr.passerelle.referral.support.ReferralDatabase;
import fr.passerelle.referral.support.TestClock;
import fr.passerelle.referral.support.TestDb;
import fr.passerelle.referral.support.World;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(ReferralDatabase.class)
@QuarkusTestResource(DirectoryStub.class)
class IdempotencyTest {

    @Inject
    TestClock clock;

    private final String uai = Api.freshUai();
    private final String referent = referent(uai);

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void theSameKeyAndBodyReplaysTheFirstAnswer() {
        String key = UUID.randomUUID().toString();
        Map<String, Object> body = pupil(uai);
        Response first = as(referent).header("Idempotency-Key", key).body(body).post("/api/v1/cases");
        first.then().statusCode(201);
        Response again = as(referent).header("Idempotency-Key", key).body(body).post("/api/v1/cases");
        again.then().statusCode(201).header("Idempotent-Replayed", "true")
                .header("Location", first.header("Location")).header("ETag", first.header("ETag"))
                .body("id", equalTo(first.jsonPath().getString("id")));
        assertEquals(first.asString(), again.asString());
        assertEquals(1, TestDb.count("select count(*) from pupil_case where first_name = ?", body.get("firstName")));
    }

    @Test
    void aReplayedCaseCreationWritesItsAuditRow() {
        String key = UUID.randomUUID().toString();
        Map<String, Object> body = pupil(uai);
        Response first = as(referent).header("Idempotency-Key", key).body(body).post("/api/v1/cases");
        first.then().statusCode(201);
        String caseId = first.jsonPath().getString("id");
        long before = auditRows(caseId);

        Response replay = as(referent).header("Idempotency-Key", key).body(body).post("/api/v1/cases");
        replay.then().statusCode(201).header("Idempotent-Replayed", "true").body("firstName", equalTo(body.get("firstName")));
        assertEquals(before + 1, auditRows(caseId), "the replay hands out the pupil's data: one row for it");
        assertEquals(List.of("IDEMPOTENT_REPLAY|" + replay.header("X-Request-Id")), lastAuditRow(caseId, replay));
    }

    @Test
    void aReplayedReferralCreationWritesItsAuditRow() {
        String caseId = createCase(referent, pupil(uai)).id();
        String key = UUID.randomUUID().toString();
        Map<String, Object> body = referral(caseId, "PROGRAMME", World.PROG_OPEN, true);
        as(referent).header("Idempotency-Key", key).body(body).post("/api/v1/referrals").then().statusCode(201);
        long before = auditRows(caseId);

        Response replay = as(referent).header("Idempotency-Key", key).body(body).post("/api/v1/referrals");
        replay.then().statusCode(201).header("Idempotent-Replayed", "true").body("pupil.firstName", notNullValue());
        assertEquals(before + 1, auditRows(caseId));
        assertEquals(List.of("IDEMPOTENT_REPLAY|" + replay.header("X-Request-Id")), lastAuditRow(caseId, replay));
        // Refused reuses of the key hand out nothing and write nothing.
        as(referent).header("Idempotency-Key", key).body(referral(caseId, "PLATFORM", World.P_LYON, true))
                .post("/api/v1/referrals").then().statusCode(422);
        assertEquals(before + 1, auditRows(caseId));
    }

    private static long auditRows(String caseId) {
        return TestDb.count("select count(*) from audit_event where case_id = ?::uuid", caseId);
    }

    /** operation|request_id of the case's audit row written by this answer (the request id it was given). */
    private static List<String> lastAuditRow(String caseId, Response answer) {
        return TestDb.strings("select operation || '|' || coalesce(request_id, '') from audit_event where case_id = ?::uuid"
                + " and request_id = ?", caseId, answer.header("X-Request-Id"));
    }

    @Test
    void theSameKeyWithAnotherBodyIs422() {
        String key = UUID.randomUUID().toString();
        as(referent).header("Idempotency-Key", key).body(pupil(uai)).post("/api/v1/cases").then().statusCode(201);
        long cases = TestDb.count("select count(*) from pupil_case");
        as(referent).header("Idempotency-Key", key).body(pupil(uai)).post("/api/v1/cases").then().statusCode(422)
                .body("violations[0].field", equalTo("Idempotency-Key")).body("violations[0].code", equalTo("KEY_REUSED"));
        assertEquals(cases, TestDb.count("select count(*) from pupil_case"));
    }

    @Test
    void keysBelongToTheirCallerAndLive24Hours() {
        String key = UUID.randomUUID().toString();
        as(referent).header("Idempotency-Key", key).body(pupil(uai)).post("/api/v1/cases").then().statusCode(201);
        String otherUai = Api.freshUai();
        as(referent(otherUai)).header("Idempotency-Key", key).body(pupil(otherUai)).post("/api/v1/cases").then().statusCode(201)
                .header("Idempotent-Replayed", (String) null);
        clock.advance(Duration.ofHours(25));
        as(referent).header("Idempotency-Key", key).body(pupil(uai)).post("/api/v1/cases").then().statusCode(201)
                .header("Idempotent-Replayed", (String) null);
    }

    @Test
    void aMalformedKeyIs400() {
        as(referent).header("Idempotency-Key", "é".repeat(3)).body(pupil(uai)).post("/api/v1/cases").then().statusCode(400)
                .body("violations[0].field", equalTo("Idempotency-Key"));
    }

    /** A duplicate that arrives while the first request holds the key is turned away at once, and writes nothing. */
    @Test
    void aDuplicateWhileTheFirstIsInFlightIs409AndTheKeyWorksOnceItEnds() throws Exception {
        String caseId = createCase(referent, pupil(uai)).id();
        String key = UUID.randomUUID().toString();
        Map<String, Object> body = referral(caseId, "PROGRAMME", World.PROG_OPEN, true);
        long lock = IdempotencyService.lockKey("referent-" + uai, key);
        try (Connection inFlight = TestDb.connect()) {
            inFlight.setAutoCommit(false);
            try (PreparedStatement s = inFlight.prepareStatement("select pg_advisory_xact_lock(?, ?)")) {
                s.setInt(1, (int) (lock >>> 32));
                s.setInt(2, (int) lock);
                s.execute();
            }
            long started = System.nanoTime();
            as(referent).header("Idempotency-Key", key).body(body).post("/api/v1/referrals").then().statusCode(409)
                    .body("type", endsWith("idempotency-key-in-use"));
            assertTrue(System.nanoTime() - started < Duration.ofSeconds(5).toNanos(), "answered without waiting for the lock");
            assertEquals(0, TestDb.count("select count(*) from referral where case_id = ?::uuid", caseId));
            assertEquals(0, TestDb.count("select count(*) from idempotency_record where idem_key = ?", key));
            // The first request fails: its rollback releases the key, with nothing to clean up.
            inFlight.rollback();
        }
        Response first = as(referent).header("Idempotency-Key", key).body(body).post("/api/v1/referrals");
        first.then().statusCode(201).header("Idempotent-Replayed", (String) null);
        Response replay = as(referent).header("Idempotency-Key", key).body(body).post("/api/v1/referrals");
        replay.then().statusCode(201).header("Idempotent-Replayed", "true");
        assertEquals(first.asString(), replay.asString());
        assertEquals(1, TestDb.count("select count(*) from referral where case_id = ?::uuid", caseId));
    }

    @Test
    void twentyConcurrentDuplicatesCreateOneReferral() throws Exception {
        String caseId = createCase(referent, pupil(uai)).id();
        String key = UUID.randomUUID().toString();
        String json = new ObjectMapper().writeValueAsString(referral(caseId, "PROGRAMME", World.PROG_OPEN, true));
        Map<Integer, Integer> statuses = new HashMap<>();
        Set<String> ids = new HashSet<>();
        for (HttpResponse<String> r : Concurrent.post(20, "/api/v1/referrals", referent, Map.of("Idempotency-Key", key), json)) {
            statuses.merge(r.statusCode(), 1, Integer::sum);
            if (r.statusCode() == 201) {
                ids.add(new ObjectMapper().readTree(r.body()).get("id").asText());
            }
        }
        assertTrue(statuses.keySet().stream().allMatch(s -> s == 201 || s == 409), statuses.toString());
        assertTrue(statuses.getOrDefault(201, 0) >= 1, statuses.toString());
        assertEquals(1, ids.size(), "one id for every success: " + ids);
        assertEquals(1, TestDb.count("select count(*) from referral where case_id = ?::uuid", caseId));
        assertEquals(1, TestDb.count("select count(*) from idempotency_record where idem_key = ?", key));
        // Once the first has finished, the same request replays it.
        as(referent).header("Idempotency-Key", key).body(json).post("/api/v1/referrals").then().statusCode(201)
                .body("id", equalTo(ids.iterator().next())).header("Idempotent-Replayed", "true");
    }
}
