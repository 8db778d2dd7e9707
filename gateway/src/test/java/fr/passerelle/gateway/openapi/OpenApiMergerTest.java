package fr.passerelle.gateway.openapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.Test;

class OpenApiMergerTest {

    private static final OpenApiMerger.Settings SETTINGS = new OpenApiMerger.Settings("Passerelle API", "1.0.0", "d",
            "http://localhost:8080", "http://localhost:8180/realms/passerelle/", "Passerelle API team", "api@passerelle.example.org", null);

    @Test
    void sameNamedComponentsWithDifferentContentAreRenamedAndTheirReferencesFollow() {
        JsonObject a = new JsonObject("""
                {"openapi":"3.1.0","paths":{"/api/v1/a":{"get":{"responses":{"200":{"description":"ok",
                  "content":{"application/json":{"schema":{"$ref":"#/components/schemas/Page"}}}}}}}},
                 "components":{"schemas":{"Page":{"type":"object","title":"A"},"Problem":{"type":"object"}}}}
                """);
        JsonObject b = new JsonObject("""
                {"openapi":"3.1.0","paths":{"/api/v1/b":{"get":{"responses":{"200":{"description":"ok",
                  "content":{"application/json":{"schema":{"$ref":"#/components/schemas/Page"}}}}}}}},
                 "components":{"schemas":{"Page":{"type":"object","title":"B"},"Problem":{"type":"object"},
                   "Wrapper":{"type":"object","properties":{"page":{"$ref":"#/components/schemas/Page"}}}}}}
                """);
        JsonObject merged = OpenApiMerger.merge(List.of(
                new OpenApiMerger.Source("a", a, p -> p.startsWith("/api/v1/a")),
                new OpenApiMerger.Source("b", b, p -> p.startsWith("/api/v1/b"))), List.of(), SETTINGS);
        JsonObject schemas = merged.getJsonObject("components").getJsonObject("schemas");
        assertEquals("A", schemas.getJsonObject("Page").getString("title"));
        assertEquals("B", schemas.getJsonObject("Page_b").getString("title"));
        assertEquals("#/components/schemas/Page_b", schemas.getJsonObject("Wrapper").getJsonObject("properties")
                .getJsonObject("page").getString("$ref"));
        assertEquals("#/components/schemas/Page_b", merged.getJsonObject("paths").getJsonObject("/api/v1/b").getJsonObject("get")
                .getJsonObject("responses").getJsonObject("200").getJsonObject("content").getJsonObject("application/json")
                .getJsonObject("schema").getString("$ref"));
        assertEquals("#/components/schemas/Page", merged.getJsonObject("paths").getJsonObject("/api/v1/a").getJsonObject("get")
                .getJsonObject("responses").getJsonObject("200").getJsonObject("content").getJsonObject("application/json")
                .getJsonObject("schema").getString("$ref"));
        assertFalse(schemas.containsKey("Problem_b"));
        assertEquals("http://localhost:8180/realms/passerelle/protocol/openid-connect/token",
                merged.getJsonObject("components").getJsonObject("securitySchemes").getJsonObject("keycloak")
                        .getJsonObject("flows").getJsonObject("authorizationCode").getString("tokenUrl"));
        // The sources are not modified.
        assertTrue(b.getJsonObject("components").getJsonObject("schemas").containsKey("Page"));
    }

    @Test
    void theEventsAServiceSendsToSubscribersAreKeptWithTheirSchemasAndGetNoGatewayAnswers() {
        JsonObject a = new JsonObject("""
                {"openapi":"3.1.0","paths":{},"components":{"schemas":{"Event":{"type":"object","title":"A"}}}}
                """);
        JsonObject b = new JsonObject("""
                {"openapi":"3.1.0","paths":{},
                 "webhooks":{"thing.done":{"post":{"operationId":"thingDoneEvent","requestBody":{"content":{"application/json":
                   {"schema":{"$ref":"#/components/schemas/Event"}}}},"responses":{"2XX":{"description":"delivered"}}}}},
                 "components":{"schemas":{"Event":{"type":"object","title":"B"}}}}
                """);
        JsonObject merged = OpenApiMerger.merge(List.of(
                new OpenApiMerger.Source("a", a, p -> true), new OpenApiMerger.Source("b", b, p -> false)), List.of(), SETTINGS);
        JsonObject post = merged.getJsonObject("webhooks").getJsonObject("thing.done").getJsonObject("post");
        assertEquals("#/components/schemas/Event_b", post.getJsonObject("requestBody").getJsonObject("content")
                .getJsonObject("application/json").getJsonObject("schema").getString("$ref"));
        assertEquals("B", merged.getJsonObject("components").getJsonObject("schemas").getJsonObject("Event_b").getString("title"));
        // A subscriber's receiver is not behind the gateway: none of its answers (401, 429, 502…) applies.
        assertEquals(List.of("2XX"), List.copyOf(post.getJsonObject("responses").fieldNames()));
    }

    @Test
    void pathsTheGatewayDoesNotRouteToThatServiceAreLeftOut() {
        JsonObject a = new JsonObject("""
                {"paths":{"/api/v1/a":{"get":{"responses":{}}},"/api/v1/b":{"get":{"responses":{}}},"/admin":{"get":{}}}}
                """);
        JsonObject merged = OpenApiMerger.merge(List.of(new OpenApiMerger.Source("a", a, p -> p.startsWith("/api/v1/a"))),
                List.of("b"), SETTINGS);
        assertEquals(List.of("/api/v1/a"), List.copyOf(merged.getJsonObject("paths").fieldNames()));
        assertTrue(merged.getJsonObject("info").getString("description").contains("b"));
    }

    @Test
    void theDocumentNamesItsVersionContactLicenceAndBothOAuthFlows() {
        JsonObject merged = OpenApiMerger.merge(List.of(), List.of(), SETTINGS);
        JsonObject info = merged.getJsonObject("info");
        assertTrue(info.getString("version").matches("\\d+\\.\\d+\\.\\d+"), info.getString("version"));
        assertEquals("api@passerelle.example.org", info.getJsonObject("contact").getString("email"));
        assertEquals("EUPL-1.2", info.getJsonObject("license").getString("name"));
        JsonObject flows = merged.getJsonObject("components").getJsonObject("securitySchemes").getJsonObject("keycloak")
                .getJsonObject("flows");
        assertEquals("http://localhost:8180/realms/passerelle/protocol/openid-connect/auth",
                flows.getJsonObject("authorizationCode").getString("authorizationUrl"));
        JsonObject clientCredentials = flows.getJsonObject("clientCredentials");
        assertEquals("http://localhost:8180/realms/passerelle/protocol/openid-connect/token", clientCredentials.getString("tokenUrl"));
        assertEquals(List.of("directory:read", "referrals:read", "referrals:write", "webhooks:manage"),
                List.copyOf(clientCredentials.getJsonObject("scopes").fieldNames()));
    }
}
