package fr.passerelle.directory.rest;

import static fr.passerelle.directory.Api.admin;
import static fr.passerelle.directory.Api.anonymous;
import static fr.passerelle.directory.Api.referent;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.passerelle.testing.CapturedLogs;
import fr.passerelle.testing.TestTokens;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.ValidatableResponse;
import java.net.URL;
import org.junit.jupiter.api.Test;

/** What every answer of the directory carries, whatever layer produced it, and what it never writes down. */
@QuarkusTest
class HttpEnvelopeTest {

    // The management interface: only its host and port are used, the paths below are absolute.
    @TestHTTPResource(value = "/", management = true)
    URL managementRoot;

    private String management() {
        return "http://" + managementRoot.getHost() + ":" + managementRoot.getPort();
    }

    private static ValidatableResponse isProblem(ValidatableResponse response, int status) {
        return response.statusCode(status).contentType("application/problem+json")
                .header("X-Content-Type-Options", "nosniff")
                .body("status", equalTo(status)).body("requestId", notNullValue());
    }

    @Test
    void everyAnswerForbidsContentSniffing() {
        referent().get("/api/v1/programmes").then().statusCode(200).header("X-Content-Type-Options", "nosniff");
        isProblem(referent().get("/api/v1/programmes/00000000-0000-0000-0000-000000000000").then(), 404);
        RestAssured.given().queryParam("format", "json").get("/q/openapi").then().statusCode(200)
                .header("X-Content-Type-Options", "nosniff");
    }

    @Test
    void theServiceOwn401sAreProblems() {
        isProblem(anonymous().header("X-Request-Id", "envelope-401").get("/api/v1/organisations").then(), 401)
                .header("WWW-Authenticate", "Bearer").body("requestId", equalTo("envelope-401"));
        isProblem(anonymous().header("Authorization", "Bearer not-a-jwt").get("/api/v1/programmes").then(), 401);
        isProblem(anonymous().auth().oauth2(TestTokens.user("x").role("referent").expiresIn(-60).sign())
                .get("/api/v1/programmes").then(), 401);
    }

    @Test
    void aTooLargeBodyIsAProblem() {
        String big = "{\"name\":\"" + "x".repeat(300_000) + "\"}";
        isProblem(admin().body(big).post("/api/v1/organisations").then(), 413);
        isProblem(anonymous().body(big).post("/api/v1/organisations").then(), 413);
    }

    @Test
    void metricsAndHealthAreOnlyOnTheManagementInterface() {
        RestAssured.get("/q/metrics").then().statusCode(404);
        RestAssured.get("/q/health/ready").then().statusCode(404);
        RestAssured.get("/q/health/live").then().statusCode(404);
        RestAssured.given().baseUri(management()).get("/q/health/ready").then().statusCode(200);
        RestAssured.given().baseUri(management()).get("/q/health/live").then().statusCode(200);
        // The API's own requests are still counted there (the end-to-end suite relies on it).
        referent().get("/api/v1/platforms").then().statusCode(200);
        RestAssured.given().baseUri(management()).get("/q/metrics").then().statusCode(200)
                .body(containsString("http_server_requests_seconds_count{")).body(containsString("uri=\"/api/v1/platforms\""));
    }

    @Test
    void aTokenInTheQueryStringIsRefusedAndNeverLogged() {
        String token = TestTokens.referent("0692326D");
        try (CapturedLogs logs = CapturedLogs.start()) {
            isProblem(referent().queryParam("access_token", token).get("/api/v1/organisations").then(), 400)
                    .body("violations[0].field", equalTo("access_token"));
            isProblem(anonymous().queryParam("access_token", token).get("/api/v1/programmes").then(), 400);
            referent().queryParam("q", "remobilisation").get("/api/v1/programmes").then().statusCode(200)
                    .header("Cache-Control", not(equalTo("no-store")));
            logs.awaitAccessLogLines(3);
            assertTrue(logs.accessLog().contains("/api/v1/organisations"), logs.accessLog());
            assertFalse(logs.all().contains(token), "a log line holds the token");
            assertFalse(logs.all().contains("access_token"), "a log line holds the query string");
            assertFalse(logs.all().contains("remobilisation"), "a log line holds the query string");
        }
    }
}
