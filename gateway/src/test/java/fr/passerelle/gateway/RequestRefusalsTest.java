package fr.passerelle.gateway;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.matchesPattern;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.passerelle.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.logging.Level;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What the gateway refuses before any route runs: each refusal is problem+json with a request id, and logs no stack trace. */
@QuarkusTest
class RequestRefusalsTest {

    @BeforeEach
    void reset() {
        StubUpstreams.directory.resetAll();
        StubUpstreams.referral.resetAll();
    }

    @Test
    void dotSegmentsAnywhereAre400ProblemWithoutATokenAndLogNoError() throws Exception {
        List<String> paths = List.of("/q/../api/v1/cases", "/q/%2e%2e/api/v1/cases", "/api/v1/organisations/..%2f..%2fcases",
                "/q/..%5capi%5cv1%5ccases", "/api/v1/cases/%2E%2E", "/./api/v1/cases", "/q/swagger-ui/../../api/v1/cases");
        try (CapturedLog log = CapturedLog.start()) {
            for (String path : paths) {
                RawHttp.Answer answer = RawHttp.send("GET " + path + " HTTP/1.1", "");
                assertEquals(400, answer.status(), path + "\n" + answer.head());
                assertProblem(answer, 400, "bad-request");
            }
            // A raw backslash never gets past the HTTP codec, which answers 400 itself.
            assertEquals(400, RawHttp.send("GET /q/..\\api\\v1\\cases HTTP/1.1", "").status());
            List<CapturedLog.Line> worrying = log.lines().stream()
                    .filter(l -> l.level().intValue() >= Level.WARNING.intValue() || l.thrown() != null).toList();
            assertTrue(worrying.isEmpty(), worrying.toString());
        }
        StubUpstreams.referral.verify(0, anyRequestedFor(anyUrl()));
        StubUpstreams.directory.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void aTokenInTheQueryStringIs400EverywhereAndNeitherRelayedNorLogged() throws Exception {
        String token = TestTokens.auditor();
        List<String> uris = List.of("/api/v1/cases?access_token=" + token, "/api/v1/organisations?q=x&ACCESS_Token=" + token,
                "/api/v1/cases?access%5Ftoken=" + token, "/q/openapi?access_token=" + token, "/anything?Access_Token=" + token);
        try (CapturedLog log = CapturedLog.start()) {
            for (String uri : uris) {
                // With a valid token in the header too: the refusal does not depend on who asks.
                RawHttp.Answer answer = RawHttp.send("GET " + uri + " HTTP/1.1", "Authorization: Bearer " + token + "\r\n");
                assertEquals(400, answer.status(), uri);
                JsonObject problem = assertProblem(answer, 400, "bad-request");
                assertTrue(problem.getString("detail").contains("query string"), problem.encode());
                assertFalse(answer.body().contains(token), "the answer echoes the token");
            }
            List<CapturedLog.Line> access = log.accessLines(3);
            assertTrue(access.size() >= 3, log.lines().toString());
            for (CapturedLog.Line line : access) {
                assertFalse(line.message().contains("?"), line.message());
            }
            for (CapturedLog.Line line : log.lines()) {
                assertFalse(line.toString().contains(token), line.toString());
                assertFalse(line.toString().toLowerCase().contains("access_token"), line.toString());
            }
        }
        StubUpstreams.referral.verify(0, anyRequestedFor(anyUrl()));
        StubUpstreams.directory.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void credentialsOfTheWrongShapeAreRefusedBeforeTokenValidation() throws Exception {
        String token = TestTokens.auditor();
        // Two Authorization headers, the valid one first: no "first one wins".
        RawHttp.Answer twice = RawHttp.send("GET /api/v1/cases HTTP/1.1",
                "Authorization: Bearer " + token + "\r\nAuthorization: Bearer " + token + "x\r\n");
        assertProblem(twice, 400, "bad-request");
        // Tokens that cannot be a signed JWT made the token library throw (503 "cannot check") instead of refusing them.
        for (String malformed : List.of("..", "a..", ".b.", "a.b", "a.b.c.d")) {
            RawHttp.Answer answer = RawHttp.send("GET /api/v1/cases HTTP/1.1", "Authorization: Bearer " + malformed + "\r\n");
            assertProblem(answer, 401, "unauthorized");
            assertTrue(answer.head().contains("invalid_token"), answer.head());
        }
        StubUpstreams.referral.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void theAccessLogRecordsThePathNeverTheQueryString() throws Exception {
        StubUpstreams.directory.stubFor(com.github.tomakehurst.wiremock.client.WireMock.get(anyUrl())
                .willReturn(com.github.tomakehurst.wiremock.client.WireMock.aResponse().withStatus(200).withBody("{}")));
        try (CapturedLog log = CapturedLog.start()) {
            given().auth().oauth2(TestTokens.directoryAdmin())
                    .when().get("/api/v1/organisations?q=Lina-Martin-2010")
                    .then().statusCode(200);
            List<CapturedLog.Line> access = log.accessLines(1);
            assertEquals(1, access.size(), log.lines().toString());
            assertTrue(access.get(0).message().contains("path=/api/v1/organisations "), access.get(0).message());
            assertTrue(log.lines().stream().noneMatch(l -> l.toString().contains("Lina")), log.lines().toString());
        }
    }

    @Test
    void aTooLongUriIs414Problem() {
        given().urlEncodingEnabled(false)
                .when().get("/api/v1/programmes?q=" + "a".repeat(5_000))
                .then().statusCode(414)
                .contentType("application/problem+json")
                .body("status", is(414))
                .body("type", is("https://passerelle.example.org/problems/uri-too-long"))
                .body("requestId", matchesPattern(RoutingTest.UUID_PATTERN));
        StubUpstreams.directory.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void tooLargeHeadersAre431Problem() {
        given().header("X-Padding", "p".repeat(20_000))
                .when().get("/api/v1/programmes")
                .then().statusCode(431)
                .contentType("application/problem+json")
                .body("status", is(431))
                .body("type", is("https://passerelle.example.org/problems/headers-too-large"))
                .body("requestId", matchesPattern(RoutingTest.UUID_PATTERN));
        StubUpstreams.directory.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void aTooLargeDeclaredBodyIs413ProblemOnAnyPath() {
        RawHttp.Answer answer = RawHttp.send("POST /q/openapi HTTP/1.1", "Content-Type: application/json\r\nContent-Length: 20000000\r\n");
        assertEquals(413, answer.status(), answer.head());
        assertProblem(answer, 413, "payload-too-large");
    }

    @Test
    void anUnknownPathOfTheGatewaysOwnIs404Problem() {
        given().when().get("/q/nothing-here")
                .then().statusCode(404)
                .contentType("application/problem+json")
                .body("type", is("https://passerelle.example.org/problems/not-found"))
                .body("instance", is("/q/nothing-here"))
                .body("requestId", matchesPattern(RoutingTest.UUID_PATTERN));
    }

    @Test
    void aMethodTheDocumentDoesNotAnswerIs405Problem() {
        given().contentType("application/json").body("{}")
                .when().post("/q/openapi")
                .then().statusCode(405)
                .header("Allow", "GET, HEAD")
                .contentType("application/problem+json")
                .body("type", is("https://passerelle.example.org/problems/method-not-allowed"))
                .body("requestId", matchesPattern(RoutingTest.UUID_PATTERN));
    }

    @Test
    void aRouteThatFailsIs500ProblemLoggedOnOneLineWithoutItsMessage() throws Exception {
        try (CapturedLog log = CapturedLog.start()) {
            RawHttp.Answer answer = RawHttp.send("GET " + FailingRoute.PATH + " HTTP/1.1", "");
            assertEquals(500, answer.status(), answer.head());
            assertProblem(answer, 500, "internal");
            assertFalse(answer.body().contains("Lina"), answer.body());
            List<CapturedLog.Line> errors = log.lines().stream().filter(l -> l.level().intValue() >= Level.WARNING.intValue()).toList();
            assertEquals(1, errors.size(), errors.toString());
            assertTrue(errors.get(0).message().contains("IllegalStateException"), errors.toString());
            assertTrue(log.lines().stream().noneMatch(l -> l.thrown() != null || l.toString().contains("Lina")), log.lines().toString());
        }
    }

    static JsonObject assertProblem(RawHttp.Answer answer, int status, String slug) {
        assertNotNull(answer.header("Content-Type"), answer.head());
        assertTrue(answer.header("Content-Type").startsWith("application/problem+json"), answer.head());
        JsonObject problem = new JsonObject(answer.body());
        assertEquals(status, problem.getInteger("status"), answer.body());
        assertEquals("https://passerelle.example.org/problems/" + slug, problem.getString("type"), answer.body());
        assertTrue(problem.getString("requestId").matches(RoutingTest.UUID_PATTERN), answer.body());
        assertEquals(problem.getString("requestId"), answer.header("X-Request-Id"));
        assertEquals("nosniff", answer.header("X-Content-Type-Options"), answer.head());
        return problem;
    }
}
