package fr.passerelle.referral.rest;

import static fr.passerelle.referral.support.Api.as;
import static fr.passerelle.referral.support.Api.createCase;
import static fr.passerelle.referral.support.Api.createReferral;
import static fr.passerelle.referral.support.Api.pupil;
import static fr.passerelle.referral.support.Api.referral;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.passerelle.referral.support.Api;
import fr.passerelle.referral.support.DirectoryStub;
import fr.passerelle.referral.support.ReferralDatabase;
import fr.passerelle.referral.support.World;
import fr.passerelle.testing.CapturedLogs;
import fr.passerelle.testing.ContractCheck;
import fr.passerelle.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.net.URL;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What every answer of referral-service carries, whatever layer produced it: no answer may be kept by a cache (they
 * hold pupils' data, errors included), none may be content-sniffed; and what the service never writes down.
 */
@QuarkusTest
@QuarkusTestResource(ReferralDatabase.class)
@QuarkusTestResource(DirectoryStub.class)
class HttpEnvelopeTest {

    // The management interface: only its host and port are used, the paths below are absolute.
    @TestHTTPResource(value = "/", management = true)
    URL managementRoot;

    private String management() {
        return "http://" + managementRoot.getHost() + ":" + managementRoot.getPort();
    }

    private final String uai = Api.freshUai();
    private final String referent = Api.referent(uai);

    private static ValidatableResponse uncacheable(ValidatableResponse response) {
        return response.header("Cache-Control", "no-store").header("X-Content-Type-Options", "nosniff");
    }

    private static ValidatableResponse isProblem(ValidatableResponse response, int status) {
        return uncacheable(response.statusCode(status).contentType("application/problem+json")
                .body("status", equalTo(status)).body("requestId", notNullValue()));
    }

    @Test
    void answersHoldingPersonalDataAreNeverCached() {
        var created = createCase(referent, pupil(uai));
        uncacheable(created.response().then());
        String caseId = created.id();
        uncacheable(as(referent).get("/api/v1/cases/" + caseId).then().statusCode(200));
        uncacheable(as(referent).get("/api/v1/cases").then().statusCode(200));
        uncacheable(as(referent).get("/api/v1/cases/" + caseId + "/timeline").then().statusCode(200));
        var filed = createReferral(referent, referral(caseId, "PLATFORM", World.P_LYON, true));
        uncacheable(filed.response().then());
        uncacheable(as(referent).get("/api/v1/referrals/" + filed.id()).then().statusCode(200));
        uncacheable(as(referent).get("/api/v1/referrals/" + filed.id() + "/follow-ups").then().statusCode(200));
        uncacheable(as(Api.coordinator(World.P_LYON)).get("/api/v1/triage").then().statusCode(200));
        uncacheable(as(Api.auditor()).get("/api/v1/audit").then().statusCode(200));
        uncacheable(as(Api.auditor()).body(Map.of("caseId", caseId, "reference", "DPO-ENVELOPE"))
                .post("/api/v1/audit/subject-access").then().statusCode(200));
        isProblem(as(referent).get("/api/v1/cases/00000000-0000-0000-0000-000000000000").then(), 404);
        isProblem(as(referent).body(Map.of("firstName", "Lina")).post("/api/v1/cases").then(), 422);
        isProblem(as(referent).body("{\"firstName\":").post("/api/v1/cases").then(), 400);
        RestAssured.given().queryParam("format", "json").get("/q/openapi").then().statusCode(200)
                .header("X-Content-Type-Options", "nosniff");
    }

    @Test
    void theServiceOwn401sAreProblems() {
        isProblem(RestAssured.given().filter(ContractCheck.INSTANCE).header("X-Request-Id", "envelope-401").get("/api/v1/cases").then(), 401)
                .header("WWW-Authenticate", "Bearer").body("requestId", equalTo("envelope-401"));
        isProblem(RestAssured.given().filter(ContractCheck.INSTANCE).auth().oauth2("not-a-jwt").get("/api/v1/referrals").then(), 401);
        String expired = TestTokens.user("referent-x").role("referent").claim("uai", uai).expiresIn(-120).sign();
        isProblem(RestAssured.given().filter(ContractCheck.INSTANCE).auth().oauth2(expired).get("/api/v1/cases").then(), 401);
        // "Bearer .." made the token library throw (500) instead of refusing the token.
        isProblem(RestAssured.given().filter(ContractCheck.INSTANCE).header("Authorization", "Bearer ..").get("/api/v1/cases").then(), 401)
                .header("WWW-Authenticate", "Bearer error=\"invalid_token\"");
    }

    @Test
    void aLongUriAndLargeHeadersAreProblemsNotTheCodecsEmptyAnswers() {
        // Not contract-checked yet: the HTTP codec answers 414/431 for any path, which no operation lists so far.
        isProblem(RestAssured.given().get("/api/v1/cases?status=" + "A".repeat(20_000)).then(), 414);
        isProblem(RestAssured.given().header("X-Padding", "a".repeat(100_000)).get("/api/v1/cases").then(), 431);
    }

    @Test
    void twoAuthorizationHeadersAreRefusedWhateverTheirOrder() {
        String valid = TestTokens.user("referent-x").role("referent").claim("uai", uai).sign();
        isProblem(RestAssured.given().filter(ContractCheck.INSTANCE).header("Authorization", "Bearer " + valid).header("Authorization", "Bearer x.y.z")
                .get("/api/v1/cases").then(), 400).body("violations[0].code", equalTo("REPEATED_HEADER"));
    }

    @Test
    void aTooLargeBodyIsAProblem() {
        // Above referral.limits.max-body-bytes (64 KiB), then above the HTTP layer's own backstop (1 MiB).
        isProblem(as(referent).body("{\"firstName\":\"" + "x".repeat(100_000) + "\"}").post("/api/v1/cases").then(), 413);
        isProblem(as(referent).body("{\"firstName\":\"" + "x".repeat(1_200_000) + "\"}").post("/api/v1/cases").then(), 413);
        isProblem(RestAssured.given().filter(ContractCheck.INSTANCE).contentType(ContentType.JSON).body("{\"firstName\":\"" + "x".repeat(1_200_000) + "\"}")
                .post("/api/v1/cases").then(), 413);
    }

    @Test
    void metricsAndHealthAreOnlyOnTheManagementInterface() {
        RestAssured.get("/q/metrics").then().statusCode(404);
        RestAssured.get("/q/health/ready").then().statusCode(404);
        RestAssured.get("/q/health/live").then().statusCode(404);
        RestAssured.given().baseUri(management()).get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"))
                .body("checks.name", hasItem(containsString("Database")));
        RestAssured.given().baseUri(management()).get("/q/health/live").then().statusCode(200);
        // The API's own requests are still counted there (the end-to-end suite relies on it).
        as(referent).get("/api/v1/cases").then().statusCode(200);
        RestAssured.given().baseUri(management()).get("/q/metrics").then().statusCode(200)
                .body(containsString("http_server_requests_seconds_count{")).body(containsString("uri=\"/api/v1/cases\""));
    }

    @Test
    void aTokenInTheQueryStringIsRefusedAndNeverLogged() {
        try (CapturedLogs logs = CapturedLogs.start()) {
            isProblem(as(referent).queryParam("access_token", referent).get("/api/v1/cases").then(), 400)
                    .body("violations[0].field", equalTo("access_token"));
            isProblem(RestAssured.given().filter(ContractCheck.INSTANCE).queryParam("access_token", referent).get("/api/v1/triage").then(), 400);
            as(referent).queryParam("status", "OPEN").get("/api/v1/cases").then().statusCode(200);
            logs.awaitAccessLogLines(3);
            assertTrue(logs.accessLog().contains("/api/v1/cases"), logs.accessLog());
            assertFalse(logs.all().contains(referent), "a log line holds the token");
            assertFalse(logs.all().contains("access_token"), "a log line holds the query string");
            assertFalse(logs.all().contains("OPEN"), "a log line holds the query string");
        }
    }
}
