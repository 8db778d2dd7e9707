package fr.passerelle.gateway;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import fr.passerelle.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(StubUpstreams.class)
class RoutingTest {

    static final String UUID_PATTERN = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

    @BeforeEach
    void reset() {
        StubUpstreams.directory.resetAll();
        StubUpstreams.referral.resetAll();
    }

    @Test
    void directoryPrefixesGoToDirectoryWithTheSameTokenAndARequestId() {
        String token = TestTokens.referent("0690047B");
        for (String prefix : List.of("organisations", "programmes", "platforms", "territories", "hsds")) {
            StubUpstreams.directory.stubFor(get(urlPathEqualTo("/api/v1/" + prefix + "/x"))
                    .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody("{\"from\":\"directory\"}")));
            given().auth().oauth2(token)
                    .when().get("/api/v1/" + prefix + "/x?q=lyon")
                    .then().statusCode(200)
                    .header("X-Request-Id", matchesPattern(UUID_PATTERN))
                    .body("from", is("directory"));
            StubUpstreams.directory.verify(getRequestedFor(urlEqualTo("/api/v1/" + prefix + "/x?q=lyon"))
                    .withHeader("Authorization", equalTo("Bearer " + token))
                    .withHeader("X-Request-Id", matching(UUID_PATTERN)));
        }
        StubUpstreams.referral.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void referralPrefixesGoToReferral() {
        String token = TestTokens.auditor();
        for (String prefix : List.of("cases", "referrals", "triage", "stats", "audit")) {
            StubUpstreams.referral.stubFor(get(urlPathEqualTo("/api/v1/" + prefix))
                    .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody("{\"from\":\"referral\"}")));
            given().auth().oauth2(token)
                    .when().get("/api/v1/" + prefix)
                    .then().statusCode(200)
                    .body("from", is("referral"));
            StubUpstreams.referral.verify(getRequestedFor(urlEqualTo("/api/v1/" + prefix))
                    .withHeader("Authorization", equalTo("Bearer " + token)));
        }
        StubUpstreams.directory.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void aCallersRequestIdIsKeptBothWays() {
        StubUpstreams.referral.stubFor(get(urlEqualTo("/api/v1/cases/1")).willReturn(aResponse().withStatus(200).withBody("{}")));
        given().auth().oauth2(TestTokens.auditor()).header("X-Request-Id", "trace-123")
                .when().get("/api/v1/cases/1")
                .then().statusCode(200).header("X-Request-Id", "trace-123");
        StubUpstreams.referral.verify(getRequestedFor(urlEqualTo("/api/v1/cases/1")).withHeader("X-Request-Id", equalTo("trace-123")));
    }

    @Test
    void anUnacceptableRequestIdIsReplaced() {
        StubUpstreams.referral.stubFor(get(urlEqualTo("/api/v1/cases/1")).willReturn(aResponse().withStatus(200).withBody("{}")));
        given().auth().oauth2(TestTokens.auditor()).header("X-Request-Id", "<script>alert(1)</script>")
                .when().get("/api/v1/cases/1")
                .then().statusCode(200).header("X-Request-Id", matchesPattern(UUID_PATTERN));
    }

    @Test
    void hopByHopHeadersAreNotRelayedAndTheAnswerComesBackWhole() {
        StubUpstreams.referral.stubFor(post(urlEqualTo("/api/v1/referrals"))
                .willReturn(aResponse().withStatus(201)
                        .withHeader("Content-Type", "application/json")
                        .withHeader("Location", "http://127.0.0.1:" + StubUpstreams.referral.port() + "/api/v1/referrals/42")
                        .withHeader("ETag", "\"1\"")
                        .withHeader("Access-Control-Allow-Origin", "*")
                        .withBody("{\"id\":\"42\",\"status\":\"SUBMITTED\"}")));
        given().auth().oauth2(TestTokens.coordinator(java.util.UUID.randomUUID()))
                .header("Idempotency-Key", "k-1")
                .header("Proxy-Authorization", "Basic c2VjcmV0")
                .header("Keep-Alive", "timeout=5")
                .contentType("application/json")
                .body("{\"caseId\":\"c\",\"targetType\":\"PLATFORM\"}")
                .when().post("/api/v1/referrals")
                .then().statusCode(201)
                .header("Location", "/api/v1/referrals/42")
                .header("ETag", "\"1\"")
                .header("Access-Control-Allow-Origin", nullValue())
                .body("status", is("SUBMITTED"));
        List<LoggedRequest> sent = StubUpstreams.referral.findAll(postRequestedFor(urlEqualTo("/api/v1/referrals")));
        assertEquals(1, sent.size());
        LoggedRequest upstream = sent.get(0);
        assertEquals("{\"caseId\":\"c\",\"targetType\":\"PLATFORM\"}", upstream.getBodyAsString());
        assertEquals("k-1", upstream.getHeader("Idempotency-Key"));
        assertEquals(false, upstream.containsHeader("Proxy-Authorization"));
        assertEquals(false, upstream.containsHeader("Keep-Alive"));
        assertEquals("127.0.0.1", upstream.getHeader("X-Forwarded-For"));
    }

