package fr.passerelle.directory.rest;

import static fr.passerelle.directory.Api.admin;
import static fr.passerelle.directory.Api.referent;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class MatchTest {

    private static Response match(Map<String, Object> body) {
        return referent().body(body).post("/api/v1/programmes/match");
    }

    @Test
    void seventeenYearOldWhoLeftSchoolInVilleurbanneGetsTheE2cAndMlds() {
        Response r = match(Map.of("age", 17, "schoolLevel", "NONE", "schoolingStatus", "LEFT_SCHOOL", "communeCode", "69266"));
        r.then().statusCode(200)
                .body("age", equalTo(17))
                .body("items.programme.name", hasItems("Parcours E2C (Rhône)", "MLDS – remobilisation et remise à niveau (académie de Lyon)"))
                .body("items.programme.open", everyItem(equalTo(true)))
                .body("items.programme.status", everyItem(equalTo("ACTIVE")))
                .body("items.reasons", everyItem(notNullValue()));
        List<Integer> fits = r.jsonPath().getList("items.territoryFit");
        List<List<String>> unknown = r.jsonPath().getList("items.notStated");
        for (int i = 1; i < fits.size(); i++) {
            int before = unknown.get(i - 1).size();
            int after = unknown.get(i).size();
            assertTrue(before < after || before == after && fits.get(i - 1) >= fits.get(i),
                    "ranked by unknown criteria, then territory fit: " + unknown + " " + fits);
        }
        List<Map<String, Object>> e2c = r.jsonPath().getList("items.findAll { it.programme.name == 'Parcours E2C (Rhône)' }.reasons[0]");
        assertTrue(e2c.stream().anyMatch(reason -> "DEPARTEMENT_SERVED".equals(reason.get("code"))), e2c.toString());
        assertTrue(e2c.stream().anyMatch(reason -> "AGE_IN_RANGE".equals(reason.get("code")) && reason.get("label") != null));
    }

    @Test
    void ageBelowAProgrammesRangeExcludesIt() {
        match(Map.of("age", 14, "schoolLevel", "QUATRIEME", "schoolingStatus", "AT_RISK", "communeCode", "69266"))
                .then().statusCode(200)
                .body("items.programme.name", not(hasItem("Parcours E2C (Rhône)")))
                .body("items.programme.name", hasItem("Classe relais (Rhône)"));
    }

    @Test
    void closedProgrammesAndOtherTerritoriesAreNeverReturned() {
        match(Map.of("age", 15, "schoolLevel", "TROISIEME", "schoolingStatus", "ENROLLED", "communeCode", "91286"))
                .then().statusCode(200)
                .body("items.programme.organisationName", not(hasItem(org.hamcrest.Matchers.startsWith("MIPOP"))))
                .body("items.programme.organisationName", not(hasItem(org.hamcrest.Matchers.startsWith("E2C"))));
    }

    @Test
    void birthDateGivesTheAgeAsOfTodayInParis() {
        LocalDate today = LocalDate.now(ZoneId.of("Europe/Paris"));
        match(Map.of("birthDate", today.minusYears(18).toString(), "schoolLevel", "NONE", "schoolingStatus", "LEFT_SCHOOL",
                "communeCode", "69381"))
                .then().statusCode(200).body("age", equalTo(18));
        match(Map.of("birthDate", today.minusYears(18).plusDays(1).toString(), "schoolLevel", "NONE",
                "schoolingStatus", "LEFT_SCHOOL", "communeCode", "69381"))
                .then().statusCode(200).body("age", equalTo(17));
    }

    @Test
    void aProgrammeWithNoPlacesLeftIsNotOffered() {
        String id = admin().body(Map.of("organisationId", fr.passerelle.directory.Api.APPRENTIS_AUTEUIL,
                        "name", "Atelier complet de test", "categories", List.of("REMOBILISATION"),
                        "eligibility", Map.of("minAge", 16, "maxAge", 21, "audience", List.of("YOUNG_PERSON"),
                                "schoolingStatuses", List.of("LEFT_SCHOOL")),
                        "placesAvailable", 0, "capacityPerCohort", 10,
                        "serviceArea", Map.of("communes", List.of("69266"))))
                .post("/api/v1/programmes").then().statusCode(201).extract().path("id");
        match(Map.of("age", 17, "schoolLevel", "NONE", "schoolingStatus", "LEFT_SCHOOL", "communeCode", "69266"))
                .then().statusCode(200).body("items.programme.id", not(hasItem(id)));
        String etag = admin().get("/api/v1/programmes/" + id).then().extract().header("ETag");
        admin().header("If-Match", etag).body(Map.of("organisationId", fr.passerelle.directory.Api.APPRENTIS_AUTEUIL,
                        "name", "Atelier complet de test", "categories", List.of("REMOBILISATION"),
                        "eligibility", Map.of("minAge", 16, "maxAge", 21, "audience", List.of("YOUNG_PERSON"),
                                "schoolingStatuses", List.of("LEFT_SCHOOL")),
                        "placesAvailable", 4, "capacityPerCohort", 10,
                        "serviceArea", Map.of("communes", List.of("69266"))))
                .put("/api/v1/programmes/" + id).then().statusCode(200);
        Response r = match(Map.of("age", 17, "schoolLevel", "NONE", "schoolingStatus", "LEFT_SCHOOL", "communeCode", "69266"));
        r.then().statusCode(200).body("items[0].programme.id", equalTo(id)).body("items[0].territoryFit", equalTo(3));
        assertEquals("COMMUNE_SERVED", r.jsonPath().getString("items[0].reasons[0].code"));
        admin().header("If-Match", admin().get("/api/v1/programmes/" + id).header("ETag")).delete("/api/v1/programmes/" + id)
                .then().statusCode(204);
        match(Map.of("age", 17, "schoolLevel", "NONE", "schoolingStatus", "LEFT_SCHOOL", "communeCode", "69266"))
                .then().statusCode(200).body("items.programme.id", not(hasItem(id))).body("items", not(org.hamcrest.Matchers.empty()));
    }

    @Test
    void exactlyOneOfBirthDateOrAge() {
        match(Map.of("age", 17, "birthDate", "2009-01-01", "schoolLevel", "NONE", "schoolingStatus", "LEFT_SCHOOL", "communeCode", "69266"))
                .then().statusCode(422).contentType("application/problem+json")
                .body("violations.field", hasItems("age", "birthDate"));
        match(Map.of("schoolLevel", "NONE", "schoolingStatus", "LEFT_SCHOOL", "communeCode", "69266"))
                .then().statusCode(422).body("violations.code", hasItem("EXACTLY_ONE"));
    }

    @Test
    void invalidSituationsAreRefusedWithTheField() {
        match(Map.of("age", -1, "schoolLevel", "NONE", "schoolingStatus", "LEFT_SCHOOL", "communeCode", "69266"))
                .then().statusCode(422).body("violations[0].field", equalTo("age"));
        match(Map.of("age", 17, "schoolLevel", "NONE", "schoolingStatus", "LEFT_SCHOOL", "communeCode", "99999"))
                .then().statusCode(422).body("violations[0].field", equalTo("communeCode"))
                .body("violations[0].code", equalTo("UNKNOWN_COMMUNE"));
        match(Map.of("age", 17, "schoolLevel", "NONE", "schoolingStatus", "LEFT_SCHOOL", "communeCode", "Lyon"))
                .then().statusCode(422).body("violations[0].field", equalTo("communeCode"));
        match(Map.of("birthDate", LocalDate.now().plusDays(3).toString(), "schoolLevel", "NONE", "schoolingStatus", "LEFT_SCHOOL",
                "communeCode", "69266"))
                .then().statusCode(422).body("violations[0].field", equalTo("birthDate"));
        match(Map.of("age", 17, "schoolLevel", "BACHELOR", "schoolingStatus", "LEFT_SCHOOL", "communeCode", "69266"))
                .then().statusCode(400).body("violations[0].field", equalTo("schoolLevel"))
                .body("violations[0].code", equalTo("UNKNOWN_VALUE"));
        match(Map.of("age", 17, "schoolingStatus", "LEFT_SCHOOL", "communeCode", "69266"))
                .then().statusCode(422).body("violations[0].field", equalTo("schoolLevel"));
        referent().body("{\"age\": 17,").post("/api/v1/programmes/match")
                .then().statusCode(400).contentType("application/problem+json").body("violations[0].code", equalTo("MALFORMED_JSON"));
    }

    @Test
    void everyAuthenticatedRoleMayMatch() {
        fr.passerelle.directory.Api.partner().body(Map.of("age", 17, "schoolLevel", "NONE", "schoolingStatus", "LEFT_SCHOOL",
                "communeCode", "69266")).post("/api/v1/programmes/match").then().statusCode(200).body("items.size()", greaterThan(0));
    }
}
