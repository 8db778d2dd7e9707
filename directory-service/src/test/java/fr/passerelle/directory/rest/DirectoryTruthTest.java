package fr.passerelle.directory.rest;

import static fr.passerelle.directory.Api.admin;
import static fr.passerelle.directory.Api.referent;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.passerelle.directory.Api;
import fr.passerelle.directory.domain.Freshness;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The directory tells what it knows from what it does not: the two young people of issue 14, requirements, dates. */
@QuarkusTest
class DirectoryTruthTest {

    private static Response match(Map<String, Object> body) {
        return referent().body(body).post("/api/v1/programmes/match");
    }

    private static Map<String, Object> situation(int age, String level, String status, String commune, Object... more) {
        Map<String, Object> body = new LinkedHashMap<>(Map.of("age", age, "schoolLevel", level, "schoolingStatus", status,
                "communeCode", commune, "limit", 100));
        for (int i = 0; i < more.length; i += 2) {
            body.put((String) more[i], more[i + 1]);
        }
        return body;
    }

    private static List<String> names(Response r) {
        return r.then().statusCode(200).extract().jsonPath().getList("items.programme.name");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> item(Response r, String programme) {
        List<Map<String, Object>> items = r.jsonPath().getList("items");
        return items.stream().filter(i -> programme.equals(((Map<String, Object>) i.get("programme")).get("name")))
                .findFirst().orElse(null);
    }

    @SuppressWarnings("unchecked")
    private static List<String> reasonCodes(Map<String, Object> item) {
        return ((List<Map<String, Object>>) item.get("reasons")).stream().map(r -> (String) r.get("code")).toList();
    }

    /** Unknown criteria never outrank a verified fit, and every unknown one is said. */
    @SuppressWarnings("unchecked")
    private static void assertHonestRanking(Response r) {
        List<Map<String, Object>> items = r.jsonPath().getList("items");
        int previousUnknown = 0;
        for (Map<String, Object> i : items) {
            List<String> notStated = (List<String>) i.get("notStated");
            assertTrue(notStated.size() >= previousUnknown, "a programme with unknown criteria ranks above a better-known one");
            previousUnknown = notStated.size();
            long reasons = reasonCodes(i).stream().filter(c -> c.equals("NOT_STATED") || c.equals("NOT_DECLARED")).count();
            assertEquals(notStated.size(), reasons, "one reason per unknown criterion");
            Map<String, Object> eligibility = (Map<String, Object>) ((Map<String, Object>) i.get("programme")).get("eligibility");
            if (eligibility.get("minAge") == null && eligibility.get("maxAge") == null) {
                assertTrue(notStated.contains("AGE"));
                assertFalse(reasonCodes(i).contains("AGE_IN_RANGE"), "missing data presented as eligibility");
            }
            List<String> audience = (List<String>) eligibility.get("audience");
            assertTrue(audience.isEmpty() ? notStated.contains("AUDIENCE") : audience.contains("YOUNG_PERSON"),
                    "only programmes for young people, or of unknown audience said so: " + i.get("programme"));
        }
    }

    @Test
    void aSeventeenYearOldInPremiereInVilleurbanneIsNotOfferedACollegeScheme() {
        Response r = match(situation(17, "PREMIERE", "ENROLLED", "69266"));
        List<String> names = names(r);
        assertFalse(names.contains("Classe Relais Mobile (UEAJ de Villeurbanne)"), names.toString());
        assertFalse(names.contains("Classe relais (Rhône)"), names.toString());
        assertFalse(names.isEmpty());
        // No seeded programme states every criterion for this pupil; the first one at least verifies the age.
        assertTrue(r.jsonPath().getList("items[0].reasons.code").contains("AGE_IN_RANGE"), names.toString());
        assertTrue(r.jsonPath().getList("items[0].notStated").size() <= 1, names.toString());
        assertHonestRanking(r);
        List<List<String>> levels = r.jsonPath().getList("items.programme.eligibility.schoolLevels");
        assertTrue(levels.stream().allMatch(l -> l.isEmpty() || l.contains("PREMIERE")), levels.toString());
    }

    @Test
    void aThirteenYearOldInOrlyGetsNeitherHigherEducationNorParentsNorStudentsSchemes() {
        Response r = match(situation(13, "CINQUIEME", "ENROLLED", "94054"));
        List<String> names = names(r);
        r.then().body("items.programme.organisationName", not(hasItem("École Georges Méliès")));
        for (String excluded : List.of("OEPRE – Ouvrir l'école aux parents pour la réussite éducative (Val-de-Marne)",
                "KAPS – Kolocation à projets solidaires (AFEV 94)", "Artisan de l'image animée (École Méliès)",
                "Prépa ateliers des Beaux-arts (École Méliès)", "Artisan du jeu vidéo (École Méliès)",
                "Journées d'immersion, summer school et cours du soir (École Méliès)")) {
            assertFalse(names.contains(excluded), excluded + " offered to a 13-year-old: " + names);
        }
        assertTrue(names.contains("Accompagnement des enfants et des jeunes (Cité éducative d'Orly)"), names.toString());
        assertHonestRanking(r);
        Map<String, Object> unknownLevels = item(r, "Lutte contre la fracture numérique (Cité éducative d'Orly)");
        assertTrue(reasonCodes(unknownLevels).contains("NOT_STATED"));
    }

    @Test
    void aBachelierMayBeOfferedTheHigherEducationSchool() {
        List<String> names = names(match(situation(19, "NONE", "LEFT_SCHOOL", "94054", "highestDiploma", "BAC")));
        assertTrue(names.contains("Artisan de l'image animée (École Méliès)"), names.toString());
        assertFalse(names.contains("OEPRE – Ouvrir l'école aux parents pour la réussite éducative (Val-de-Marne)"));
    }

    @Test
    void jumpInTechIsForGirlsWhoSaySo() {
        String jump = "Jump In Tech (Becomtech)";
        assertFalse(names(match(situation(15, "TROISIEME", "ENROLLED", "94028"))).contains(jump));
        assertFalse(names(match(situation(15, "TROISIEME", "ENROLLED", "94028", "gender", "MALE"))).contains(jump));
        Response girl = match(situation(15, "TROISIEME", "ENROLLED", "94028", "gender", "FEMALE"));
        assertTrue(reasonCodes(item(girl, jump)).contains("REQUIREMENT_MET"));
    }

    @Test
    void theUeajTakesYoungPeopleUnderACourtDecision() {
        String ueaj = "Activités de jour de l'UEAJ de Villeurbanne";
        assertFalse(names(match(situation(14, "QUATRIEME", "ENROLLED", "69266"))).contains(ueaj));
        assertFalse(names(match(situation(14, "QUATRIEME", "ENROLLED", "69266", "underCourtOrder", false))).contains(ueaj));
        assertTrue(names(match(situation(14, "QUATRIEME", "ENROLLED", "69266", "underCourtOrder", true))).contains(ueaj));
    }

    @Test
    void serviceCiviqueTakesUpTo30WithADisability() {
        String civique = "Service civique (Rhône)";
        assertFalse(names(match(situation(28, "NONE", "LEFT_SCHOOL", "69266"))).contains(civique));
        Response r = match(situation(28, "NONE", "LEFT_SCHOOL", "69266", "hasDisabilityRecognition", true));
        assertTrue(reasonCodes(item(r, civique)).contains("AGE_IN_RANGE_WITH_DISABILITY"));
        assertFalse(names(match(situation(30, "NONE", "LEFT_SCHOOL", "69266", "hasDisabilityRecognition", true))).isEmpty());
    }

    @Test
    void theMicrolyceeTakesUpToThreeYearsOutOfSchool() {
        String micro = "Microlycée (Centre Saint-Marc)";
        assertFalse(names(match(situation(19, "SECONDE", "LEFT_SCHOOL", "69123", "monthsOutOfSchool", 40))).contains(micro));
        Response inRange = match(situation(19, "SECONDE", "LEFT_SCHOOL", "69123", "monthsOutOfSchool", 8));
        assertTrue(reasonCodes(item(inRange, micro)).contains("MONTHS_OUT_OF_SCHOOL_IN_RANGE"));
        Response undeclared = match(situation(19, "SECONDE", "LEFT_SCHOOL", "69123"));
        assertTrue(reasonCodes(item(undeclared, micro)).contains("NOT_DECLARED"));
        assertEquals(List.of("MONTHS_OUT_OF_SCHOOL"), item(undeclared, micro).get("notStated"));
    }

    @Test
    void requirementsAndSituationFieldsAreValidated() {
        match(situation(17, "NONE", "LEFT_SCHOOL", "69266", "gender", "X")).then().statusCode(400)
                .body("violations[0].field", equalTo("gender"));
        match(situation(17, "NONE", "LEFT_SCHOOL", "69266", "monthsOutOfSchool", -2)).then().statusCode(422)
                .body("violations[0].field", equalTo("monthsOutOfSchool"));
        match(situation(17, "NONE", "LEFT_SCHOOL", "69266", "requirementsMet", List.of("RICH"))).then().statusCode(400);
    }

    @Test
    void anEditorStatesAudienceAndRequirementsAndTheirRangesAreChecked() {
        Map<String, Object> eligibility = new HashMap<>(Map.of("minAge", 16, "maxAge", 25, "maxAgeWithDisability", 20,
                "audience", List.of("YOUNG_PERSON"), "requirements", List.of("GIRLS_ONLY")));
        Map<String, Object> body = new HashMap<>(Map.of("organisationId", Api.APPRENTIS_AUTEUIL, "name", "Atelier de test des critères",
                "eligibility", eligibility, "serviceArea", Map.of("departements", List.of("69"))));
        admin().body(body).post("/api/v1/programmes").then().statusCode(422)
                .body("violations.field", hasItem("eligibility.maxAgeWithDisability"));
        eligibility.put("maxAgeWithDisability", 30);
        eligibility.put("minMonthsOutOfSchool", 12);
        eligibility.put("maxMonthsOutOfSchool", 6);
        admin().body(body).post("/api/v1/programmes").then().statusCode(422)
                .body("violations.field", hasItem("eligibility.maxMonthsOutOfSchool"));
        eligibility.put("maxMonthsOutOfSchool", 36);
        String id = admin().body(body).post("/api/v1/programmes").then().statusCode(201)
                .body("eligibility.audience", equalTo(List.of("YOUNG_PERSON")))
                .body("eligibility.requirements", equalTo(List.of("GIRLS_ONLY")))
                .body("eligibility.maxAgeWithDisability", equalTo(30))
                .body("eligibility.maxMonthsOutOfSchool", equalTo(36))
                .body("source", equalTo("EDITOR")).body("sourceDate", nullValue()).body("freshness.code", equalTo("UNDATED"))
                .extract().path("id");
        admin().header("If-Match", admin().get("/api/v1/programmes/" + id).header("ETag")).delete("/api/v1/programmes/" + id)
                .then().statusCode(204);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> byName(String path, String name) {
        for (int page = 0; page < 20; page++) {
            List<Map<String, Object>> items = referent().queryParam("size", 100).queryParam("page", page).get(path)
                    .then().statusCode(200).extract().jsonPath().getList("items");
            for (Map<String, Object> i : items) {
                if (name.equals(i.get("name"))) {
                    return i;
                }
            }
            if (items.size() < 100) {
                break;
            }
        }
        throw new AssertionError(name + " not found in " + path);
    }

    @Test
    @SuppressWarnings("unchecked")
    void aDocumentsDateIsNotAVerificationAndStalenessIsShown() {
        LocalDate today = LocalDate.now(ZoneId.of("Europe/Paris"));
        LocalDate forum = LocalDate.of(2023, 3, 29);
        Map<String, Object> e2c = byName("/api/v1/programmes", "Parcours E2C (Rhône)");
        assertEquals("2023-03-29", e2c.get("sourceDate"));
        assertNull(e2c.get("lastVerified"), "nobody has confirmed the seeded facts");
        Map<String, Object> freshness = (Map<String, Object>) e2c.get("freshness");
        assertEquals(Freshness.of(forum, today).name(), freshness.get("code"));
        assertEquals("2023-03-29", freshness.get("basedOn"));
        assertEquals("2025-03-29", freshness.get("staleFrom"));
        Map<String, Object> ml = byName("/api/v1/organisations", "Mission Locale Plateau Nord Val de Saône");
        assertEquals("2023-03-29", ml.get("sourceDate"));
        assertNull(ml.get("lastVerified"));
        assertTrue(((List<Map<String, Object>>) ml.get("contacts")).stream().anyMatch(c -> "04 72 27 45 50".equals(c.get("value"))));
    }

    @Test
    @SuppressWarnings("unchecked")
    void inferredFactsAreMarked() {
        Map<String, Object> gip = byName("/api/v1/programmes", "Réussite éducative – GIP de Grigny et Viry-Châtillon");
        assertEquals("ACTIVE", gip.get("status"));
        assertTrue(((List<String>) gip.get("inferredFields")).containsAll(List.of("status", "name")), gip.toString());
        assertNull(gip.get("sourceDate"), "the document is undated");
        assertEquals("UNDATED", ((Map<String, Object>) gip.get("freshness")).get("code"));
        Map<String, Object> relais = byName("/api/v1/programmes", "Classe Relais Mobile (UEAJ de Villeurbanne)");
        assertTrue(((List<String>) relais.get("inferredFields")).containsAll(List.of("eligibility.schoolLevels", "eligibility.maxAge")));
        Map<String, Object> ajd = byName("/api/v1/organisations", "AJD Maurice Gounon – Service de prévention spécialisée");
        assertTrue(((List<String>) ajd.get("inferredFields")).contains("name"));
        referent().get("/api/v1/programmes/codes").then().statusCode(200)
                .body("audiences.code", hasItems("YOUNG_PERSON", "PARENT", "PROFESSIONAL", "STUDENT"))
                .body("requirements.code", hasItems("COURT_DECISION", "GIRLS_ONLY"))
                .body("matchReasons.code", hasItems("NOT_STATED", "NOT_DECLARED"));
    }
}
