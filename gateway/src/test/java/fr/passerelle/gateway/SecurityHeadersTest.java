package fr.passerelle.gateway;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import fr.passerelle.testing.TestTokens;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.net.URL;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** nosniff on every answer; no-store where the gateway cannot know the answer is harmless; the services' own headers untouched. */
@QuarkusTest
class SecurityHeadersTest {

    @TestHTTPResource(value = "/health/live", management = true)
    URL liveness;

    private final String token = TestTokens.auditor();

    @BeforeEach
    void reset() {
        StubUpstreams.directory.resetAll();
        StubUpstreams.referral.resetAll();
    }

    @Test
    void aRelayedAnswerWithoutCacheControlGetsNoStoreAndNosniff() {
        StubUpstreams.referral.stubFor(get(urlPathEqualTo("/api/v1/cases/1"))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody("{}")));
        Response answer = given().auth().oauth2(token).when().get("/api/v1/cases/1");
        assertEquals(200, answer.statusCode());
        assertEquals(List.of("no-store"), answer.headers().getValues("Cache-Control"));
        assertEquals(List.of("nosniff"), answer.headers().getValues("X-Content-Type-Options"));
    }

    @Test
    void aServicesOwnHeadersAreRelayedUnchanged() {
        StubUpstreams.directory.stubFor(get(urlPathEqualTo("/api/v1/programmes"))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withHeader("Cache-Control", "private, max-age=60")
                        .withHeader("X-Content-Type-Options", "nosniff")
                        .withHeader("ETag", "\"7\"")
                        .withHeader("Vary", "Accept-Language")
                        .withBody("{\"items\":[]}")));
        Response answer = given().auth().oauth2(token).when().get("/api/v1/programmes");
        assertEquals(200, answer.statusCode());
        assertEquals(List.of("private, max-age=60"), answer.headers().getValues("Cache-Control"));
        assertEquals(List.of("nosniff"), answer.headers().getValues("X-Content-Type-Options"));
        assertEquals("\"7\"", answer.header("ETag"));
        assertEquals("Accept-Language", answer.header("Vary"));
    }

    @Test
    void theGatewaysOwnProblemsAreNotStored() {
        for (Response answer : List.of(given().when().get("/api/v1/cases"), given().auth().oauth2(token).when().get("/api/v1/nothing"),
                given().when().get("/q/nothing"))) {
            assertEquals("application/problem+json", answer.contentType());
            assertEquals(List.of("no-store"), answer.headers().getValues("Cache-Control"));
            assertEquals(List.of("nosniff"), answer.headers().getValues("X-Content-Type-Options"));
        }
    }

    @Test
    void theDocumentationAndTheManagementInterfaceAnswerWithNosniff() {
        for (Response answer : List.of(given().when().get("/q/swagger-ui/"), given().when().get(liveness))) {
            assertEquals(200, answer.statusCode());
            assertEquals(List.of("nosniff"), answer.headers().getValues("X-Content-Type-Options"));
        }
    }
}
