package fr.passerelle.directory.rest;

import static fr.passerelle.directory.Api.admin;
import static fr.passerelle.directory.Api.anonymous;
import static fr.passerelle.directory.Api.referent;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import fr.passerelle.directory.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The eligibility rules, owned here: one programme, one young person, every rule not met. */
@QuarkusTest
class EligibilityTest {

    /** 15, at school, in Villeurbanne (Rhône), not in a QPV: the young person referral-service's tests file for. */
    private static final Map<String, Object> PUPIL_15 = Map.of("age", 15, "schoolLevel", "TROISIEME",
            "schoolingStatus", "AT_RISK", "communeCode", "69266", "livesInQpv", false);

    private static String programme(String name, Map<String, Object> eligibility, Map<String, Object> area) {
        Map<String, Object> body = new HashMap<>(Map.of("organisationId", Api.APPRENTIS_AUTEUIL, "name", name,
                "categories", List.of("REMOBILISATION"), "eligibility", eligibility, "capacityPerCohort", 10));
        if (area != null) {
            body.put("serviceArea", area);
        }
        return admin().body(body).post("/api/v1/programmes").then().statusCode(201).extract().path("id");
    }

    private static Response check(String id, Map<String, Object> criteria) {
        return referent().queryParams(criteria).get("/api/v1/programmes/" + id + "/eligibility");
    }

    private static Map<String, Object> with(Map<String, Object> base, Object... more) {
        Map<String, Object> out = new HashMap<>(base);
        for (int i = 0; i < more.length; i += 2) {
            out.put((String) more[i], more[i + 1]);
        }
        return out;
    }

    @Test
    void everyRuleNotMetIsListedNotJustTheFirst() {
        String id = programme("Parcours strict de test", Map.of("minAge", 16, "maxAge", 25, "audience", List.of("YOUNG_PERSON"),
                "schoolingStatuses", List.of("LEFT_SCHOOL"), "qpvResidenceRequired", true), Map.of("departements", List.of("69")));
        check(id, PUPIL_15).then().statusCode(200)
                .body("programmeId", equalTo(id)).body("age", equalTo(15))
                .body("fits", equalTo(false)).body("open", equalTo(true)).body("territoryFit", equalTo(2))
                .body("mismatches.code", containsInAnyOrder("AGE_BELOW_MINIMUM", "SCHOOLING_STATUS", "QPV_RESIDENCE"))
                .body("mismatches.label", everyItem(notNullValue()))
                .body("reasons.code", hasItems("DEPARTEMENT_SERVED", "AUDIENCE_YOUNG_PERSON"));
        // 17, out of school, in a QPV: the same programme fits, with its reasons.
        check(id, with(PUPIL_15, "age", 17, "schoolLevel", "NONE", "schoolingStatus", "LEFT_SCHOOL", "livesInQpv", true))
                .then().statusCode(200).body("fits", equalTo(true)).body("mismatches", empty())
                .body("reasons.code", hasItems("DEPARTEMENT_SERVED", "AGE_IN_RANGE", "SCHOOLING_STATUS_ACCEPTED", "QPV_RESIDENT"));
    }

    @Test
    void theDiplomaCapExcludesAndAnUndeclaredDiplomaIsNotDeclaredNotAFit() {
        String id = programme("Remise à niveau plafonnée", Map.of("minAge", 16, "maxAge", 25, "audience", List.of("YOUNG_PERSON"),
                "maxDiplomaLevel", "CAP_BEP"), Map.of("communes", List.of("69266")));
        Map<String, Object> left = with(PUPIL_15, "age", 18, "schoolLevel", "NONE", "schoolingStatus", "LEFT_SCHOOL");
        check(id, with(left, "highestDiploma", "BAC")).then().statusCode(200)
                .body("fits", equalTo(false)).body("mismatches.code", contains("DIPLOMA_ABOVE_CAP"));
        check(id, with(left, "highestDiploma", "CAP_BEP")).then().statusCode(200)
                .body("fits", equalTo(true)).body("reasons.code", hasItem("DIPLOMA_WITHIN_CAP"));
        check(id, left).then().statusCode(200)
                .body("fits", equalTo(true)).body("notStated", hasItem("DIPLOMA")).body("reasons.code", hasItem("NOT_DECLARED"));
    }

