package fr.passerelle.gateway;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.notNullValue;

import com.github.tomakehurst.wiremock.http.Fault;
import fr.passerelle.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Upstream failures and oversized bodies become the gateway's own problem+json, with nothing of the upstream in them. */
@QuarkusTest
class FailuresTest {

    private final String token = TestTokens.auditor();

    @BeforeEach
    void reset() {
        StubUpstreams.directory.resetAll();
        StubUpstreams.referral.resetAll();
    }

    @Test
    void upstreamDownIs502Problem() {
        given().auth().oauth2(token).when().get("/api/v1/test-down/x")
                .then().statusCode(502)
                .contentType("application/problem+json")
                .body("status", is(502))
                .body("type", is("https://passerelle.example.org/problems/bad-gateway"))
                .body(not(containsString("127.0.0.1")))
                .body(not(containsString("refused")));
    }

    @Test
    void upstreamSlowIs504Problem() {
        StubUpstreams.directory.stubFor(get(urlPathEqualTo("/api/v1/test-slow/x"))
                .willReturn(aResponse().withStatus(200).withFixedDelay(2_000).withBody("late")));
        given().auth().oauth2(token).when().get("/api/v1/test-slow/x")
                .then().statusCode(504)
                .contentType("application/problem+json")
                .body("type", is("https://passerelle.example.org/problems/gateway-timeout"))
                .body(not(containsString("late")));
    }

    @Test
    void upstreamBare503Is503ProblemWithRetryAfter() {
        StubUpstreams.referral.stubFor(get(urlPathEqualTo("/api/v1/stats"))
                .willReturn(aResponse().withStatus(503).withHeader("Content-Type", "text/html")
                        .withBody("<h1>Service Unavailable: pool exhausted at db-01:5432</h1>")));
        given().auth().oauth2(token).when().get("/api/v1/stats")
                .then().statusCode(503)
                .contentType("application/problem+json")
                .header("Retry-After", notNullValue())
                .body("type", is("https://passerelle.example.org/problems/service-unavailable"))
                .body(not(containsString("db-01")));
    }

    @Test
    void upstreamBare500Is502Problem() {
        StubUpstreams.referral.stubFor(get(urlPathEqualTo("/api/v1/stats"))
                .willReturn(aResponse().withStatus(500).withBody("java.lang.NullPointerException at Foo.java:12")));
        given().auth().oauth2(token).when().get("/api/v1/stats")
                .then().statusCode(502)
                .contentType("application/problem+json")
                .body(not(containsString("NullPointer")));
    }

    @Test
    void aServicesOwnProblemAnswerPassesThrough() {
        StubUpstreams.referral.stubFor(get(urlPathEqualTo("/api/v1/referrals"))
                .willReturn(aResponse().withStatus(503).withHeader("Content-Type", "application/problem+json")
                        .withHeader("Retry-After", "7")
                        .withBody("{\"type\":\"https://passerelle.example.org/problems/directory-unavailable\",\"status\":503}")));
        given().auth().oauth2(token).when().get("/api/v1/referrals")
                .then().statusCode(503)
                .header("Retry-After", "7")
                .body("type", is("https://passerelle.example.org/problems/directory-unavailable"));
    }

    @Test
    void connectionDroppedMidAnswerIs502Problem() {
        StubUpstreams.referral.stubFor(get(urlPathEqualTo("/api/v1/cases"))
                .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        given().auth().oauth2(token).when().get("/api/v1/cases")
                .then().statusCode(502).contentType("application/problem+json");
    }

    @Test
    void anOversizedBodyIs413ProblemAndNeverRelayed() {
        given().auth().oauth2(token).contentType("application/json").body("x".repeat(70_000))
                .when().post("/api/v1/referrals")
                .then().statusCode(413)
                .contentType("application/problem+json")
                .body("type", is("https://passerelle.example.org/problems/payload-too-large"));
        StubUpstreams.referral.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void anOversizedChunkedBodyIs413Problem() throws Exception {
        StubUpstreams.referral.stubFor(com.github.tomakehurst.wiremock.client.WireMock.post(anyUrl())
                .willReturn(aResponse().withStatus(201).withBody("{}")));
        java.net.http.HttpClient client = java.net.http.HttpClient.newHttpClient();
        byte[] chunk = new byte[8192];
        java.util.Arrays.fill(chunk, (byte) 'x');
        // A publisher of unknown length makes the JDK client send the body chunked, with no Content-Length.
        java.net.http.HttpRequest.BodyPublisher body = java.net.http.HttpRequest.BodyPublishers.ofInputStream(() ->
                new java.io.SequenceInputStream(java.util.Collections.enumeration(java.util.stream.IntStream.range(0, 20)
                        .mapToObj(i -> (java.io.InputStream) new java.io.ByteArrayInputStream(chunk)).toList())));
        java.net.http.HttpResponse<String> response = client.send(java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create(io.restassured.RestAssured.baseURI + ":" + io.restassured.RestAssured.port + "/api/v1/referrals"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .version(java.net.http.HttpClient.Version.HTTP_1_1)
                .POST(body).build(), java.net.http.HttpResponse.BodyHandlers.ofString());
        org.junit.jupiter.api.Assertions.assertEquals(413, response.statusCode());
        org.junit.jupiter.api.Assertions.assertTrue(response.body().contains("payload-too-large"));
    }
}
