package fr.passerelle.referral.rest;

import static fr.passerelle.referral.support.Api.as;
import static fr.passerelle.referral.support.Api.createCase;
import static fr.passerelle.referral.support.Api.createReferral;
import static fr.passerelle.referral.support.Api.pupil;
import static fr.passerelle.referral.support.Api.referral;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.passerelle.referral.domain.DeadlinePolicy;
import fr.passerelle.referral.support.Api;
import fr.passerelle.referral.support.DirectoryStub;
import fr.passerelle.referral.support.ReferralDatabase;
import fr.passerelle.referral.support.TestClock;
import fr.passerelle.referral.support.TestDb;
import fr.passerelle.referral.support.World;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Every operation of the published OpenAPI document that answers case data writes its audit rows. The operations are
 * read from the document, not listed by hand: a new operation that answers pupil fields (or sits under a case or a
 * referral) and that this test does not know how to call fails it, and so does one that is called but writes no row
 * naming the case it answered.
 */
@QuarkusTest
@QuarkusTestResource(ReferralDatabase.class)
@QuarkusTestResource(DirectoryStub.class)
class CaseDataAuditTest {

    /** Response fields that are pupil data, or point at it. */
    static final Set<String> PUPIL_FIELDS = Set.of("caseId", "firstName", "lastName", "birthDate", "ine", "guardians");
    /** Paths below one case or one referral answer that case's data whatever their schema (timeline, follow-ups). */
    static final List<String> CASE_PATHS = List.of("/api/v1/cases/{id}", "/api/v1/referrals/{id}");

    private static final String TODAY = LocalDate.now(DeadlinePolicy.PARIS).toString();

    @Inject
    TestClock clock;

    private final String uai = Api.freshUai();
    private final String referent = Api.referent(uai);
    private final String partner = Api.partner(World.ORG_RELAIS);
    private final String coordinator = Api.coordinator(World.P_LYON);

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    /** One call of an operation, made with the given request id; answers the case ids its response is about. */
    @FunctionalInterface
    interface Exercise {
        Set<String> call(String requestId);
    }

    @Test
    void everyOperationAnsweringCaseDataWritesAnAuditRowForEachCaseItAnswers() throws Exception {
        Set<String> caseDataOperations = caseDataOperations(openApi());
        Map<String, Exercise> exercises = exercises();

        Set<String> unknown = new TreeSet<>(caseDataOperations);
        unknown.removeAll(exercises.keySet());
        assertEquals(Set.of(), unknown, "operations answering case data that this test cannot call: teach it how, and make"
                + " sure they write their audit rows");
        Set<String> stale = new TreeSet<>(exercises.keySet());
        stale.removeAll(caseDataOperations);
        assertEquals(Set.of(), stale, "operations this test calls that the document no longer lists as answering case data");

        List<String> failures = new ArrayList<>();
        for (String operation : new TreeSet<>(caseDataOperations)) {
            String requestId = "audit-walk-" + UUID.randomUUID();
            Set<String> answered = exercises.get(operation).call(requestId);
            Set<String> audited = new HashSet<>(TestDb.strings(
                    "select coalesce(cast(case_id as text), '-') from audit_event where request_id = ?", requestId));
            if (answered.isEmpty()) {
                failures.add(operation + ": the call answered no case, the test proves nothing");
            } else if (!audited.containsAll(answered)) {
                failures.add(operation + ": answered cases " + answered + ", audit rows for " + audited);
            }
        }
        assertEquals(List.of(), failures);
    }

    @Test
    void theDocumentIsReadTheWayTheWalkAssumes() throws Exception {
        Set<String> caseData = caseDataOperations(openApi());
        // By schema (pupil fields), by path (a case's timeline, a referral's notes), and not the rest.
        assertTrue(caseData.containsAll(Set.of("GET /api/v1/cases", "POST /api/v1/audit/subject-access", "GET /api/v1/triage",
                "GET /api/v1/cases/{id}/timeline", "GET /api/v1/referrals/{id}/follow-ups", "GET /api/v1/audit")), caseData.toString());
        for (String none : List.of("GET /api/v1/stats", "GET /api/v1/referrals/codes", "GET /api/v1/inbox/summary",
                "GET /api/v1/webhooks", "GET /api/v1/me/notifications")) {
            assertFalse(caseData.contains(none), none);
        }
    }