    @Test
    void aProgrammeWithNoServiceAreaFitsNobodyAndOneElsewhereNeither() {
        String nowhere = programme("Dispositif sans zone", Map.of("audience", List.of("YOUNG_PERSON")), null);
        check(nowhere, PUPIL_15).then().statusCode(200)
                .body("fits", equalTo(false)).body("territoryFit", equalTo(0)).body("mismatches.code", contains("NO_SERVICE_AREA"));
        String elsewhere = programme("Dispositif de l'Essonne", Map.of("audience", List.of("YOUNG_PERSON")),
                Map.of("departements", List.of("91")));
        check(elsewhere, PUPIL_15).then().statusCode(200)
                .body("fits", equalTo(false)).body("mismatches.code", contains("OUTSIDE_SERVICE_AREA"));
    }

    @Test
    void unknownCriteriaAreNotStatedAndDoNotExclude() {
        String id = programme("Dispositif peu renseigné", Map.of(), Map.of("departements", List.of("69")));
        check(id, PUPIL_15).then().statusCode(200).body("fits", equalTo(true))
                .body("notStated", hasItems("AUDIENCE", "AGE", "SCHOOL_LEVEL", "SCHOOLING_STATUS"))
                .body("reasons.findAll { it.code == 'NOT_STATED' }.size()", equalTo(4));
    }

    @Test
    void theAnswerAgreesWithMatchForEveryOpenProgrammeItLists() {
        Map<String, Object> situation = Map.of("age", 17, "schoolLevel", "NONE", "schoolingStatus", "LEFT_SCHOOL", "communeCode", "69266");
        List<Map<String, Object>> items = referent().body(situation).post("/api/v1/programmes/match")
                .then().statusCode(200).extract().path("items");
        assertEquals(false, items.isEmpty());
        for (Map<String, Object> item : items) {
            @SuppressWarnings("unchecked")
            String id = (String) ((Map<String, Object>) item.get("programme")).get("id");
            Response r = check(id, situation);
            r.then().statusCode(200).body("fits", equalTo(true)).body("open", equalTo(true));
            assertEquals(item.get("reasons"), r.jsonPath().getList("reasons"), id);
            assertEquals(item.get("notStated"), r.jsonPath().getList("notStated"), id);
            assertEquals(item.get("territoryFit"), r.jsonPath().getInt("territoryFit"), id);
        }
    }

    @Test
    void aClosedProgrammeIsStillAnsweredAndSaysSo() {
        String id = programme("Atelier complet", Map.of("audience", List.of("YOUNG_PERSON")), Map.of("communes", List.of("69266")));
        String etag = admin().get("/api/v1/programmes/" + id).then().extract().header("ETag");
        admin().header("If-Match", etag).body("{\"placesAvailable\":0}")
                .patch("/api/v1/programmes/" + id + "/availability").then().statusCode(200);
        check(id, PUPIL_15).then().statusCode(200).body("fits", equalTo(true)).body("open", equalTo(false));
    }

    @Test
    void anUnknownProgrammeIs404() {
        check(UUID.randomUUID().toString(), PUPIL_15).then().statusCode(404).contentType("application/problem+json")
                .body("status", equalTo(404));
    }

    @Test
    void badCriteriaAre400WithTheField() {
        String id = programme("Dispositif des critères", Map.of("audience", List.of("YOUNG_PERSON")), Map.of("departements", List.of("69")));
        check(id, with(PUPIL_15, "communeCode", "99999")).then().statusCode(400).contentType("application/problem+json")
                .body("violations.code", contains("UNKNOWN_COMMUNE"));
        check(id, with(PUPIL_15, "birthDate", "2010-01-01")).then().statusCode(400)
                .body("violations.field", hasItems("age", "birthDate"));
        Map<String, Object> noLevel = new HashMap<>(PUPIL_15);
        noLevel.remove("schoolLevel");
        check(id, noLevel).then().statusCode(400).contentType("application/problem+json")
                .body("violations.field", hasItem(org.hamcrest.Matchers.containsString("schoolLevel")));
        check(id, with(PUPIL_15, "age", 31)).then().statusCode(400).contentType("application/problem+json");
        check(id, with(PUPIL_15, "schoolingStatus", "SOMEWHERE")).then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void anonymousCallersAreTurnedAway() {
        anonymous().queryParams(PUPIL_15).get("/api/v1/programmes/" + UUID.randomUUID() + "/eligibility")
                .then().statusCode(401);
    }
}
