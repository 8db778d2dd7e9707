package fr.passerelle.referral.rest;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static fr.passerelle.referral.support.Api.as;
import static fr.passerelle.referral.support.Api.createCase;
import static fr.passerelle.referral.support.Api.createReferral;
import static fr.passerelle.referral.support.Api.pupil;
import static fr.passerelle.referral.support.Api.referent;
import static fr.passerelle.referral.support.Api.referral;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.http.Fault;
import fr.passerelle.referral.support.Api;
import fr.passerelle.referral.support.DirectoryStub;
import fr.passerelle.referral.support.ReferralDatabase;
import fr.passerelle.referral.support.TestDb;
import fr.passerelle.referral.support.World;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * When the directory cannot confirm a target, creation answers 503 with Retry-After and writes nothing; reads of
 * existing referrals keep working; a retry with the same Idempotency-Key succeeds once the directory is back.
 */
@QuarkusTest
@QuarkusTestResource(ReferralDatabase.class)
@QuarkusTestResource(DirectoryStub.class)
class DirectoryDownTest {

    private final String uai = Api.freshUai();
    private final String referent = referent(uai);
    private final WireMock directory = World.wireMock();

    @AfterEach
    void letTheCircuitBreakerClose() throws InterruptedException {
        // The breaker's delay is 1 s in tests; later tests must find it half-open at worst.
        Thread.sleep(1200);
    }

    @Test
    void aTargetTheDirectoryCannotConfirmGets503AndNothingIsWritten() {
        String caseId = createCase(referent, pupil(uai)).id();
        String existing = createReferral(referent, referral(caseId, "PROGRAMME", World.PROG_OPEN, true)).id();
        UUID programme = UUID.randomUUID();
        directory.register(get(urlPathEqualTo("/api/v1/programmes/" + programme))
                .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        Map<String, Long> before = counts();

        Response down = as(referent).header("Idempotency-Key", "down-" + programme)
                .body(referral(caseId, "PROGRAMME", programme, true)).post("/api/v1/referrals");
        down.then().statusCode(503).contentType("application/problem+json").header("Retry-After", "10")
                .body("type", equalTo("https://passerelle.example.org/problems/service-unavailable"));
        assertEquals(before, counts(), "nothing written");

        // Reads of what exists keep working without the directory.
        as(referent).get("/api/v1/referrals/" + existing).then().statusCode(200);
        as(referent).get("/api/v1/referrals").then().statusCode(200);
        as(referent).get("/api/v1/cases/" + caseId).then().statusCode(200);
        as(referent).get("/api/v1/cases/" + caseId + "/timeline").then().statusCode(200);
        as(Api.partner(World.ORG_RELAIS)).get("/api/v1/referrals/" + existing).then().statusCode(200);

        // The directory is back (and demands the service's own token): the same key now files the referral.
        directory.register(get(urlPathEqualTo("/api/v1/programmes/" + programme)).atPriority(1)
                .withHeader("Authorization", WireMock.equalTo("Bearer " + DirectoryStub.ACCESS_TOKEN))
                .willReturn(aResponse().withHeader("Content-Type", "application/json").withBody(
                        "{\"id\":\"" + programme + "\",\"organisationId\":\"" + World.ORG_RELAIS + "\",\"name\":\"Revenu\","
                                + "\"admissionMode\":\"DIRECT\",\"status\":\"ACTIVE\",\"archived\":false,\"open\":true,"
                                + "\"placesAvailable\":null,\"platformIds\":[\"" + World.P_LYON + "\"],\"somethingNew\":{\"x\":1}}")));
        // The programme answers, but whether the young person fits it cannot be confirmed: still 503, still nothing written.
        String eligibilityPath = "/api/v1/programmes/" + programme + "/eligibility";
        directory.register(get(urlPathEqualTo(eligibilityPath)).atPriority(1)
                .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        before = counts();
        as(referent).header("Idempotency-Key", "down-" + programme).body(referral(caseId, "PROGRAMME", programme, true))
                .post("/api/v1/referrals").then().statusCode(503).contentType("application/problem+json").header("Retry-After", "10");
        assertEquals(before, counts(), "nothing written while eligibility cannot be confirmed");
        directory.register(get(urlPathEqualTo(eligibilityPath)).atPriority(1)
                .withHeader("Authorization", WireMock.equalTo("Bearer " + DirectoryStub.ACCESS_TOKEN))
                .willReturn(aResponse().withHeader("Content-Type", "application/json").withBody(
                        "{\"programmeId\":\"" + programme + "\",\"fits\":true,\"mismatches\":[],\"somethingNew\":1}")));
        Response back = null;
        for (int attempt = 0; attempt < 20; attempt++) {
            back = as(referent).header("Idempotency-Key", "down-" + programme)
                    .body(referral(caseId, "PROGRAMME", programme, true)).post("/api/v1/referrals");
            if (back.statusCode() != 503) {
                break;
            }
            sleep(250);
        }
        back.then().statusCode(201).body("status", equalTo("SUBMITTED")).body("targetName", equalTo("Revenu"));
        assertEquals(before.get("referral") + 1, TestDb.count("select count(*) from referral"));
    }

    @Test
    void caseCreationNeedsTheDirectoryToCheckTheCommuneToo() {
        directory.register(get(urlPathEqualTo("/api/v1/territories/communes/69383"))
                .willReturn(aResponse().withStatus(503)));
        Map<String, Object> body = new HashMap<>(pupil(uai));
        body.put("homeCommuneCode", "69383");
        Map<String, Long> before = counts();
        as(referent).body(body).post("/api/v1/cases").then().statusCode(503).header("Retry-After", "10");
        assertEquals(before, counts());
    }

    @Test
    void aSlowDirectoryTimesOutInto503() {
        String caseId = createCase(referent, pupil(uai)).id();
        UUID programme = UUID.randomUUID();
        directory.register(get(urlPathEqualTo("/api/v1/programmes/" + programme))
                .willReturn(aResponse().withFixedDelay(4000).withHeader("Content-Type", "application/json").withBody("{}")));
        long start = System.nanoTime();
        Map<String, Long> before = counts();
        as(referent).body(referral(caseId, "PROGRAMME", programme, true)).post("/api/v1/referrals").then().statusCode(503);
        long seconds = (System.nanoTime() - start) / 1_000_000_000L;
        assertTrue(seconds < 15, "bounded by timeouts and retries, took " + seconds + " s");
        assertEquals(before, counts());
    }

    private static Map<String, Long> counts() {
        return TestDb.counts("pupil_case", "referral", "case_event", "audit_event", "idempotency_record");
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
