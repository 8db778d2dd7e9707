package fr.passerelle.directory.rest;

import static fr.passerelle.directory.Api.APPRENTIS_AUTEUIL;
import static fr.passerelle.directory.Api.LYON_PLATFORM;
import static fr.passerelle.directory.Api.admin;
import static fr.passerelle.directory.Api.referent;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every directory write is refused to a referent with 403 problem+json, before its body or If-Match is looked at,
 * and leaves the record as it was. The roles are declared on the *Api interfaces next to the operations they
 * document: this pins that they are enforced there.
 */
@QuarkusTest
class EditorOnlyWritesTest {

    private record Write(String method, String path) {
    }

    @Test
    void aReferentIsRefusedEveryWriteAndNothingChanges() {
        String programme = admin().queryParam("organisation", APPRENTIS_AUTEUIL).get("/api/v1/programmes")
                .then().statusCode(200).extract().path("items[0].id");
        String organisationBefore = admin().get("/api/v1/organisations/" + APPRENTIS_AUTEUIL).then().statusCode(200).extract().asString();
        String platformBefore = admin().get("/api/v1/platforms/" + LYON_PLATFORM).then().statusCode(200).extract().asString();
        String programmeBefore = admin().get("/api/v1/programmes/" + programme).then().statusCode(200).extract().asString();

        List<Write> writes = List.of(
                new Write("POST", "/api/v1/organisations"),
                new Write("PUT", "/api/v1/organisations/" + APPRENTIS_AUTEUIL),
                new Write("DELETE", "/api/v1/organisations/" + APPRENTIS_AUTEUIL),
                new Write("POST", "/api/v1/programmes"),
                new Write("PUT", "/api/v1/programmes/" + programme),
                new Write("PATCH", "/api/v1/programmes/" + programme + "/availability"),
                new Write("DELETE", "/api/v1/programmes/" + programme),
                new Write("POST", "/api/v1/platforms"),
                new Write("PUT", "/api/v1/platforms/" + LYON_PLATFORM),
                new Write("DELETE", "/api/v1/platforms/" + LYON_PLATFORM),
                new Write("GET", "/api/v1/directory-changes"));
        List<String> mismatches = new ArrayList<>();
        for (Write w : writes) {
            Response answer = referent().header("If-Match", "\"v0\"").body("{}").request(w.method(), w.path());
            if (answer.statusCode() != 403 || !answer.contentType().startsWith("application/problem+json")) {
                mismatches.add(w + " answered " + answer.statusCode() + " " + answer.contentType());
            }
        }
        Response schoolImport = referent().contentType("text/csv; charset=utf-8").body("x").post("/api/v1/schools/import");
        if (schoolImport.statusCode() != 403) {
            mismatches.add("POST /api/v1/schools/import answered " + schoolImport.statusCode());
        }
        assertTrue(mismatches.isEmpty(), "writes not refused with 403: " + mismatches);

        assertEquals(organisationBefore, admin().get("/api/v1/organisations/" + APPRENTIS_AUTEUIL).then().extract().asString());
        assertEquals(platformBefore, admin().get("/api/v1/platforms/" + LYON_PLATFORM).then().extract().asString());
        assertEquals(programmeBefore, admin().get("/api/v1/programmes/" + programme).then().extract().asString());
    }
}
