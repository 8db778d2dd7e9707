package fr.passerelle.directory.rest;

import static fr.passerelle.directory.Api.admin;
import static fr.passerelle.directory.Api.as;
import static fr.passerelle.directory.Api.partner;
import static fr.passerelle.directory.Api.referent;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import fr.passerelle.directory.Api;
import fr.passerelle.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A partner keeps its own programmes' places, contacts and status; "open" follows at once; every write is logged. */
@QuarkusTest
class ProgrammeAvailabilityTest {

    private static final Map<String, Object> SEVENTEEN_IN_VILLEURBANNE = Map.of("age", 17, "schoolLevel", "PREMIERE",
            "schoolingStatus", "AT_RISK", "communeCode", "69266", "limit", 100);

    /** A programme of partner1's organisation (Apprentis d'Auteuil), serving Villeurbanne, with places left. */
    static String newProgramme(String name, String organisationId) {
        Map<String, Object> p = new HashMap<>();
        p.put("organisationId", organisationId);
        p.put("name", name);
        p.put("eligibility", Map.of("minAge", 15, "maxAge", 21));
        p.put("capacityPerCohort", 12);
        p.put("placesAvailable", 4);
        p.put("serviceArea", Map.of("communes", List.of("69266")));
        p.put("contacts", List.of(Map.of("kind", "PHONE", "value", "04 72 00 00 00")));
        return admin().body(p).post("/api/v1/programmes").then().statusCode(201).extract().path("id");
    }

    private static String etag(String id) {
        return partner().get("/api/v1/programmes/" + id).then().statusCode(200).extract().header("ETag");
    }

    private static List<String> matchedIds() {
        return referent().body(SEVENTEEN_IN_VILLEURBANNE).post("/api/v1/programmes/match")
                .then().statusCode(200).extract().jsonPath().getList("items.programme.id");
    }

    private static List<Map<String, Object>> changes(String recordId) {
        return admin().queryParam("recordId", recordId).get("/api/v1/directory-changes")
                .then().statusCode(200).extract().jsonPath().getList("items");
    }

    @Test
    void partnerSetsPlacesToZeroAndTheProgrammeLeavesOpenMatchesAtOnce() {
        String id = newProgramme("Atelier relais Gratte-Ciel", Api.APPRENTIS_AUTEUIL);
        assertEquals(true, matchedIds().contains(id), "open with 4 places: offered");

        String etag = partner().header("If-Match", etag(id)).contentType("application/merge-patch+json; charset=utf-8")
                .body("{\"placesAvailable\":0}").patch("/api/v1/programmes/" + id + "/availability")
                .then().statusCode(200).body("placesAvailable", equalTo(0)).body("open", equalTo(false))
                .extract().header("ETag");
        assertNotEquals(null, etag);

        assertEquals(false, matchedIds().contains(id), "0 places: no longer offered by the next match");
        referent().queryParam("open", true).queryParam("organisation", Api.APPRENTIS_AUTEUIL).queryParam("size", 100)
                .get("/api/v1/programmes").then().statusCode(200).body("items.id", not(hasItem(id)));
        referent().get("/api/v1/programmes/" + id).then().statusCode(200).body("open", equalTo(false))
                .body("placesAvailable", equalTo(0));

        // Unknown again (null), then suspended: each says what a referent relies on.
        etag = partner().header("If-Match", etag).body("{\"placesAvailable\":null}").patch("/api/v1/programmes/" + id + "/availability")
                .then().statusCode(200).body("placesAvailable", nullValue()).body("open", equalTo(true)).extract().header("ETag");
        assertEquals(true, matchedIds().contains(id));
        partner().header("If-Match", etag).body("{\"status\":\"SUSPENDED\"}").patch("/api/v1/programmes/" + id + "/availability")
                .then().statusCode(200).body("status", equalTo("SUSPENDED")).body("open", equalTo(false))
                .body("contacts.value", contains("04 72 00 00 00"));
        assertEquals(false, matchedIds().contains(id));

        List<Map<String, Object>> log = changes(id);
        // Newest first: the status, the places back to unknown, the places to 0, the creation.
        assertEquals(List.of("UPDATE", "UPDATE", "UPDATE", "CREATE"), log.stream().map(c -> c.get("operation")).toList());
        assertEquals(List.of("AVAILABILITY", "AVAILABILITY", "AVAILABILITY", "EDIT"), log.stream().map(c -> c.get("channel")).toList());
        Map<String, Object> zero = log.get(2);
        assertEquals(Map.of("subject", "partner-" + Api.APPRENTIS_AUTEUIL, "role", "partner", "organisationId", Api.APPRENTIS_AUTEUIL),
                withoutNulls(zero.get("actor")));
        assertEquals(List.of(Map.of("field", "placesAvailable", "oldValue", "4", "newValue", "0"),
                        Map.of("field", "open", "oldValue", "true", "newValue", "false")),
                zero.get("changes"));
        Map<String, Object> unknown = log.get(1);
        assertEquals(Map.of("field", "placesAvailable", "oldValue", "0"), withoutNulls(((List<?>) unknown.get("changes")).get(0)));
    }

