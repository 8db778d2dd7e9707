package fr.passerelle.referral.rest;

import static fr.passerelle.referral.support.Api.act;
import static fr.passerelle.referral.support.Api.as;
import static fr.passerelle.referral.support.Api.createCase;
import static fr.passerelle.referral.support.Api.createReferral;
import static fr.passerelle.referral.support.Api.pupil;
import static fr.passerelle.referral.support.Api.referent;
import static fr.passerelle.referral.support.Api.referral;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import fr.passerelle.referral.domain.DeadlinePolicy;
import fr.passerelle.referral.service.DeadlineJob;
import fr.passerelle.referral.support.Api;
import fr.passerelle.referral.support.DirectoryStub;
import fr.passerelle.referral.support.NothingWritten;
import fr.passerelle.referral.support.ReferralDatabase;
import fr.passerelle.referral.support.TestClock;
import fr.passerelle.referral.support.TestDb;
import fr.passerelle.referral.support.World;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The 6- and 12-month outcome follow-up: asked of the completing organisation when due (once), recorded by its
 * partner staff only, when due, once; counted by the statistics.
 */
@QuarkusTest
@QuarkusTestResource(ReferralDatabase.class)
@QuarkusTestResource(DirectoryStub.class)
class OutcomeFollowUpTest {

    @Inject
    TestClock clock;
    @Inject
    DeadlineJob job;

    private final String uai = Api.freshUai();
    private final String referent = referent(uai);
    private final String partner = Api.partner(World.ORG_RELAIS);
    private final UUID programme = UUID.randomUUID();

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    static Instant paris(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(DeadlinePolicy.PARIS).toInstant();
    }

    private String completed() {
        new World.Programme(programme, World.ORG_RELAIS, "Suivi des sorties", List.of(World.P_LYON)).register(World.wireMock());
        clock.moveTo(paris("2027-01-10T10:00"));
        String caseId = createCase(referent, pupil(uai)).id();
        String id = createReferral(referent, referral(caseId, "PROGRAMME", programme, true)).id();
        act(partner, id, "receive", null).then().statusCode(200);
        act(partner, id, "accept", null).then().statusCode(200);
        act(partner, id, "start", Map.of("startDate", "2027-01-10")).then().statusCode(200);
        act(partner, id, "complete", Map.of("outcome", "OTHER_SUPPORT")).then().statusCode(200);
        return id;
    }

    private static Map<String, Object> body(String milestone, String situation) {
        return Map.of("milestone", milestone, "situation", situation, "note", "Contrat signé.");
    }

    private io.restassured.response.Response record(String token, String id, Map<String, Object> body) {
        String etag = Api.etag(token, "/api/v1/referrals/" + id);
        return as(token).header("If-Match", etag).body(body).post("/api/v1/referrals/" + id + "/outcome-follow-ups");
    }

    private static long dueEvents(String id) {
        return TestDb.count("select count(*) from outbox_event where referral_id = ?::uuid and type = 'referral.outcome_follow_up_due'", id);
    }

