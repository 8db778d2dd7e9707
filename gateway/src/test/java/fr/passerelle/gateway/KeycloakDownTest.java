package fr.passerelle.gateway;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;

import fr.passerelle.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** When the realm's keys cannot be fetched, a token cannot be judged: 503, not 401, and nothing goes upstream. */
@QuarkusTest
@TestProfile(KeycloakDownTest.NoKeycloak.class)
class KeycloakDownTest {

    public static class NoKeycloak implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "quarkus.oidc.public-key", "",
                    "quarkus.oidc.discovery-enabled", "true",
                    "quarkus.oidc.auth-server-url", "http://127.0.0.1:1/realms/passerelle",
                    "quarkus.oidc.connection-timeout", "1s");
        }
    }

    @Test
    void aTokenThatCannotBeCheckedIs503() {
        StubUpstreams.directory.resetAll();
        given().auth().oauth2(TestTokens.directoryAdmin())
                .when().get("/api/v1/organisations")
                .then().statusCode(503)
                .contentType("application/problem+json")
                .header("Retry-After", notNullValue())
                .body("type", is("https://passerelle.example.org/problems/service-unavailable"));
        given().when().get("/api/v1/organisations").then().statusCode(401);
        StubUpstreams.directory.verify(0, anyRequestedFor(anyUrl()));
    }
}
