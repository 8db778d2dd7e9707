package fr.passerelle.gateway;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

import fr.passerelle.testing.TestTokens;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class OpenApiAndHealthTest {

    static final String DIRECTORY_DOC = """
            {"openapi":"3.1.0","info":{"title":"directory","version":"1"},
             "tags":[{"name":"Programmes"}],
             "paths":{
               "/api/v1/programmes":{"get":{"operationId":"listProgrammes","tags":["Programmes"],"security":[{"SecurityScheme":[]}],
                  "responses":{"200":{"description":"ok","content":{"application/json":{"schema":{"$ref":"#/components/schemas/Page"}}}}}}},
               "/api/v1/programmes/match":{"post":{"operationId":"match","requestBody":{"content":{"application/json":{}}},
                  "responses":{"200":{"description":"ok"}}}},
               "/internal/reindex":{"post":{"responses":{"200":{"description":"ok"}}}}},
             "components":{"schemas":{
               "Problem":{"type":"object","properties":{"status":{"type":"integer"}}},
               "Page":{"type":"object","properties":{"items":{"type":"array","items":{"$ref":"#/components/schemas/Programme"}}}},
               "Programme":{"type":"object"}},
              "securitySchemes":{"SecurityScheme":{"type":"http","scheme":"bearer"}}}}
            """;
    static final String REFERRAL_DOC = """
            {"openapi":"3.1.0","info":{"title":"referral","version":"1"},
             "tags":[{"name":"Referrals"},{"name":"Programmes"}],
             "paths":{
               "/api/v1/referrals":{"get":{"operationId":"inbox","responses":{"200":{"description":"ok",
                  "content":{"application/json":{"schema":{"$ref":"#/components/schemas/Page"}}}}}}},
               "/api/v1/cases/{id}":{"get":{"operationId":"getCase","responses":{"200":{"description":"ok"}}}}},
             "components":{"schemas":{
               "Problem":{"type":"object","properties":{"status":{"type":"integer"}}},
               "Page":{"type":"object","properties":{"items":{"type":"array","items":{"$ref":"#/components/schemas/Referral"}}}},
               "Referral":{"type":"object"}}}}
            """;

    @TestHTTPResource(value = "/health/ready", management = true)
    URL readiness;
    @TestHTTPResource(value = "/health/live", management = true)
    URL liveness;
    @TestHTTPResource(value = "/metrics", management = true)
    URL metrics;

    @BeforeEach
    void reset() {
        StubUpstreams.directory.resetAll();
        StubUpstreams.referral.resetAll();
    }

    @Test
    void theMergedDocumentHoldsBothServicesPaths() throws Exception {
        StubUpstreams.directory.stubFor(get(urlEqualTo("/q/openapi?format=json"))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(DIRECTORY_DOC)));
        StubUpstreams.referral.stubFor(get(urlEqualTo("/q/openapi?format=json"))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(REFERRAL_DOC)));
        Thread.sleep(1100); // let an earlier test's cached copy expire (test TTL 1 s)
        given().when().get("/q/openapi")
                .then().statusCode(200)
                .contentType(containsString("application/json"))
                .body("paths", hasKey("/api/v1/programmes"))
                .body("paths", hasKey("/api/v1/programmes/match"))
                .body("paths", hasKey("/api/v1/referrals"))
                .body("paths", hasKey("/api/v1/cases/{id}"))
                .body("paths", not(hasKey("/internal/reindex")))
                .body("servers[0].url", is("http://localhost:8080"))
                // Same name, same content: one Problem. Same name, different content: renamed, references rewritten.
                .body("components.schemas", hasKey("Problem"))
                .body("components.schemas", hasKey("Page"))
                .body("components.schemas", hasKey("Page_referral"))
                .body("paths.'/api/v1/referrals'.get.responses.'200'.content.'application/json'.schema.'$ref'",
                        is("#/components/schemas/Page_referral"))
                .body("paths.'/api/v1/programmes'.get", not(hasKey("security")))
                .body("paths.'/api/v1/programmes'.get.responses.'401'.'$ref'", is("#/components/responses/GatewayUnauthorized"))
                .body("paths.'/api/v1/programmes/match'.post.responses", hasKey("413"))
                .body("components.securitySchemes", hasKey("keycloak"))
                .body("components.securitySchemes", not(hasKey("SecurityScheme")))
                .body("components.securitySchemes.keycloak.flows.authorizationCode.authorizationUrl",
                        is("https://auth.passerelle.test/realms/passerelle/protocol/openid-connect/auth"))
                .body("tags.name", org.hamcrest.Matchers.contains("Programmes", "Referrals"));
    }

    @Test
    void oneServiceDownLeavesTheOtherDocumented() throws Exception {
        StubUpstreams.directory.stubFor(get(urlEqualTo("/q/openapi?format=json"))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(DIRECTORY_DOC)));
        StubUpstreams.referral.stubFor(get(urlEqualTo("/q/openapi?format=json")).willReturn(aResponse().withStatus(503)));
        Thread.sleep(1100);
        given().when().get("/q/openapi?format=json")
                .then().statusCode(200)
                .body("paths", hasKey("/api/v1/programmes"));
    }

    @Test
    void swaggerUiIsServedAndPointsAtTheMergedDocument() {
        given().when().get("/q/swagger-ui/")
                .then().statusCode(200)
                .body(containsString("/q/openapi"))
                .body(containsString("passerelle-swagger"));
    }

    @Test
    void readinessProbesEachUpstreamsManagementInterface() {
        StubUpstreams.directory.stubFor(get(urlPathEqualTo("/management/q/health/live")).willReturn(aResponse().withStatus(200).withBody("{\"status\":\"UP\"}")));
        StubUpstreams.referral.stubFor(get(urlPathEqualTo("/management/q/health/live")).willReturn(aResponse().withStatus(503).withBody("{\"status\":\"DOWN\"}")));
        // On the API port the referral stub looks alive: the probe must not ask there.
        StubUpstreams.referral.stubFor(get(urlPathEqualTo("/q/health/live")).willReturn(aResponse().withStatus(200).withBody("{\"status\":\"UP\"}")));
        given().when().get(readiness)
                .then().statusCode(200)
                .body("status", is("UP"))
                .body("checks.find { it.name == 'upstreams' }.data.directory", is("UP"))
                .body("checks.find { it.name == 'upstreams' }.data.referral", is("DOWN"))
                .body("checks.find { it.name == 'upstreams' }.data.down", is("DOWN"));
        given().when().get(liveness).then().statusCode(200).body("status", is("UP"));
    }

    @Test
    void metricsCountRequestsPerRouteAndStatus() {
        StubUpstreams.directory.stubFor(get(urlPathEqualTo("/api/v1/platforms")).willReturn(aResponse().withStatus(200).withBody("[]")));
        given().auth().oauth2(TestTokens.directoryAdmin()).when().get("/api/v1/platforms").then().statusCode(200);
        given().when().get(metrics)
                .then().statusCode(200)
                .body(containsString("gateway_requests_seconds_count{route=\"platforms\",status=\"200\"}"))
                .body(notNullValue());
    }

    @Test
    void healthAndMetricsAreNotOnThePublicPort() {
        for (String path : List.of("/q/health", "/q/health/live", "/q/health/started", "/q/metrics")) {
            given().when().get(path)
                    .then().statusCode(404)
                    .contentType("application/problem+json")
                    .body("type", is("https://passerelle.example.org/problems/not-found"))
                    .body("instance", is(path));
        }
    }

    @Test
    void thePublicPortAnswersReadinessAsAStatusOnly() {
        StubUpstreams.directory.stubFor(get(urlPathEqualTo("/management/q/health/live")).willReturn(aResponse().withStatus(200).withBody("{\"status\":\"UP\"}")));
        StubUpstreams.referral.stubFor(get(urlPathEqualTo("/management/q/health/live")).willReturn(aResponse().withStatus(200).withBody("{\"status\":\"UP\"}")));
        given().when().get("/q/health/ready")
                .then().statusCode(200)
                .contentType("application/json")
                .header("Cache-Control", "no-store")
                .header("X-Content-Type-Options", "nosniff")
                .body(is("{\"status\":\"UP\"}"));
    }
}