    @Test
    void recordedWhenDueByTheCompletingPartnerOnceAndCounted() {
        String id = completed();
        String path = "/api/v1/referrals/" + id + "/outcome-follow-ups";
        as(partner).get("/api/v1/referrals/" + id).then().statusCode(200).body("outcomeFollowUpDue", nullValue())
                .body("outcomeFollowUps", nullValue());

        // before 6 months: 409 with the date it is due from; nothing asked yet
        record(partner, id, body("SIX_MONTHS", "EMPLOYMENT")).then().statusCode(409)
                .contentType("application/problem+json").body("type", endsWith("follow-up-not-due")).body("detail", containsString("2027-07-10"));
        clock.moveTo(paris("2027-07-09T23:59"));
        job.run();
        assertEquals(0, dueEvents(id));

        // the day it falls due: the organisation is asked once, the referral shows it due
        clock.moveTo(paris("2027-07-10T08:00"));
        job.run();
        job.run();
        assertEquals(1, dueEvents(id));
        String data = TestDb.strings("select data::text from outbox_event where referral_id = ?::uuid"
                + " and type = 'referral.outcome_follow_up_due'", id).get(0);
        assertFalse(data.contains("Lina") || data.contains("Martin") || data.contains("Contrat"), "no personal data: " + data);
        as(partner).get("/api/v1/referrals/" + id).then().body("outcomeFollowUpDue", equalTo("SIX_MONTHS"));

        // If-Match: missing 428, stale 412; another organisation 404; the school's referent 403; nothing written
        NothingWritten.check(() -> as(partner).body(body("SIX_MONTHS", "EMPLOYMENT")).post(path).then().statusCode(428));
        NothingWritten.check(() -> as(partner).header("If-Match", "\"v999\"").body(body("SIX_MONTHS", "EMPLOYMENT")).post(path)
                .then().statusCode(412));
        NothingWritten.check(() -> as(Api.partner(World.ORG_E2C)).header("If-Match", "*").body(body("SIX_MONTHS", "EMPLOYMENT"))
                .post(path).then().statusCode(404));
        String etag = Api.etag(partner, "/api/v1/referrals/" + id);
        NothingWritten.check(() -> as(referent).header("If-Match", etag).body(body("SIX_MONTHS", "EMPLOYMENT")).post(path)
                .then().statusCode(403));
        NothingWritten.check(() -> as(partner).header("If-Match", etag).body(body("THREE_MONTHS", "EMPLOYMENT")).post(path)
                .then().statusCode(400));

        record(partner, id, body("SIX_MONTHS", "EMPLOYMENT")).then().statusCode(200)
                .body("outcomeFollowUps[0].milestone", equalTo("SIX_MONTHS"))
                .body("outcomeFollowUps[0].situation", equalTo("EMPLOYMENT"))
                .body("outcomeFollowUps[0].positiveExit", equalTo(true))
                .body("outcomeFollowUpDue", nullValue());
        record(partner, id, body("SIX_MONTHS", "NO_SOLUTION")).then().statusCode(409).body("type", endsWith("follow-up-recorded"));
        record(partner, id, body("TWELVE_MONTHS", "EMPLOYMENT")).then().statusCode(409).body("type", endsWith("follow-up-not-due"));
        as(referent).get("/api/v1/cases/" + TestDb.strings("select cast(case_id as text) from referral where id = ?::uuid", id).get(0)
                + "/timeline").then().statusCode(200).body("items.type", hasItem("REFERRAL_OUTCOME_FOLLOW_UP"));
        assertEquals(1, TestDb.count("select count(*) from audit_event where referral_id = ?::uuid and operation = 'REFERRAL_OUTCOME_FOLLOW_UP'", id));

        // the statistics count the situation at 6 months (1: hidden), next to the one at completion
        as(Api.auditor()).get("/api/v1/stats?groupBy=outcome&programmeId=" + programme).then().statusCode(200)
                .body("table.columns[1].key", equalTo("SIX_MONTHS"))
                .body("table.totals.cells[1].hidden", equalTo(true))
                .body("table.rows.find { it.key == 'EMPLOYMENT' }.cells[1].hidden", equalTo(true))
                .body("table.rows.find { it.key == 'NO_SOLUTION' }.cells[1].value", equalTo(0));

        // twelve months on: asked again for the 12-month situation
        clock.moveTo(paris("2028-01-10T08:00"));
        job.run();
        assertEquals(2, dueEvents(id));
        record(partner, id, body("TWELVE_MONTHS", "APPRENTICESHIP")).then().statusCode(200)
                .body("outcomeFollowUps.milestone", equalTo(List.of("SIX_MONTHS", "TWELVE_MONTHS")));
    }

    @Test
    void aReferralNotCompletedHasNoFollowUp() {
        new World.Programme(programme, World.ORG_RELAIS, "Suivi des sorties", List.of(World.P_LYON)).register(World.wireMock());
        String caseId = createCase(referent, pupil(uai)).id();
        String id = createReferral(referent, referral(caseId, "PROGRAMME", programme, true)).id();
        record(partner, id, body("SIX_MONTHS", "EMPLOYMENT")).then().statusCode(409).body("type", endsWith("referral-not-completed"));
    }
}