    @Test
    void aNewOperationAnsweringCaseDataIsFoundWhereverThePupilFieldsHide() throws Exception {
        // What a future change could add: a nested, referenced, listed pupil field; a case sub-resource; neither.
        JsonNode doc = new ObjectMapper().readTree("""
                {"paths": {
                  "/api/v1/exports": {"get": {"responses": {"200": {"content": {"application/json":
                      {"schema": {"type": "array", "items": {"$ref": "#/components/schemas/Row"}}}}}}}},
                  "/api/v1/cases/{id}/documents": {"get": {"responses": {"200": {"content": {"application/json":
                      {"schema": {"$ref": "#/components/schemas/Files"}}}}}}},
                  "/api/v1/programmes": {"get": {"responses": {"200": {"content": {"application/json":
                      {"schema": {"$ref": "#/components/schemas/Files"}}}}, "404": {"content": {"application/json":
                      {"schema": {"$ref": "#/components/schemas/Row"}}}}}}}},
                 "components": {"schemas": {
                  "Row": {"type": "object", "properties": {"person": {"allOf": [{"$ref": "#/components/schemas/Person"}]}}},
                  "Person": {"type": "object", "properties": {"lastName": {"type": "string"}}},
                  "Files": {"type": "object", "properties": {"names": {"type": "array", "items": {"type": "string"}}}}}}}
                """);
        assertEquals(Set.of("GET /api/v1/exports", "GET /api/v1/cases/{id}/documents"), caseDataOperations(doc));
    }

    // ------------------------------------------------------------------ the document

    private static JsonNode openApi() throws Exception {
        String json = given().queryParam("format", "json").get("/q/openapi").then().statusCode(200).extract().asString();
        return new ObjectMapper().readTree(json);
    }

