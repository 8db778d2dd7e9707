package fr.passerelle.gateway;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.passerelle.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import java.util.Map;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/** Tiny limits: a subject's burst of 3, an address's burst of 8, both refilling at one request a minute. */
@QuarkusTest
@TestProfile(RateLimitTest.TinyLimits.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RateLimitTest {

    public static class TinyLimits implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "gateway.rate-limit.per-ip.rate", "0.0167",
                    "gateway.rate-limit.per-ip.burst", "8",
                    "gateway.rate-limit.per-subject.rate", "0.0167",
                    "gateway.rate-limit.per-subject.burst", "3");
        }
    }

    @Test
    @Order(1)
    void aSubjectOverItsLimitGets429WithRetryAfterWhileOthersGoOn() {
        StubUpstreams.directory.resetAll();
        StubUpstreams.directory.stubFor(com.github.tomakehurst.wiremock.client.WireMock.any(anyUrl()).willReturn(aResponse().withStatus(200).withBody("{}")));
        String busy = TestTokens.user("busy-user").role("referent").sign();
        for (int i = 0; i < 3; i++) {
            given().auth().oauth2(busy).when().get("/api/v1/programmes").then().statusCode(200);
        }
        Response limited = given().auth().oauth2(busy).when().get("/api/v1/programmes");
        assertEquals(429, limited.statusCode());
        assertEquals("application/problem+json", limited.contentType());
        assertTrue(Long.parseLong(limited.header("Retry-After")) >= 1);
        limited.then().body("type", is("https://passerelle.example.org/problems/rate-limited"));
        // Another subject from the same address still passes.
        given().auth().oauth2(TestTokens.user("calm-user").role("referent").sign()).when().get("/api/v1/programmes")
                .then().statusCode(200);
        StubUpstreams.directory.verify(4, com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor(anyUrl()));
    }

    @Test
    @Order(2)
    void anAddressOverItsLimitGets429BeforeItsTokenIsLookedAt() {
        // 5 of the 8 were spent above; the rest go on requests without a token (401), then 429 without even a token.
        int unauthorized = 0;
        Response response = null;
        for (int i = 0; i < 10; i++) {
            response = given().when().get("/api/v1/programmes");
            if (response.statusCode() == 429) {
                break;
            }
            assertEquals(401, response.statusCode());
            unauthorized++;
        }
        assertEquals(429, response.statusCode());
        assertTrue(unauthorized >= 1 && unauthorized <= 3, "401s before the limit: " + unauthorized);
        assertTrue(Long.parseLong(response.header("Retry-After")) >= 1);
        response.then().body("status", is(429));
        // A valid token does not lift the address limit.
        given().auth().oauth2(TestTokens.auditor()).when().get("/api/v1/programmes").then().statusCode(429);
    }
}
