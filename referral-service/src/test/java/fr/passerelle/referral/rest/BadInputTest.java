package fr.passerelle.referral.rest;

import static fr.passerelle.referral.support.Api.act;
import static fr.passerelle.referral.support.Api.as;
import static fr.passerelle.referral.support.Api.createCase;
import static fr.passerelle.referral.support.Api.createReferral;
import static fr.passerelle.referral.support.Api.pupil;
import static fr.passerelle.referral.support.Api.referent;
import static fr.passerelle.referral.support.Api.referral;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import fr.passerelle.referral.support.Api;
import fr.passerelle.referral.support.DirectoryStub;
import fr.passerelle.referral.support.NothingWritten;
import fr.passerelle.referral.support.ReferralDatabase;
import fr.passerelle.referral.support.World;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** Bad input answers 400/404/413/415/422 problem+json with field-level violations, and writes nothing. */
@QuarkusTest
@QuarkusTestResource(ReferralDatabase.class)
@QuarkusTestResource(DirectoryStub.class)
class BadInputTest {

    private final String uai = Api.freshUai();
    private final String referent = referent(uai);

    @Test
    void malformedJson() {
        nothingWritten(() -> as(referent).body("{\"firstName\": \"Lina\", ").post("/api/v1/cases").then().statusCode(400)
                .body("violations[0].field", notNullValue()));
    }

    @Test
    void unknownEnumValue() {
        Map<String, Object> body = new HashMap<>(pupil(uai));
        body.put("schoolLevel", "MASTER_2");
        nothingWritten(() -> as(referent).body(body).post("/api/v1/cases").then().statusCode(400)
                .body("violations[0].field", equalTo("schoolLevel")).body("violations[0].code", equalTo("UNKNOWN_VALUE")));
    }

    @Test
    void unknownProperty() {
        Map<String, Object> body = new HashMap<>(pupil(uai));
        body.put("nickname", "Lili");
        nothingWritten(() -> as(referent).body(body).post("/api/v1/cases").then().statusCode(400)
                .body("violations[0].code", equalTo("UNKNOWN_PROPERTY")));
    }

    @Test
    void birthDateInTheFuture() {
        Map<String, Object> body = new HashMap<>(pupil(uai));
        body.put("birthDate", LocalDate.now().plusDays(2).toString());
        nothingWritten(() -> as(referent).body(body).post("/api/v1/cases").then().statusCode(422)
                .body("violations.field", hasItem("birthDate")));
    }

    @Test
    void missingConsentAndMissingNames() {
        Map<String, Object> body = new HashMap<>(pupil(uai));
        body.remove("consent");
        body.remove("firstName");
        nothingWritten(() -> as(referent).body(body).post("/api/v1/cases").then().statusCode(422)
                .body("violations.field", containsInAnyOrder("consent", "firstName")));
    }

    @Test
    void malformedCodes() {
        Map<String, Object> body = new HashMap<>(pupil(uai));
        body.put("ine", "12345ABCDE");
        body.put("homeCommuneCode", "6926");
        nothingWritten(() -> as(referent).body(body).post("/api/v1/cases").then().statusCode(422)
                .body("violations.field", containsInAnyOrder("ine", "homeCommuneCode")));
    }

    @Test
    void unknownHomeCommune() {
        Map<String, Object> body = new HashMap<>(pupil(uai));
        body.put("homeCommuneCode", World.UNKNOWN_COMMUNE);
        nothingWritten(() -> as(referent).body(body).post("/api/v1/cases").then().statusCode(422)
                .body("violations[0].code", equalTo("UNKNOWN_COMMUNE")));
    }

    @Test
    void overLongText() {
        String caseId = createCase(referent, pupil(uai)).id();
        Map<String, Object> body = new HashMap<>(referral(caseId, "PROGRAMME", World.PROG_OPEN, true));
        body.put("context", "x".repeat(4001));
        nothingWritten(() -> as(referent).body(body).post("/api/v1/referrals").then().statusCode(422)
                .body("violations[0].field", equalTo("context")).body("violations[0].code", equalTo("SIZE")));
    }