    @Test
    void partnerCannotTouchAnotherOrganisationsProgrammeNorOtherFields() {
        String id = newProgramme("Atelier relais Tonkin", Api.APPRENTIS_AUTEUIL);
        String etag = etag(id);
        String other = UUID.randomUUID().toString();
        as(TestTokens.partner(UUID.fromString(other))).header("If-Match", etag).body("{\"placesAvailable\":0}")
                .patch("/api/v1/programmes/" + id + "/availability")
                .then().statusCode(403).contentType("application/problem+json");
        partner().header("If-Match", etag).body("{\"placesAvailable\":0,\"name\":\"Autre nom\",\"capacityPerCohort\":99}")
                .patch("/api/v1/programmes/" + id + "/availability")
                .then().statusCode(403).contentType("application/problem+json")
                .body("violations.field", contains("name", "capacityPerCohort"))
                .body("violations[0].message", equalTo("may not be changed here; the fields are placesAvailable, contacts, status"));
        referent().header("If-Match", etag).body("{\"placesAvailable\":0}").patch("/api/v1/programmes/" + id + "/availability")
                .then().statusCode(403);
        admin().header("If-Match", etag).body("{\"name\":\"Autre nom\"}").patch("/api/v1/programmes/" + id + "/availability")
                .then().statusCode(400).body("violations[0].field", equalTo("name"));

        // Values: a negative, fractional or excessive count, a status a partner may not set, a bad contact.
        partner().header("If-Match", etag).body("{\"placesAvailable\":-1}").patch("/api/v1/programmes/" + id + "/availability")
                .then().statusCode(422).body("violations[0].code", equalTo("MIN"));
        partner().header("If-Match", etag).body("{\"placesAvailable\":2.5}").patch("/api/v1/programmes/" + id + "/availability")
                .then().statusCode(422).body("violations[0].field", equalTo("placesAvailable"));
        partner().header("If-Match", etag).body("{\"placesAvailable\":13}").patch("/api/v1/programmes/" + id + "/availability")
                .then().statusCode(422).body("violations[0].code", equalTo("RANGE"));
        partner().header("If-Match", etag).body("{\"status\":\"CLOSED\"}").patch("/api/v1/programmes/" + id + "/availability")
                .then().statusCode(422).body("violations[0].code", equalTo("NOT_ALLOWED"));
        partner().header("If-Match", etag).body("{\"contacts\":[{\"kind\":\"FAX\",\"value\":\"x\"}]}")
                .patch("/api/v1/programmes/" + id + "/availability")
                .then().statusCode(422).body("violations[0].field", equalTo("contacts[0]"));
        partner().header("If-Match", etag).body("{\"contacts\":[{\"kind\":\"EMAIL\",\"value\":\"\"}]}")
                .patch("/api/v1/programmes/" + id + "/availability")
                .then().statusCode(422).body("violations[0].field", equalTo("contacts[0].value"));

        // Preconditions: none, * and a stale tag.
        partner().body("{\"placesAvailable\":0}").patch("/api/v1/programmes/" + id + "/availability").then().statusCode(428);
        partner().header("If-Match", "*").body("{\"placesAvailable\":0}").patch("/api/v1/programmes/" + id + "/availability")
                .then().statusCode(428);
        partner().header("If-Match", "\"v99\"").body("{\"placesAvailable\":0}").patch("/api/v1/programmes/" + id + "/availability")
                .then().statusCode(412).contentType("application/problem+json");
        partner().header("If-Match", etag).body("{\"placesAvailable\":0}").patch("/api/v1/programmes/" + UUID.randomUUID() + "/availability")
                .then().statusCode(404);

        // Nothing changed by any refusal.
        JsonPath now = referent().get("/api/v1/programmes/" + id).then().statusCode(200).extract().jsonPath();
        assertEquals(4, now.getInt("placesAvailable"));
        assertEquals("ACTIVE", now.getString("status"));
        assertEquals(etag, etag(id));
        assertEquals(1, changes(id).size(), "only the creation is logged");

        // The contacts, by the partner; then a directory editor on the same endpoint.
        String next = partner().header("If-Match", etag)
                .body("{\"contacts\":[{\"kind\":\"EMAIL\",\"value\":\"accueil@example.org\",\"label\":\"Accueil\"}]}")
                .patch("/api/v1/programmes/" + id + "/availability")
                .then().statusCode(200).body("contacts.value", contains("accueil@example.org")).body("placesAvailable", equalTo(4))
                .extract().header("ETag");
        admin().header("If-Match", next).body("{\"placesAvailable\":2}").patch("/api/v1/programmes/" + id + "/availability")
                .then().statusCode(200).body("placesAvailable", equalTo(2));
        Map<String, Object> byEditor = changes(id).get(0);
        assertEquals("directory-admin", ((Map<?, ?>) byEditor.get("actor")).get("role"));
    }

