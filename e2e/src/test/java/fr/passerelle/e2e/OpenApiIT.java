package fr.passerelle.e2e;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.passerelle.e2e.support.E2e;
import fr.passerelle.e2e.support.Stack;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/** One OpenAPI document at the gateway for the whole public API: both services' operations are in it. */
@E2e
@Order(1)
class OpenApiIT {

    @Test
    void theMergedDocumentListsBothServicesOperations() {
        JsonPath doc = given().baseUri(Stack.GATEWAY).accept("application/json").get("/q/openapi")
                .then().statusCode(200).extract().jsonPath();
        assertNotNull(doc.getString("openapi"), "an OpenAPI document");
        Map<String, Map<String, Object>> paths = doc.getMap("paths");
        assertNotNull(paths, "paths");
        // directory-service
        assertOperation(paths, "/api/v1/programmes/match", "post");
        assertOperation(paths, "/api/v1/programmes", "get");
        assertOperation(paths, "/api/v1/organisations", "get");
        // referral-service
        assertOperation(paths, "/api/v1/referrals", "post");
        assertOperation(paths, "/api/v1/cases", "post");
        assertOperation(paths, "/api/v1/referrals/{id}/accept", "post");
        assertOperation(paths, "/api/v1/triage", "get");
        // Nothing but the public API (no service's /q endpoints).
        for (String path : paths.keySet()) {
            assertTrue(path.startsWith("/api/v1/"), "only /api/v1 paths are published: " + path);
        }
        // Swagger UI on it.
        given().baseUri(Stack.GATEWAY).get("/q/swagger-ui/").then().statusCode(200);
    }

    private static void assertOperation(Map<String, Map<String, Object>> paths, String path, String method) {
        Map<String, Object> item = paths.get(path);
        assertNotNull(item, path + " is in the merged document; paths: " + List.copyOf(paths.keySet()));
        assertNotNull(item.get(method), method.toUpperCase() + " " + path + " is in the merged document");
    }
}
