package fr.passerelle.directory.rest;

import static fr.passerelle.directory.Api.admin;
import static fr.passerelle.directory.Api.anonymous;
import static fr.passerelle.directory.Api.as;
import static fr.passerelle.directory.Api.partner;
import static fr.passerelle.directory.Api.referent;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import fr.passerelle.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class DirectoryEditingTest {

    static Map<String, Object> organisation(String name) {
        Map<String, Object> body = new HashMap<>();
        body.put("name", name);
        body.put("kind", "ASSOCIATION");
        body.put("description", "Association de quartier qui accompagne les collégiens décrocheurs");
        body.put("address", Map.of("street", "1 place Bellecour", "postalCode", "69002", "communeCode", "69382", "city", "Lyon"));
        body.put("departement", "69");
        body.put("academie", "LYON");
        body.put("contacts", List.of(Map.of("kind", "EMAIL", "value", "contact@example.org")));
        return body;
    }

    private static long organisationCount() {
        return admin().queryParam("size", 1).get("/api/v1/organisations").then().extract().jsonPath().getLong("totalItems");
    }

    @Test
    void editorCreatesReadsUpdatesAndArchivesAnOrganisation() {
        var created = admin().body(organisation("Les Passeurs de Bellecour")).post("/api/v1/organisations")
                .then().statusCode(201)
                .header("Location", containsString("/api/v1/organisations/"))
                .header("ETag", equalTo("\"v0\""))
                .body("source", equalTo("EDITOR")).body("archived", equalTo(false))
                .extract();
        String id = created.path("id");

        referent().get("/api/v1/organisations/" + id).then().statusCode(200).header("ETag", startsWith("\"v0."))
                .body("address.communeCode", equalTo("69382")).body("kindLabel", equalTo("Association"));

        Map<String, Object> changed = organisation("Les Passeurs de Bellecour et d'Ainay");
        admin().body(changed).put("/api/v1/organisations/" + id)
                .then().statusCode(428).contentType("application/problem+json");
        admin().header("If-Match", "\"v7\"").body(changed).put("/api/v1/organisations/" + id)
                .then().statusCode(412).contentType("application/problem+json");
        String etag = admin().header("If-Match", "\"v0\"").body(changed).put("/api/v1/organisations/" + id)
                .then().statusCode(200).body("name", equalTo("Les Passeurs de Bellecour et d'Ainay"))
                .extract().header("ETag");
        assertNotEquals("\"v0\"", etag);

        referent().queryParam("q", "passeurs ainay").get("/api/v1/organisations")
                .then().statusCode(200).body("items.id", hasItem(id));

        admin().header("If-Match", "\"v0\"").delete("/api/v1/organisations/" + id).then().statusCode(412);
        // A client generated from the contract accepts only problem+json on a DELETE (its 204 has no body).
        admin().header("If-Match", etag).accept("application/problem+json").delete("/api/v1/organisations/" + id)
                .then().statusCode(204);
        referent().get("/api/v1/organisations/" + id).then().statusCode(200).body("archived", equalTo(true));
        referent().queryParam("q", "passeurs ainay").get("/api/v1/organisations")
                .then().statusCode(200).body("items.id", not(hasItem(id)));
    }

    @Test
    void aSparseOrganisationAnswersEveryFieldWithNullsWhereUnknown() {
        Map<String, Object> sparse = Map.of("name", "Les Passeurs sans adresse", "kind", "ASSOCIATION");
        String id = admin().body(sparse).post("/api/v1/organisations").then().statusCode(201)
                .body("address", nullValue()).body("departement", nullValue()).body("uai", nullValue())
                .body("lastVerified", nullValue()).body("contacts.size()", equalTo(0)).body("programmes.size()", equalTo(0))
                .extract().path("id");
        referent().get("/api/v1/organisations/" + id).then().statusCode(200).body("$", hasKey("closedOn"))
                .body("closedOn", nullValue()).body("updatedAt", notNullValue());
    }

    @Test
    void editorCreatesReadsUpdatesAndArchivesAPlatform() {
        Map<String, Object> platform = new HashMap<>();
        platform.put("name", "PSAD Bellecour");
        platform.put("territory", Map.of("communes", List.of("69382"), "departements", List.of(), "academies", List.of()));
        platform.put("coAnimators", List.of(fr.passerelle.directory.Api.APPRENTIS_AUTEUIL));
        var created = admin().body(platform).post("/api/v1/platforms").then().statusCode(201)
                .header("Location", containsString("/api/v1/platforms/")).header("ETag", equalTo("\"v0\""))
                .body("description", nullValue()).body("coAnimators[0].kind", notNullValue()).extract();
        String path = "/api/v1/platforms/" + created.<String>path("id");
        referent().get(path).then().statusCode(200).header("ETag", startsWith("\"v0.")).body("members.size()", equalTo(0));
        platform.put("description", "Plateforme de test");
        String etag = admin().header("If-Match", "\"v0\"").body(platform).put(path).then().statusCode(200)
                .body("description", equalTo("Plateforme de test")).extract().header("ETag");
        referent().queryParam("organisation", fr.passerelle.directory.Api.APPRENTIS_AUTEUIL).get("/api/v1/platforms")
                .then().statusCode(200).body("items.name", hasItem("PSAD Bellecour"));
        admin().header("If-Match", etag).delete(path).then().statusCode(204);
        referent().get(path).then().statusCode(200).body("archived", equalTo(true));
    }

    @Test
    void codeListsCarryFrenchLabels() {
        referent().get("/api/v1/programmes/codes").then().statusCode(200)
                .body("categories.code", hasItem("REMOBILISATION")).body("matchReasons.size()", greaterThan(0))
                .body("intakes.label", everyItem(notNullValue()));
    }

    @Test
    void onlyEditorsWrite() {
        long before = organisationCount();
        referent().body(organisation("Tentative référent")).post("/api/v1/organisations").then().statusCode(403)
                .contentType("application/problem+json");
        partner().body(organisation("Tentative partenaire")).post("/api/v1/organisations").then().statusCode(403);
        as(TestTokens.coordinator(java.util.UUID.fromString(fr.passerelle.directory.Api.LYON_PLATFORM)))
                .body(organisation("Tentative coordinateur")).post("/api/v1/organisations").then().statusCode(403);
        anonymous().body(organisation("Tentative anonyme")).post("/api/v1/organisations").then().statusCode(401);
        assertEquals(before, organisationCount());
    }

    @Test
    void otherSystemsNeedTheDirectoryReadScope() {
        as(TestTokens.system("school-erp", "directory:read", null)).get("/api/v1/programmes").then().statusCode(200);
        as(TestTokens.system("school-erp", "referrals:read", "referent")).get("/api/v1/programmes").then().statusCode(403);
        as(TestTokens.user("nobody").sign()).get("/api/v1/programmes").then().statusCode(403);
    }

    @Test
    void tokensThatAreNotOursAreRejected() {
        anonymous().header("Authorization", "Bearer not-a-jwt").get("/api/v1/programmes").then().statusCode(401);
        as(TestTokens.user("x").role("referent").expiresIn(-60).sign()).get("/api/v1/programmes").then().statusCode(401);
        as(TestTokens.user("x").role("referent").audience("another-api").sign()).get("/api/v1/programmes").then().statusCode(401);
        as(TestTokens.user("x").role("referent").issuer("https://evil.example/realms/passerelle").sign())
                .get("/api/v1/programmes").then().statusCode(401);
    }

    @Test
    void badBodiesChangeNothing() {
        long before = organisationCount();
        admin().body("{\"name\": \"Sans fin\", ").post("/api/v1/organisations")
                .then().statusCode(400).contentType("application/problem+json").body("violations[0].code", equalTo("MALFORMED_JSON"));
        Map<String, Object> unknownKind = organisation("Genre inconnu");
        unknownKind.put("kind", "CLUB");
        admin().body(unknownKind).post("/api/v1/organisations")
                .then().statusCode(400).body("violations[0].field", equalTo("kind")).body("violations[0].code", equalTo("UNKNOWN_VALUE"));
        Map<String, Object> extra = organisation("Champ inconnu");
        extra.put("favouriteColour", "blue");
        admin().body(extra).post("/api/v1/organisations")
                .then().statusCode(400).body("violations[0].field", equalTo("favouriteColour"));
        admin().body(organisation("x".repeat(201))).post("/api/v1/organisations")
                .then().statusCode(422).body("violations[0].field", equalTo("name")).body("violations[0].code", equalTo("SIZE"));
        Map<String, Object> badCommune = organisation("Commune inconnue");
        badCommune.put("address", Map.of("street", "1 rue", "postalCode", "69002", "communeCode", "69999", "city", "Lyon"));
        admin().body(badCommune).post("/api/v1/organisations")
                .then().statusCode(422).body("violations[0].field", equalTo("address.communeCode"))
                .body("violations[0].code", equalTo("UNKNOWN_COMMUNE"));
        Map<String, Object> badContact = organisation("Contact vide");
        badContact.put("contacts", List.of(Map.of("kind", "EMAIL", "value", "")));
        admin().body(badContact).post("/api/v1/organisations")
                .then().statusCode(422).body("violations[0].field", equalTo("contacts[0].value"));
        admin().body(Map.of("kind", "ASSOCIATION")).post("/api/v1/organisations")
                .then().statusCode(422).body("violations.field", hasItem("name"));
        admin().contentType("text/plain").body("name=x").post("/api/v1/organisations")
                .then().statusCode(415).contentType("application/problem+json");
        admin().body("{\"name\":\"" + "x".repeat(300_000) + "\"}").post("/api/v1/organisations")
                .then().statusCode(413);
        assertEquals(before, organisationCount());
    }

    @Test
    void programmeRulesAreCheckedAgainstTheDirectory() {
        Map<String, Object> p = new HashMap<>();
        p.put("organisationId", "00000000-0000-4000-8000-000000000000");
        p.put("name", "Programme orphelin");
        p.put("eligibility", Map.of("minAge", 18, "maxAge", 16));
        p.put("serviceArea", Map.of("communes", List.of("69266", "12345"), "departements", List.of("69", "99"), "academies", List.of("ATLANTIS")));
        admin().body(p).post("/api/v1/programmes")
                .then().statusCode(422)
                .body("violations.field", hasItems("organisationId", "eligibility.maxAge", "serviceArea.communes[1]",
                        "serviceArea.departements[1]", "serviceArea.academies[0]"));
        p.put("eligibility", Map.of("minAge", -2));
        admin().body(p).post("/api/v1/programmes")
                .then().statusCode(422).body("violations.field", hasItem("eligibility.minAge"));
        p.put("eligibility", Map.of("schoolLevels", List.of("SIXIEME", "MASTER")));
        admin().body(p).post("/api/v1/programmes")
                .then().statusCode(400).body("violations[0].field", equalTo("eligibility.schoolLevels[1]"));
    }

    @Test
    void unknownIdsAndPathsAnswerProblem404WithoutInternals() {
        referent().get("/api/v1/programmes/6b1e7f52-0c43-4a47-a4a6-000000000000").then().statusCode(404)
                .contentType("application/problem+json").body("status", equalTo(404)).body("requestId", notNullValue());
        referent().get("/api/v1/organisations/not-a-uuid").then().statusCode(404).contentType("application/problem+json");
        referent().get("/api/v1/nothing-here").then().statusCode(404).contentType("application/problem+json");
        referent().get("/api/v1/platforms/6b1e7f52-0c43-4a47-a4a6-000000000000").then().statusCode(404)
                .body("detail", not(containsString("Exception"))).body("trace", nullValue());
    }

    @Test
    void requestIdIsKeptOrMade() {
        referent().header("X-Request-Id", "trace-123").get("/api/v1/programmes/6b1e7f52-0c43-4a47-a4a6-000000000000")
                .then().statusCode(404).header("X-Request-Id", "trace-123").body("requestId", equalTo("trace-123"));
        referent().get("/api/v1/programmes").then().statusCode(200).header("X-Request-Id", notNullValue());
    }

    @Test
    void platformsListTheirMembersAndTerritory() {
        referent().get("/api/v1/platforms/" + fr.passerelle.directory.Api.LYON_PLATFORM).then().statusCode(200)
                .header("ETag", notNullValue())
                .body("members.id", hasItem(fr.passerelle.directory.Api.APPRENTIS_AUTEUIL))
                .body("coAnimators.kind", hasItems("NATIONAL_EDUCATION_SERVICE", "MISSION_LOCALE"))
                .body("territory.communes", hasItem("69266"));
        referent().queryParam("organisation", fr.passerelle.directory.Api.APPRENTIS_AUTEUIL).get("/api/v1/platforms")
                .then().statusCode(200).body("items.id", hasItem(fr.passerelle.directory.Api.LYON_PLATFORM));
        referent().get("/api/v1/programmes/5948dc80-462a-4cd4-8719-6c8a829eb448").then().statusCode(200)
                .body("platformIds", hasItem(fr.passerelle.directory.Api.LYON_PLATFORM));
    }

    @Test
    void territoriesComeFromOfficialData() {
        referent().get("/api/v1/territories/communes/69266").then().statusCode(200)
                .body("name", equalTo("Villeurbanne")).body("departementCode", equalTo("69")).body("academieCode", equalTo("LYON"));
        referent().get("/api/v1/territories/communes/69999").then().statusCode(404);
        referent().queryParam("q", "Vitry-sur").queryParam("departement", "94").get("/api/v1/territories/communes")
                .then().statusCode(200).body("items.code", hasItem("94081"));
        referent().get("/api/v1/territories/academies").then().statusCode(200).body("size()", equalTo(30));
        referent().get("/api/v1/territories/departements/91").then().statusCode(200).body("academieCode", equalTo("VERSAILLES"));
    }

    @Test
    void openApiIsServed() {
        // Health and metrics: on the management interface (HttpEnvelopeTest).
        RestAssured.given().queryParam("format", "json").get("/q/openapi").then().statusCode(200)
                .body("paths.'/api/v1/programmes/match'.post.responses.'422'", notNullValue())
                .body("paths.'/api/v1/organisations/{id}'.put.responses.'412'", notNullValue())
                .body("paths.'/api/v1/organisations/{id}'.put.responses.'428'", notNullValue())
                .body("components.schemas.Problem", notNullValue());
    }
}