    @Test
    void oversizedBody() {
        Map<String, Object> body = new HashMap<>(pupil(uai));
        body.put("firstName", "x".repeat(100_000));
        nothingWritten(() -> as(referent).body(body).post("/api/v1/cases").then().statusCode(413)
                .body("status", equalTo(413)));
    }

    @Test
    void wrongContentType() {
        nothingWritten(() -> as(referent).contentType("text/plain").body("firstName=Lina").post("/api/v1/cases")
                .then().statusCode(415));
    }

    @Test
    void unknownCaseAndTargetIds() {
        String caseId = createCase(referent, pupil(uai)).id();
        nothingWritten(() -> as(referent).body(referral(UUID.randomUUID().toString(), "PROGRAMME", World.PROG_OPEN, true))
                .post("/api/v1/referrals").then().statusCode(404).contentType("application/problem+json")
                .body("type", equalTo("https://passerelle.example.org/problems/not-found")));
        nothingWritten(() -> as(referent).body(referral(caseId, "PROGRAMME", UUID.randomUUID(), true))
                .post("/api/v1/referrals").then().statusCode(422).body("violations[0].field", equalTo("targetId"))
                .body("violations[0].code", equalTo("UNKNOWN_TARGET")));
        nothingWritten(() -> as(referent).body(referral(caseId, "PLATFORM", UUID.randomUUID(), true))
                .post("/api/v1/referrals").then().statusCode(422).body("violations[0].code", equalTo("UNKNOWN_TARGET")));
        // Another school's case does not exist for this referent: 404 as for an id that exists nowhere, same problem.
        String otherUai = Api.freshUai();
        String otherCase = createCase(referent(otherUai), pupil(otherUai)).id();
        nothingWritten(() -> {
            var invisible = as(referent).body(referral(otherCase, "PROGRAMME", World.PROG_OPEN, true)).post("/api/v1/referrals");
            invisible.then().statusCode(404).contentType("application/problem+json")
                    .body("type", equalTo("https://passerelle.example.org/problems/not-found"))
                    .body("title", equalTo("Not found")).body("requestId", notNullValue()).body("violations", nullValue());
            String missing = UUID.randomUUID().toString();
            var absent = as(referent).body(referral(missing, "PROGRAMME", World.PROG_OPEN, true)).post("/api/v1/referrals");
            assertEquals(absent.jsonPath().getString("detail").replace(missing, otherCase), invisible.jsonPath().getString("detail"));
            return invisible.then();
        });
        // Its own school's referent files for it.
        as(referent(otherUai)).body(referral(otherCase, "PROGRAMME", World.PROG_OPEN, true)).post("/api/v1/referrals")
                .then().statusCode(201);
        nothingWritten(() -> as(referent).get("/api/v1/referrals/" + UUID.randomUUID()).then().statusCode(404));
        nothingWritten(() -> as(referent).get("/api/v1/cases/not-a-uuid").then().statusCode(404));
    }

    @Test
    void closedOrIneligibleTargets() {
        String caseId = createCase(referent, pupil(uai)).id();
        nothingWritten(() -> as(referent).body(referral(caseId, "PROGRAMME", World.PROG_CLOSED, true))
                .post("/api/v1/referrals").then().statusCode(422).body("violations[0].code", equalTo("TARGET_CLOSED")));
        // 15, at school, not in a QPV: three rules of the strict programme fail, and no override was given.
        nothingWritten(() -> as(referent).body(referral(caseId, "PROGRAMME", World.PROG_STRICT, true))
                .post("/api/v1/referrals").then().statusCode(422)
                .body("violations.code", containsInAnyOrder("AGE_BELOW_MINIMUM", "SCHOOLING_STATUS", "QPV_RESIDENCE", "REQUIRED")));
        // Outside the Loire platform's territory.
        nothingWritten(() -> as(referent).body(referral(caseId, "PLATFORM", World.P_LOIRE, true))
                .post("/api/v1/referrals").then().statusCode(422).body("violations.code", hasItem("OUTSIDE_TERRITORY")));
        // With the referent's reason, it goes through and the mismatches stay on record.
        Map<String, Object> overridden = new HashMap<>(referral(caseId, "PROGRAMME", World.PROG_STRICT, true));
        overridden.put("eligibilityOverrideReason", "Sortie imminente, famille relogée en QPV le mois prochain.");
        as(referent).body(overridden).post("/api/v1/referrals").then().statusCode(201)
                .body("eligibilityMismatches", containsInAnyOrder("AGE_BELOW_MINIMUM", "SCHOOLING_STATUS", "QPV_RESIDENCE"));
    }