    /** "METHOD /path" of every operation answering case data, by its success responses' schemas or by its path. */
    static Set<String> caseDataOperations(JsonNode doc) {
        JsonNode schemas = doc.path("components").path("schemas");
        Set<String> found = new TreeSet<>();
        doc.path("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(op -> {
            String method = op.getKey().toUpperCase();
            if (!Set.of("GET", "POST", "PUT", "PATCH", "DELETE").contains(method)) {
                return;
            }
            boolean underACase = CASE_PATHS.stream().anyMatch(p -> path.getKey().startsWith(p));
            boolean pupilFields = false;
            var responses = op.getValue().path("responses").fields();
            while (responses.hasNext()) {
                var response = responses.next();
                if (response.getKey().startsWith("2")) {
                    for (JsonNode media : response.getValue().path("content")) {
                        pupilFields |= !fieldsOf(media.path("schema"), schemas, new HashSet<>()).stream()
                                .filter(PUPIL_FIELDS::contains).toList().isEmpty();
                    }
                }
            }
            if (underACase || pupilFields) {
                found.add(method + " " + path.getKey());
            }
        }));
        return found;
    }

    /** Every property name a schema reaches, through $ref, items, additionalProperties and compositions. */
    private static Set<String> fieldsOf(JsonNode schema, JsonNode schemas, Set<String> seen) {
        Set<String> names = new HashSet<>();
        if (schema == null || schema.isMissingNode()) {
            return names;
        }
        if (schema.has("$ref")) {
            String name = schema.get("$ref").asText().replace("#/components/schemas/", "");
            return seen.add(name) ? fieldsOf(schemas.path(name), schemas, seen) : names;
        }
        schema.path("properties").fields().forEachRemaining(p -> {
            names.add(p.getKey());
            names.addAll(fieldsOf(p.getValue(), schemas, seen));
        });
        names.addAll(fieldsOf(schema.path("items"), schemas, seen));
        if (schema.path("additionalProperties").isObject()) {
            names.addAll(fieldsOf(schema.path("additionalProperties"), schemas, seen));
        }
        for (String composition : List.of("allOf", "oneOf", "anyOf")) {
            for (JsonNode part : schema.path(composition)) {
                names.addAll(fieldsOf(part, schemas, seen));
            }
        }
        return names;
    }

    // ------------------------------------------------------------------ how to call each operation

    private Map<String, Exercise> exercises() {
        Map<String, Exercise> e = new LinkedHashMap<>();
        e.put("POST /api/v1/cases", rid -> Set.of(ok(call(referent, rid).body(pupil(uai)).post("/api/v1/cases"), 201)
                .jsonPath().getString("id")));
        e.put("GET /api/v1/cases", rid -> {
            String own = Api.freshUai();
            String caseId = createCase(Api.referent(own), pupil(own)).id();
            ok(call(Api.referent(own), rid).get("/api/v1/cases"), 200);
            return Set.of(caseId);
        });
        e.put("GET /api/v1/cases/{id}", rid -> {
            String caseId = newCase();
            ok(call(referent, rid).get("/api/v1/cases/" + caseId), 200);
            return Set.of(caseId);
        });
        e.put("PATCH /api/v1/cases/{id}", rid -> {
            var created = createCase(referent, pupil(uai));
            ok(call(referent, rid).header("If-Match", created.etag()).body(Map.of("schoolLevel", "SECONDE"))
                    .patch("/api/v1/cases/" + created.id()), 200);
            return Set.of(created.id());
        });
        e.put("POST /api/v1/cases/{id}/close", rid -> {
            var created = createCase(referent, pupil(uai));
            ok(call(referent, rid).header("If-Match", created.etag()).body(Map.of("reason", "SUPPORT_ENDED"))
                    .post("/api/v1/cases/" + created.id() + "/close"), 200);
            return Set.of(created.id());
        });
        e.put("POST /api/v1/cases/{id}/consent/withdraw", rid -> {
            var created = createCase(referent, pupil(uai));
            ok(call(referent, rid).header("If-Match", created.etag()).body(Map.of("withdrawnBy", "GUARDIAN"))
                    .post("/api/v1/cases/" + created.id() + "/consent/withdraw"), 200);
            return Set.of(created.id());
        });
        e.put("POST /api/v1/cases/{id}/merge", rid -> {
            Map<String, Object> person = Api.youngAdult();
            String survivor = createCase(coordinator, person).id();
            // The same young person typed with first and last names swapped (the same names twice would be refused).
            Map<String, Object> swapped = new LinkedHashMap<>(person);
            swapped.put("firstName", person.get("lastName"));
            swapped.put("lastName", person.get("firstName"));
            String duplicate = createCase(coordinator, swapped).id();
            ok(call(coordinator, rid).header("If-Match", Api.etag(coordinator, "/api/v1/cases/" + survivor))
                    .body(Map.of("duplicateId", duplicate, "reason", "Saisi deux fois."))
                    .post("/api/v1/cases/" + survivor + "/merge"), 200);
            return Set.of(survivor, duplicate);
        });
        e.put("GET /api/v1/cases/{id}/timeline", rid -> {
            String caseId = newCase();
            ok(call(referent, rid).get("/api/v1/cases/" + caseId + "/timeline"), 200);
            return Set.of(caseId);
        });

        e.put("POST /api/v1/referrals", rid -> {
            String caseId = newCase();
            ok(call(referent, rid).body(referral(caseId, "PROGRAMME", World.PROG_OPEN, true)).post("/api/v1/referrals"), 201);
            return Set.of(caseId);
        });
        e.put("GET /api/v1/referrals", rid -> {
            String own = Api.freshUai();
            String caseId = createCase(Api.referent(own), pupil(own)).id();
            createReferral(Api.referent(own), referral(caseId, "PROGRAMME", World.PROG_OPEN, false));
            ok(call(Api.referent(own), rid).get("/api/v1/referrals"), 200);
            return Set.of(caseId);
        });
        e.put("GET /api/v1/referrals/{id}", rid -> {
            Ref r = referralIn("SUBMITTED");
            ok(call(referent, rid).get("/api/v1/referrals/" + r.id()), 200);
            return Set.of(r.caseId());
        });
        e.put("POST /api/v1/referrals/{id}/submit", rid -> act(referent, referralIn("DRAFT"), "submit", null, rid));
        e.put("POST /api/v1/referrals/{id}/receive", rid -> act(partner, referralIn("SUBMITTED"), "receive", null, rid));
        e.put("POST /api/v1/referrals/{id}/accept", rid -> act(partner, referralIn("RECEIVED"), "accept", Map.of(), rid));
        e.put("POST /api/v1/referrals/{id}/waitlist", rid -> act(partner, referralIn("RECEIVED"), "waitlist", Map.of(), rid));
        e.put("POST /api/v1/referrals/{id}/decline", rid -> act(partner, referralIn("RECEIVED"), "decline",
                Map.of("reason", "NO_PLACE"), rid));
        e.put("POST /api/v1/referrals/{id}/start", rid -> act(partner, referralIn("ACCEPTED"), "start",
                Map.of("startDate", TODAY), rid));
        e.put("POST /api/v1/referrals/{id}/complete", rid -> act(partner, referralIn("IN_PROGRESS"), "complete",
                Map.of("outcome", "APPRENTICESHIP"), rid));
        e.put("POST /api/v1/referrals/{id}/cancel", rid -> act(referent, referralIn("DRAFT"), "cancel", null, rid));
        e.put("POST /api/v1/referrals/{id}/redirect", rid -> {
            String caseId = newCase();
            String id = createReferral(referent, referral(caseId, "PLATFORM", World.P_LYON, true)).id();
            ok(Api.act(coordinator, id, "receive", null), 200);
            return act(coordinator, new Ref(id, caseId), "redirect", Map.of("programmeId", World.PROG_RELAIS.toString()), rid);
        });
        e.put("POST /api/v1/referrals/{id}/assign", rid -> {
            Map<String, Object> self = new LinkedHashMap<>();
            self.put("assigneeId", "referent-" + uai);
            return act(referent, referralIn("DRAFT"), "assign", self, rid);
        });
        e.put("POST /api/v1/referrals/{id}/outcome-follow-ups", rid -> {
            // Completed in January, recorded in July when the six-month follow-up is due; then back to today.
            try {
                clock.moveTo(LocalDateTime.parse("2027-01-10T10:00").atZone(DeadlinePolicy.PARIS).toInstant());
                Ref r = referralIn("COMPLETED");
                clock.moveTo(LocalDateTime.parse("2027-07-12T10:00").atZone(DeadlinePolicy.PARIS).toInstant());
                return act(partner, r, "outcome-follow-ups", Map.of("milestone", "SIX_MONTHS", "situation", "EMPLOYMENT"), rid);
            } finally {
                clock.reset();
            }
        });
        e.put("POST /api/v1/referrals/{id}/follow-ups", rid -> {
            Ref r = referralIn("RECEIVED");
            ok(call(partner, rid).body(Map.of("entryDate", TODAY, "kind", "MEETING", "visibility", "ALL_PARTIES",
                    "text", "Premier entretien")).post("/api/v1/referrals/" + r.id() + "/follow-ups"), 201);
            return Set.of(r.caseId());
        });
        e.put("GET /api/v1/referrals/{id}/follow-ups", rid -> {
            Ref r = referralIn("RECEIVED");
            ok(call(referent, rid).get("/api/v1/referrals/" + r.id() + "/follow-ups"), 200);
            return Set.of(r.caseId());
        });
        e.put("GET /api/v1/triage", rid -> {
            referralIn("SUBMITTED");
            Response page = ok(call(coordinator, rid).get("/api/v1/triage?size=20"), 200);
            return new LinkedHashSet<>(page.jsonPath().getList("items.caseId", String.class));
        });

        e.put("GET /api/v1/audit", rid -> {
            String caseId = newCase();
            ok(call(Api.auditor(), rid).get("/api/v1/audit?caseId=" + caseId), 200);
            return Set.of(caseId);
        });
        e.put("POST /api/v1/audit/subject-access", rid -> {
            String caseId = newCase();
            ok(call(Api.auditor(), rid).body(Map.of("caseId", caseId, "reference", "DPO-AUDIT-WALK"))
                    .post("/api/v1/audit/subject-access"), 200);
            return Set.of(caseId);
        });
        return e;
    }

    // ------------------------------------------------------------------ helpers

    private record Ref(String id, String caseId) {
    }

    private String newCase() {
        return createCase(referent, pupil(uai)).id();
    }

    /** A referral of a new case to an open programme, brought to this status by its parties. */
    private Ref referralIn(String status) {
        String caseId = newCase();
        String id = createReferral(referent, referral(caseId, "PROGRAMME", World.PROG_OPEN, !"DRAFT".equals(status))).id();
        List<String> steps = switch (status) {
            case "DRAFT", "SUBMITTED" -> List.of();
            case "RECEIVED" -> List.of("receive");
            case "ACCEPTED" -> List.of("receive", "accept");
            case "IN_PROGRESS" -> List.of("receive", "accept", "start");
            case "COMPLETED" -> List.of("receive", "accept", "start", "complete");
            default -> throw new IllegalArgumentException(status);
        };
        for (String step : steps) {
            Object body = switch (step) {
                case "start" -> Map.of("startDate", LocalDate.now(clock).toString());
                case "complete" -> Map.of("outcome", "OTHER_SUPPORT");
                default -> null;
            };
            ok(Api.act(partner, id, step, body), 200);
        }
        return new Ref(id, caseId);
    }

    private static RequestSpecification call(String token, String requestId) {
        return as(token).header("X-Request-Id", requestId);
    }

    private static Set<String> act(String token, Ref r, String action, Object body, String requestId) {
        RequestSpecification spec = call(token, requestId).header("If-Match", Api.etag(token, "/api/v1/referrals/" + r.id()));
        if (body != null) {
            spec = spec.body(body);
        }
        ok(spec.post("/api/v1/referrals/" + r.id() + "/" + action), 200);
        return Set.of(r.caseId());
    }

    private static Response ok(Response r, int status) {
        assertEquals(status, r.statusCode(), () -> r.asString());
        return r;
    }
}