    @Test
    void aLargeBodyStreamsThroughBothWays() {
        String big = "x".repeat(60_000);
        StubUpstreams.referral.stubFor(post(urlEqualTo("/api/v1/audit/subject-access"))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "text/plain").withBody(big + big + big)));
        String answer = given().auth().oauth2(TestTokens.auditor())
                .contentType("text/plain").body(big)
                .when().post("/api/v1/audit/subject-access")
                .then().statusCode(200).extract().asString();
        assertEquals(180_000, answer.length());
        assertEquals(60_000, StubUpstreams.referral.findAll(postRequestedFor(urlEqualTo("/api/v1/audit/subject-access")))
                .get(0).getBody().length);
    }

    @Test
    void theGatewaysSpanContinuesTheCallersTraceUpstream() {
        StubUpstreams.referral.stubFor(get(urlEqualTo("/api/v1/cases/2")).willReturn(aResponse().withStatus(200).withBody("{}")));
        String traceId = "4bf92f3577b34da6a3ce929d0e0e4736";
        String callerSpan = "00f067aa0ba902b7";
        given().auth().oauth2(TestTokens.auditor()).header("traceparent", "00-" + traceId + "-" + callerSpan + "-01")
                .when().get("/api/v1/cases/2")
                .then().statusCode(200);
        String sent = StubUpstreams.referral.findAll(getRequestedFor(urlEqualTo("/api/v1/cases/2"))).get(0).getHeader("traceparent");
        // Same trace, the gateway's own span as parent (not the caller's, which the service never sees).
        assertEquals(true, sent != null && sent.matches("00-" + traceId + "-[0-9a-f]{16}-01"), "traceparent " + sent);
        assertEquals(false, sent.contains(callerSpan));
    }

    @Test
    void withoutACallersTraceTheGatewayStartsOne() {
        StubUpstreams.referral.stubFor(get(urlEqualTo("/api/v1/cases/3")).willReturn(aResponse().withStatus(200).withBody("{}")));
        given().auth().oauth2(TestTokens.auditor()).when().get("/api/v1/cases/3").then().statusCode(200);
        String sent = StubUpstreams.referral.findAll(getRequestedFor(urlEqualTo("/api/v1/cases/3"))).get(0).getHeader("traceparent");
        assertEquals(true, sent != null && sent.matches("00-[0-9a-f]{32}-[0-9a-f]{16}-0[01]"), "traceparent " + sent);
    }

    @Test
    void anUnknownApiPathIs404Problem() {
        given().auth().oauth2(TestTokens.auditor())
                .when().get("/api/v1/nothing-here")
                .then().statusCode(404)
                .contentType("application/problem+json")
                .body("status", is(404))
                .body("type", is("https://passerelle.example.org/problems/not-found"))
                .body("instance", is("/api/v1/nothing-here"))
                .body("requestId", matchesPattern(UUID_PATTERN));
        given().auth().oauth2(TestTokens.auditor())
                .when().get("/api/v1/casesx")
                .then().statusCode(404);
        StubUpstreams.referral.verify(0, anyRequestedFor(anyUrl()));
        StubUpstreams.directory.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void dotSegmentsAreRefused() {
        given().auth().oauth2(TestTokens.auditor()).urlEncodingEnabled(false)
                .when().get("/api/v1/organisations/%2e%2e/%2e%2e/q/metrics")
                .then().statusCode(400).contentType("application/problem+json");
        StubUpstreams.directory.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void theProblemBodyHasTheCommonShape() {
        given().auth().oauth2(TestTokens.auditor()).header("X-Request-Id", "abc-1")
                .when().get("/api/v2/x")
                .then().statusCode(404)
                .body("title", is("Not found"))
                .body("detail", is("No resource at this path."))
                .body("requestId", is("abc-1"));
    }
}