    @Test
    void duplicateOpenReferralToTheSameTarget() {
        String caseId = createCase(referent, pupil(uai)).id();
        String first = createReferral(referent, referral(caseId, "PROGRAMME", World.PROG_OPEN, true)).id();
        nothingWritten(() -> as(referent).body(referral(caseId, "PROGRAMME", World.PROG_OPEN, false)).post("/api/v1/referrals")
                .then().statusCode(409).body("existingId", equalTo(first)));
    }

    @Test
    void startBeforeSubmissionOrInTheFuture() {
        String caseId = createCase(referent, pupil(uai)).id();
        String id = createReferral(referent, referral(caseId, "PROGRAMME", World.PROG_OPEN, true)).id();
        String partner = Api.partner(World.ORG_RELAIS);
        act(partner, id, "receive", null).then().statusCode(200);
        act(partner, id, "accept", null).then().statusCode(200);
        String etag = Api.etag(partner, "/api/v1/referrals/" + id);
        String start = "/api/v1/referrals/" + id + "/start";
        nothingWritten(() -> as(partner).header("If-Match", etag).body(Map.of("startDate", LocalDate.now().minusDays(3).toString()))
                .post(start).then().statusCode(422).body("violations[0].field", equalTo("startDate"))
                .body("violations[0].code", equalTo("BEFORE_SUBMISSION")));
        nothingWritten(() -> as(partner).header("If-Match", etag).body(Map.of("startDate", LocalDate.now().plusDays(3).toString()))
                .post(start).then().statusCode(422).body("violations[0].code", equalTo("FUTURE")));
        nothingWritten(() -> as(partner).header("If-Match", etag).body(Map.of()).post(start).then().statusCode(422)
                .body("violations[0].field", equalTo("startDate")));
        nothingWritten(() -> as(partner).header("If-Match", etag).body(Map.of("outcome", "GRADUATED"))
                .post("/api/v1/referrals/" + id + "/complete").then().statusCode(400)
                .body("violations[0].field", equalTo("outcome")));
    }

    @Test
    void badQueryParameters() {
        nothingWritten(() -> as(referent).get("/api/v1/referrals?updatedSince=yesterday").then().statusCode(400)
                .body("violations[0].field", equalTo("updatedSince")));
        nothingWritten(() -> as(referent).get("/api/v1/referrals?status=LOST").then().statusCode(400));
        nothingWritten(() -> as(referent).get("/api/v1/referrals?page=-1").then().statusCode(400));
        nothingWritten(() -> as(Api.coordinator(World.P_LYON)).get("/api/v1/triage?cursor=bm9wZQ").then().statusCode(400)
                .body("violations[0].field", equalTo("cursor")));
        nothingWritten(() -> as(Api.coordinator(World.P_LYON)).get("/api/v1/triage?status=COMPLETED").then().statusCode(400));
        nothingWritten(() -> as(referent).get("/api/v1/stats?from=2026-13-01").then().statusCode(400));
    }

    @Test
    void noStackTraceOrSqlInAnyError() {
        as(referent).body("{\"caseId\": 12}").post("/api/v1/referrals").then().statusCode(400)
                .body(not(org.hamcrest.Matchers.containsString("Exception")))
                .body(not(org.hamcrest.Matchers.containsString("com.fasterxml")));
    }

    private static void nothingWritten(Supplier<ValidatableResponse> badRequest) {
        NothingWritten.check(badRequest);
    }
}
