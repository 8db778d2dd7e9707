package fr.passerelle.referral.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.passerelle.referral.support.DirectoryStub;
import fr.passerelle.referral.support.ReferralDatabase;
import fr.passerelle.testing.ContractCheck;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(ReferralDatabase.class)
@QuarkusTestResource(DirectoryStub.class)
class OperationsTest {

    @Test
    void theOpenApiDocumentDescribesEveryOperationItsErrorsAndTheLifecycle() {
        JsonPath doc = given().queryParam("format", "json").get("/q/openapi").then().statusCode(200).extract().jsonPath();
        String description = doc.getString("info.description");
        assertTrue(description.contains("| RECEIVED | `POST /referrals/{id}/accept` | ACCEPTED | COMMISSION, PROGRAMME_PARTNER |"),
                description);
        assertTrue(description.contains("positive exits are RETURN_TO_SCHOOL, APPRENTICESHIP"), description);
        Map<String, Map<String, Map<String, Object>>> paths = doc.getMap("paths");
        List<String> expected = List.of("/api/v1/cases", "/api/v1/cases/{id}", "/api/v1/cases/{id}/timeline",
                "/api/v1/cases/{id}/close", "/api/v1/cases/{id}/consent/withdraw", "/api/v1/cases/{id}/merge", "/api/v1/referrals",
                "/api/v1/referrals/{id}",
                "/api/v1/referrals/{id}/submit", "/api/v1/referrals/{id}/receive", "/api/v1/referrals/{id}/accept",
                "/api/v1/referrals/{id}/waitlist", "/api/v1/referrals/{id}/decline", "/api/v1/referrals/{id}/start",
                "/api/v1/referrals/{id}/complete", "/api/v1/referrals/{id}/cancel", "/api/v1/referrals/{id}/redirect",
                "/api/v1/referrals/{id}/follow-ups", "/api/v1/triage", "/api/v1/stats", "/api/v1/audit",
                "/api/v1/audit/subject-access", "/api/v1/referrals/codes");
        assertTrue(paths.keySet().containsAll(expected), paths.keySet().toString());
        List<String> problems = new ArrayList<>();
        for (var path : paths.entrySet()) {
            for (var op : path.getValue().entrySet()) {
                String name = op.getKey().toUpperCase() + " " + path.getKey();
                if (op.getValue().get("summary") == null) {
                    problems.add(name + ": no summary");
                }
                @SuppressWarnings("unchecked")
                Map<String, Object> responses = (Map<String, Object>) op.getValue().get("responses");
                if (responses.keySet().stream().noneMatch(s -> s.startsWith("2"))) {
                    problems.add(name + ": no success response");
                }
                if (!responses.containsKey("401") || !responses.containsKey("403")) {
                    problems.add(name + ": 401/403 undocumented");
                }
                if (path.getKey().contains("{id}") && !responses.containsKey("404")) {
                    problems.add(name + ": 404 undocumented");
                }
            }
        }
        assertEquals(List.of(), problems);
        assertTrue(doc.getMap("components.responses").containsKey("IllegalTransition"));
        assertTrue(doc.getMap("components.schemas").containsKey("Problem"));
        assertTrue(doc.getString("paths.'/api/v1/referrals'.post.requestBody.content.'application/json'.examples.toProgramme.value")
                .contains("ABSENTEEISM"));
    }

    /** DESIGN, "The API as a contract": what a generated client needs from the document. */
    @Test
    void operationsAreNamedParametersTypedWithoutExamplesAndListsTyped() {
        String text = given().queryParam("format", "json").get("/q/openapi").then().statusCode(200).extract().asString();
        JsonPath doc = JsonPath.from(text);
        Map<String, Map<String, Map<String, Object>>> paths = doc.getMap("paths");
        List<String> problems = new ArrayList<>();
        java.util.Set<String> ids = new java.util.HashSet<>();
        for (var path : paths.entrySet()) {
            for (var op : path.getValue().entrySet()) {
                String name = op.getKey().toUpperCase() + " " + path.getKey();
                Object id = op.getValue().get("operationId");
                if (!(id instanceof String s) || !s.matches("[a-z][a-zA-Z]+") || !ids.add(s)) {
                    problems.add(name + ": operationId missing, not camelCase or not unique: " + id);
                }
                if (op.getValue().get("description") == null) {
                    problems.add(name + ": no description");
                }
                @SuppressWarnings("unchecked")
                List<Map<String, Object>> parameters = (List<Map<String, Object>>) op.getValue().getOrDefault("parameters", List.of());
                for (Map<String, Object> p : parameters) {
                    String schema = String.valueOf(p.get("schema"));
                    // Swagger UI pre-fills examples and defaults into Try-it-out.
                    if (p.containsKey("example") || p.containsKey("examples") || schema.contains("example") || schema.contains("default")) {
                        problems.add(name + ": parameter " + p.get("name") + " carries an example or a default");
                    }
                    if ("query".equals(p.get("in")) && List.of("page", "size").contains(p.get("name")) && !schema.contains("integer")) {
                        problems.add(name + ": parameter " + p.get("name") + " is not an integer: " + schema);
                    }
                }
            }
        }
        assertEquals(List.of(), problems);
        Map<String, Object> schemas = doc.getMap("components.schemas");
        for (String leaked : List.of("Page", "CursorPage", "UUID", "Instant", "LocalDate")) {
            assertTrue(!schemas.containsKey(leaked) && !text.contains("#/components/schemas/" + leaked + "\""), leaked);
        }
        assertEquals("#/components/schemas/ReferralView", doc.getString("components.schemas.ReferralPage.properties.items.items.$ref"));
        assertEquals("#/components/schemas/TriageItem", doc.getString("components.schemas.TriagePage.properties.items.items.$ref"));
        assertEquals("integer", doc.getString("paths.'/api/v1/referrals'.get.parameters.find { it.name == 'size' }.schema.type"));
        assertEquals(100, doc.getInt("paths.'/api/v1/referrals'.get.parameters.find { it.name == 'size' }.schema.maximum"));
        assertEquals("boolean", doc.getString("paths.'/api/v1/referrals'.get.parameters.find { it.name == 'overdue' }.schema.type"));
        assertEquals("date", doc.getString("paths.'/api/v1/stats'.get.parameters.find { it.name == 'from' }.schema.format"));
    }

    @Test
    void codeListsCarryFrenchLabels() {
        fr.passerelle.referral.support.Api.as(fr.passerelle.referral.support.Api.auditor()).get("/api/v1/referrals/codes")
                .then().statusCode(200)
                .body("lists.outcome.size()", equalTo(9))
                .body("lists.positiveExitOutcome.code", org.hamcrest.Matchers.contains("RETURN_TO_SCHOOL", "APPRENTICESHIP",
                        "QUALIFYING_TRAINING", "EMPLOYMENT", "CIVIC_SERVICE"))
                .body("lists.status.find { it.code == 'WAITLISTED' }.label", equalTo("En liste d'attente"));
    }

    @Test
    void everyAnswerCarriesARequestId() {
        given().filter(ContractCheck.INSTANCE).header("X-Request-Id", "ops-check-1").get("/api/v1/cases").then().statusCode(401)
                .header("X-Request-Id", "ops-check-1").contentType("application/problem+json")
                .body("requestId", equalTo("ops-check-1"));
    }
}
