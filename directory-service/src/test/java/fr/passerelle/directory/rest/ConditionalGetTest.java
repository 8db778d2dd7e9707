package fr.passerelle.directory.rest;

import static fr.passerelle.directory.Api.admin;
import static fr.passerelle.directory.Api.referent;
import static org.hamcrest.Matchers.emptyString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import fr.passerelle.directory.Api;
import fr.passerelle.testing.ContractCheck;
import io.restassured.response.ValidatableResponse;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Every directory read answers 304 Not Modified when If-None-Match names its current ETag (weak comparison, lists,
 * *), and 200 with the body otherwise; an edit changes the tag of the object and of the lists that show it.
 */
@QuarkusTest
class ConditionalGetTest {

    private static final String E2C = "319ee441-a093-4f4c-b58a-17412b02411d";

    private static Map<String, Object> programme(String name) {
        return Map.of("organisationId", Api.APPRENTIS_AUTEUIL, "name", name, "categories", List.of("MENTORING"),
                "eligibility", Map.of("minAge", 14, "maxAge", 18), "serviceArea", Map.of("communes", List.of("69266")));
    }

    private static ValidatableResponse notModified(String path, String ifNoneMatch, String etag) {
        return referent().filter(ContractCheck.INSTANCE).header("If-None-Match", ifNoneMatch).get(path).then().statusCode(304)
                .header("ETag", etag).header("Content-Type", nullValue()).body(emptyString());
    }

    @Test
    void oneObjectsReadAnswers304ForItsVersionTagWeakOrStrongListedOrStar() {
        String path = "/api/v1/programmes/" + E2C;
        String etag = referent().get(path).then().statusCode(200).extract().header("ETag");
        notModified(path, etag, etag);
        notModified(path, "W/" + etag, etag);
        notModified(path, "\"x\", W/" + etag, etag);
        notModified(path, "*", etag);
        referent().header("If-None-Match", "\"v999\"").get(path).then().statusCode(200).header("ETag", etag)
                .body("id", equalTo(E2C));
        referent().header("If-None-Match", "*").get("/api/v1/programmes/" + java.util.UUID.randomUUID()).then()
                .statusCode(404).contentType("application/problem+json");
    }

    @Test
    void anEditChangesTheTagOfTheObjectAndOfTheListsShowingIt() {
        String id = admin().body(programme("Zorglub, parrainage de test")).post("/api/v1/programmes").then()
                .statusCode(201).extract().path("id");
        String path = "/api/v1/programmes/" + id;
        String list = "/api/v1/programmes?q=zorglub";
        String hsds = "/api/v1/hsds/services/" + id;
        String objectTag = referent().get(path).then().statusCode(200).extract().header("ETag");
        String listTag = referent().get(list).then().statusCode(200).header("ETag", matchesPattern("\"h[A-Za-z0-9_-]{22}\""))
                .extract().header("ETag");
        String hsdsTag = referent().get(hsds).then().statusCode(200).extract().header("ETag");
        notModified(list, listTag, listTag);
        notModified(list, "W/" + listTag, listTag);
        notModified(hsds, hsdsTag, hsdsTag);

        admin().header("If-Match", objectTag).body(programme("Zorglub, parrainage de test, deuxième session"))
                .put(path).then().statusCode(200);

        String newObjectTag = referent().header("If-None-Match", objectTag).get(path).then().statusCode(200)
                .body("name", equalTo("Zorglub, parrainage de test, deuxième session")).extract().header("ETag");
        assertNotEquals(objectTag, newObjectTag);
        referent().header("If-None-Match", listTag).get(list).then().statusCode(200)
                .header("ETag", not(equalTo(listTag))).body("items[0].id", equalTo(id));
        referent().header("If-None-Match", hsdsTag).get(hsds).then().statusCode(200)
                .header("ETag", not(equalTo(hsdsTag))).body("name", equalTo("Zorglub, parrainage de test, deuxième session"));

        admin().header("If-Match", newObjectTag).delete(path).then().statusCode(204);
    }

    @Test
    void everyKindOfReadCarriesATagThatItHonours() {
        for (String path : List.of("/api/v1/organisations", "/api/v1/programmes/codes", "/api/v1/territories/departements",
                "/api/v1/platforms", "/api/v1/hsds", "/api/v1/hsds/taxonomy_terms?per_page=3", "/api/v1/hsds/organizations")) {
            String etag = referent().get(path).then().statusCode(200).extract().header("ETag");
            notModified(path, etag, etag);
            referent().header("If-None-Match", "\"other\"").get(path).then().statusCode(200).header("ETag", etag);
        }
    }

    @Test
    void aChangeToTheOrganisationChangesItsProgrammesTagThoughTheProgrammesVersionStays() {
        String orgId = admin().body(DirectoryEditingTest.organisation("Les Passeurs de Fantomas")).post("/api/v1/organisations")
                .then().statusCode(201).extract().path("id");
        Map<String, Object> body = new java.util.HashMap<>(programme("Fantomas, tutorat du soir"));
        body.put("organisationId", orgId);
        String id = admin().body(body).post("/api/v1/programmes").then().statusCode(201).extract().path("id");
        String path = "/api/v1/programmes/" + id;
        String before = referent().get(path).then().statusCode(200).body("organisationName", equalTo("Les Passeurs de Fantomas"))
                .header("ETag", matchesPattern("\"v0\\.[A-Za-z0-9_-]{22}\"")).extract().header("ETag");

        String orgTag = admin().get("/api/v1/organisations/" + orgId).then().extract().header("ETag");
        admin().header("If-Match", orgTag).body(DirectoryEditingTest.organisation("Les Passeurs de Fantomas-la-Croix"))
                .put("/api/v1/organisations/" + orgId).then().statusCode(200);

        // Same programme version, another representation: the old copy is not "not modified".
        String after = referent().header("If-None-Match", before).get(path).then().statusCode(200)
                .body("organisationName", equalTo("Les Passeurs de Fantomas-la-Croix")).extract().header("ETag");
        assertNotEquals(before, after);
        notModified(path, after, after);
        // The programme itself did not change: either tag still names its version for a write.
        admin().header("If-Match", before).body(body).put(path).then().statusCode(200);
    }
}
