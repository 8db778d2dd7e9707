package fr.passerelle.referral.rest;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static fr.passerelle.referral.support.Api.as;
import static fr.passerelle.referral.support.Api.createCase;
import static fr.passerelle.referral.support.Api.pupil;
import static fr.passerelle.referral.support.Api.referent;
import static fr.passerelle.referral.support.Api.referral;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
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
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What each answer of the directory means for the caller and for the circuit breaker (DESIGN "Cases and
 * referrals"): a commune or target that does not exist is the caller's error (422 naming the field), never retried
 * and never counted, so that nobody's mistakes open the breaker for everybody; only real unavailability gives 503
 * with Retry-After, writes nothing, and opens the breaker when it lasts.
 */
@QuarkusTest
@QuarkusTestResource(ReferralDatabase.class)
@QuarkusTestResource(DirectoryStub.class)
class DirectoryAnswersTest {

    /** Commune codes no other test uses, so that nothing is answered from the look-up cache. */
    private static final AtomicInteger CODES = new AtomicInteger((int) (System.nanoTime() % 5000));
    private static final String TOKEN_PATH = "/realms/passerelle/protocol/openid-connect/token";

    private final String uai = Api.freshUai();
    private final String referent = referent(uai);
    private final WireMock directory = World.wireMock();

    @AfterEach
    void letTheCircuitBreakerClose() throws InterruptedException {
        // The breaker's delay is 1 s in tests; later tests must find it half-open at worst.
        Thread.sleep(1200);
    }

    @Test
    void unknownOrMalformedCommunesAre422AreNotRetriedAndNeverOpenTheBreaker() {
        Map<String, Long> before = counts();
        // Asked a second time, the directory would know this one: a 422 proves it was asked once.
        String malformed = freshCode();
        directory.register(communeLookUp(malformed).inScenario("malformed-" + malformed).whenScenarioStateIs(STARTED)
                .willReturn(problem(400)).willSetStateTo("asked"));
        directory.register(communeLookUp(malformed).inScenario("malformed-" + malformed).whenScenarioStateIs("asked")
                .willReturn(communeRecord(malformed)));
        createCaseIn(malformed).then().statusCode(422).contentType("application/problem+json")
                .body("violations[0].field", equalTo("homeCommuneCode")).body("violations[0].code", equalTo("UNKNOWN_COMMUNE"));

        // Eight callers' mistakes, 404 and 400: beyond the breaker's volume (6), were they counted.
        for (int i = 0; i < 8; i++) {
            String code = freshCode();
            if (i % 2 == 0) {
                directory.register(communeLookUp(code).willReturn(problem(400)));
            }
            createCaseIn(code).then().statusCode(422).body("violations[0].field", equalTo("homeCommuneCode"));
        }
        assertEquals(before, counts(), "nothing written");

        // The breaker is still closed: a commune nobody asked for yet is looked up and the case created.
        createCaseIn(knownCommune()).then().statusCode(201);
    }

    @Test
    void unknownTargetsAre422NamingTargetIdAndNeverOpenTheBreaker() {
        String caseId = createCase(referent, pupil(uai)).id();
        Map<String, Long> before = counts();
        for (int i = 0; i < 8; i++) {
            UUID target = UUID.randomUUID();
            String type = i % 3 == 0 ? "PLATFORM" : "PROGRAMME";
            if (i % 2 == 0) {
                directory.register(get(urlPathEqualTo(("PLATFORM".equals(type) ? "/api/v1/platforms/" : "/api/v1/programmes/") + target))
                        .atPriority(1).willReturn(problem(400)));
            }
            as(referent).body(referral(caseId, type, target, true)).post("/api/v1/referrals").then().statusCode(422)
                    .body("violations[0].field", equalTo("targetId")).body("violations[0].code", equalTo("UNKNOWN_TARGET"));
        }
        assertEquals(before, counts(), "nothing written");

        UUID programme = UUID.randomUUID();
        new World.Programme(programme, World.ORG_RELAIS, "Nouveau dispositif", List.of(World.P_LYON)).register(directory);
        as(referent).body(referral(caseId, "PROGRAMME", programme, true)).post("/api/v1/referrals").then().statusCode(201);
    }

    /**
     * The directory refuses to judge the young person's criteria (400) or no longer knows the programme between the two
     * look-ups (404): 422 ELIGIBILITY_UNCHECKED on targetId, nothing written, never retried and never counted (eight
     * refusals, beyond the breaker's volume, leave it closed).
     */
    @Test
    void aRefusedEligibilityCheckIs422AndNeverOpensTheBreaker() {
        String caseId = createCase(referent, pupil(uai)).id();
        Map<String, Long> before = counts();
        for (int i = 0; i < 8; i++) {
            UUID programme = UUID.randomUUID();
            new World.Programme(programme, World.ORG_RELAIS, "Dispositif à vérifier", List.of(World.P_LYON)).register(directory);
            directory.register(get(urlPathEqualTo("/api/v1/programmes/" + programme + "/eligibility")).atPriority(1)
                    .willReturn(problem(i % 2 == 0 ? 400 : 404)));
            as(referent).body(referral(caseId, "PROGRAMME", programme, true)).post("/api/v1/referrals").then().statusCode(422)
                    .body("violations[0].field", equalTo("targetId")).body("violations[0].code", equalTo("ELIGIBILITY_UNCHECKED"));
        }
        assertEquals(before, counts(), "nothing written");

        UUID programme = UUID.randomUUID();
        new World.Programme(programme, World.ORG_RELAIS, "Dispositif vérifié", List.of(World.P_LYON)).register(directory);
        as(referent).body(referral(caseId, "PROGRAMME", programme, true)).post("/api/v1/referrals").then().statusCode(201);
    }

    /**
     * Real unavailability, each kind: 503 + Retry-After and nothing written. 401 here is a refusal that outlives a
     * token renewal; "reset" and "empty" are connections that die without an HTTP answer, as a refused connection
     * does (the client sees the same processing error).
     */
    @ParameterizedTest
    @ValueSource(strings = {"500", "502", "503", "429", "401", "timeout", "reset", "empty"})
    void unavailabilityIs503WithRetryAfterAndWritesNothing(String kind) {
        String code = freshCode();
        directory.register(communeLookUp(code).willReturn(switch (kind) {
            case "timeout" -> communeRecord(code).withFixedDelay(4000);
            case "reset" -> aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER);
            case "empty" -> aResponse().withFault(Fault.EMPTY_RESPONSE);
            default -> problem(Integer.parseInt(kind));
        }));
        Map<String, Long> before = counts();
        createCaseIn(code).then().statusCode(503).contentType("application/problem+json").header("Retry-After", "10")
                .body("type", equalTo("https://passerelle.example.org/problems/service-unavailable"));
        assertEquals(before, counts(), "nothing written");
    }

    @Test
    void aRateLimitIsNotRetriedAtOnce() {
        closeTheBreaker();
        // Asked a second time, the directory would answer: a 503 proves the 429 was not retried.
        String code = freshCode();
        directory.register(communeLookUp(code).inScenario("limited-" + code).whenScenarioStateIs(STARTED)
                .willReturn(problem(429).withHeader("Retry-After", "5")).willSetStateTo("asked"));
        directory.register(communeLookUp(code).inScenario("limited-" + code).whenScenarioStateIs("asked")
                .willReturn(communeRecord(code)));
        createCaseIn(code).then().statusCode(503).header("Retry-After", "10");
    }

    @Test
    void aPassingServerErrorIsRetried() {
        closeTheBreaker();
        String code = freshCode();
        directory.register(communeLookUp(code).inScenario("flaky-" + code).whenScenarioStateIs(STARTED)
                .willReturn(problem(503)).willSetStateTo("back"));
        directory.register(communeLookUp(code).inScenario("flaky-" + code).whenScenarioStateIs("back")
                .willReturn(communeRecord(code)));
        createCaseIn(code).then().statusCode(201);
    }

    @Test
    void realOutagesOpenTheBreakerForEveryCommuneThenItClosesAgain() throws InterruptedException {
        closeTheBreaker();
        // Each outage is three failed attempts; once they are half of the breaker's window (6) it opens. Right
        // after each, a commune the directory would answer: while the breaker is closed it is looked up (201);
        // once it is open nobody is asked, and even that one gets 503 and nothing is written.
        boolean opened = false;
        for (int outages = 0; outages < 4 && !opened; outages++) {
            String down = freshCode();
            directory.register(communeLookUp(down).willReturn(problem(500)));
            Map<String, Long> before = counts();
            createCaseIn(down).then().statusCode(503).header("Retry-After", "10");
            Response valid = createCaseIn(knownCommune());
            opened = valid.statusCode() == 503;
            if (opened) {
                valid.then().header("Retry-After", "10");
                assertEquals(before, counts(), "nothing written");
            } else {
                valid.then().statusCode(201);
            }
        }
        assertTrue(opened, "the breaker opened after a few outages");

        Thread.sleep(1200);
        createCaseIn(knownCommune()).then().statusCode(201);
    }

    @Test
    void aRefusedServiceTokenIsRenewedOnceAndTheLookUpMadeAgain() {
        var renewal = directory.register(post(urlPathEqualTo(TOKEN_PATH)).atPriority(1).willReturn(token("renewed-token")));
        try {
            String code = freshCode();
            directory.register(communeLookUp(code).withHeader("Authorization", WireMock.equalTo("Bearer " + DirectoryStub.ACCESS_TOKEN))
                    .willReturn(problem(401).withHeader("WWW-Authenticate", "Bearer error=\"invalid_token\"")));
            directory.register(communeLookUp(code).withHeader("Authorization", WireMock.equalTo("Bearer renewed-token"))
                    .willReturn(communeRecord(code)));
            createCaseIn(code).then().statusCode(201);
        } finally {
            // Give the service its usual token back (other tests check it): refuse the renewed one once.
            directory.removeStubMapping(renewal);
            String code = freshCode();
            directory.register(communeLookUp(code).withHeader("Authorization", WireMock.equalTo("Bearer renewed-token"))
                    .willReturn(problem(401)));
            directory.register(communeLookUp(code).withHeader("Authorization", WireMock.equalTo("Bearer " + DirectoryStub.ACCESS_TOKEN))
                    .willReturn(communeRecord(code)));
            createCaseIn(code).then().statusCode(201);
        }
    }

    /** Half-open after an earlier test's outage, the breaker closes on one answered look-up. */
    private void closeTheBreaker() {
        createCaseIn(knownCommune()).then().statusCode(201);
    }

    /** A commune the directory knows and nobody has looked up yet. */
    private String knownCommune() {
        String code = freshCode();
        World.commune(directory, code, "Valide", "69", "10");
        return code;
    }

    private Response createCaseIn(String communeCode) {
        Map<String, Object> body = new HashMap<>(pupil(uai));
        body.put("homeCommuneCode", communeCode);
        return as(referent).body(body).post("/api/v1/cases");
    }

    private static String freshCode() {
        return String.format("7%04d", CODES.incrementAndGet() % 10_000);
    }

    private static MappingBuilder communeLookUp(String code) {
        return get(urlPathEqualTo("/api/v1/territories/communes/" + code)).atPriority(1);
    }

    private static ResponseDefinitionBuilder communeRecord(String code) {
        return aResponse().withHeader("Content-Type", "application/json").withBody("{\"code\":\"" + code
                + "\",\"name\":\"Commune " + code + "\",\"departementCode\":\"69\",\"academieCode\":\"10\"}");
    }

    private static ResponseDefinitionBuilder problem(int status) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/problem+json")
                .withBody("{\"type\":\"about:blank\",\"title\":\"Directory answer\",\"status\":" + status + "}");
    }

    private static ResponseDefinitionBuilder token(String accessToken) {
        return aResponse().withHeader("Content-Type", "application/json")
                .withBody("{\"access_token\":\"" + accessToken + "\",\"token_type\":\"Bearer\",\"expires_in\":3600}");
    }

    private static Map<String, Long> counts() {
        return TestDb.counts("pupil_case", "referral", "case_event", "audit_event", "idempotency_record");
    }
}