    @Test
    void editorWritesAreLoggedAndTheLogIsForEditorsAndAuditors() {
        String id = newProgramme("Atelier relais Charpennes", Api.APPRENTIS_AUTEUIL);
        admin().queryParam("recordId", id).queryParam("from", "2000-01-01").queryParam("to", "2999-12-31")
                .get("/api/v1/directory-changes").then().statusCode(200).body("totalItems", equalTo(1))
                .body("items[0].changes.field", hasItems("name", "placesAvailable", "organisationId"));
        as(TestTokens.auditor()).queryParam("recordId", id).get("/api/v1/directory-changes").then().statusCode(200)
                .body("items[0].operation", equalTo("CREATE"));
        partner().get("/api/v1/directory-changes").then().statusCode(403);
        referent().get("/api/v1/directory-changes").then().statusCode(403);
        admin().queryParam("from", "2026-02-01").queryParam("to", "2026-01-01").get("/api/v1/directory-changes")
                .then().statusCode(400);
        admin().queryParam("recordId", id).queryParam("to", "2000-01-01").get("/api/v1/directory-changes")
                .then().statusCode(200).body("totalItems", equalTo(0));

        String etag = admin().get("/api/v1/programmes/" + id).then().extract().header("ETag");
        admin().header("If-Match", etag).accept("application/problem+json").delete("/api/v1/programmes/" + id).then().statusCode(204);
        admin().queryParam("recordId", id).get("/api/v1/directory-changes").then().statusCode(200)
                .body("items[0].operation", equalTo("ARCHIVE"))
                .body("items[0].changes.find { it.field == 'archived' }.newValue", equalTo("true"))
                .body("items[0].actor.role", equalTo("directory-admin"));
    }

    private static Map<String, Object> withoutNulls(Object map) {
        Map<String, Object> out = new HashMap<>();
        ((Map<?, ?>) map).forEach((k, v) -> {
            if (v != null) {
                out.put((String) k, v);
            }
        });
        return out;
    }
}
