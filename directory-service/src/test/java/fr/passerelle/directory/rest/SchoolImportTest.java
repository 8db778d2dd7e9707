package fr.passerelle.directory.rest;

import static fr.passerelle.directory.Api.admin;
import static fr.passerelle.directory.Api.partner;
import static fr.passerelle.directory.Api.referent;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.restassured.response.ValidatableResponse;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The UAI import: validated line by line, idempotent, a dry run writes nothing, a wrong header refuses the file. */
@QuarkusTest
class SchoolImportTest {

    static final String HEADER = "Identifiant_de_l_etablissement;Nom_etablissement;Type_etablissement;Statut_public_prive;"
            + "Adresse_1;Adresse_2;Adresse_3;Code_postal;Code_commune;Nom_commune;Code_departement;Telephone;Mail\r\n";

    private static ValidatableResponse post(String csv, boolean dryRun) {
        return admin().contentType("text/csv; charset=utf-8").queryParam("dryRun", dryRun).body(csv)
                .post("/api/v1/schools/import").then();
    }

    private static List<Map<String, Object>> schools(String q) {
        return referent().queryParam("kind", "SCHOOL").queryParam("q", q).queryParam("size", 100).get("/api/v1/organisations")
                .then().statusCode(200).extract().jsonPath().getList("items");
    }

    @Test
    void importsValidLinesRejectsBadOnesAndIsIdempotent() {
        String csv = "\uFEFF" + HEADER
                + "0699901M;Collège Les Iris;Collège;Public;12 rue des Iris;;;69100;69266;Villeurbanne;069;04 78 11 11 11;ce.0699901M@ac-lyon.fr\r\n"
                + "0699902N;\"Lycée professionnel \"\"Les Canuts\"\"\";Lycée;Privé;3 rue des Canuts;;;69004;69384;Lyon;069;;\r\n"
                + "0699903C;Collège à la lettre fausse;Collège;Public;1 rue;;;69100;69266;Villeurbanne;069;;\r\n"
                + "0699904R;École de la commune inconnue;Ecole;Public;1 rue;;;69100;69999;Nulle part;069;;\r\n"
                + "0699901M;Collège Les Iris (doublon);Collège;Public;12 rue des Iris;;;69100;69266;Villeurbanne;069;;\r\n"
                + "\r\n"
                + "699905S;Sans zéro;Collège;Public;1 rue;;;69100;69266;Villeurbanne;069;;\r\n";

        // A dry run says what would happen and writes nothing.
        post(csv, true).statusCode(200).body("dryRun", equalTo(true)).body("created", equalTo(2)).body("rejected", equalTo(4))
                .body("lines.findAll { it.outcome == 'CREATED' }.organisationId", everyItem(nullValue()));
        assertEquals(List.of(), schools("Iris"));
        admin().queryParam("size", 100).get("/api/v1/directory-changes").then().statusCode(200)
                .body("items.channel", org.hamcrest.Matchers.not(hasItem("SCHOOL_IMPORT")));

        ValidatableResponse first = post(csv, false).statusCode(200)
                .body("dryRun", equalTo(false))
                .body("created", equalTo(2)).body("updated", equalTo(0)).body("unchanged", equalTo(0)).body("rejected", equalTo(4))
                .body("lines.line", contains(2, 3, 4, 5, 6, 8))
                .body("lines.outcome", contains("CREATED", "CREATED", "REJECTED", "REJECTED", "REJECTED", "REJECTED"))
                .body("lines[2].code", equalTo("UAI_CHECK_LETTER"))
                .body("lines[2].reason", equalTo("the check letter of 0699903 is P, not C"))
                .body("lines[3].code", equalTo("UNKNOWN_COMMUNE"))
                .body("lines[4].code", equalTo("DUPLICATE_UAI"))
                .body("lines[5].code", equalTo("UAI_FORMAT"));
        String irisId = first.extract().path("lines[0].organisationId");

        Map<String, Object> iris = referent().get("/api/v1/organisations/" + irisId).then().statusCode(200)
                .body("kind", equalTo("SCHOOL")).body("uai", equalTo("0699901M")).body("name", equalTo("Collège Les Iris"))
                .body("address.communeCode", equalTo("69266")).body("departement", equalTo("69")).body("academie", equalTo("LYON"))
                .body("description", equalTo("Collège (public)")).body("source", equalTo("DOCUMENT"))
                .body("contacts.kind", contains("PHONE", "EMAIL"))
                .extract().jsonPath().getMap("");
        assertEquals("Lycée professionnel \"Les Canuts\"", schools("Canuts").get(0).get("name"));

        // The same file again: nothing changes, and the report says so.
        post(csv, false).statusCode(200).body("created", equalTo(0)).body("updated", equalTo(0)).body("unchanged", equalTo(2))
                .body("rejected", equalTo(4));
        assertEquals(iris.get("updatedAt"), referent().get("/api/v1/organisations/" + irisId).then().extract().path("updatedAt"));

        // A renamed school in a later file: updated, with the fields named, and logged.
        String renamed = HEADER + "0699901M;Collège Les Iris – Cusset;Collège;Public;12 rue des Iris;;;69100;69266;Villeurbanne;069;;\n";
        post(renamed, false).statusCode(200).body("updated", equalTo(1))
                .body("lines[0].changedFields", contains("name"));
        admin().queryParam("recordId", irisId).get("/api/v1/directory-changes").then().statusCode(200)
                .body("items.operation", contains("UPDATE", "CREATE"))
                .body("items.channel", everyItem(equalTo("SCHOOL_IMPORT")))
                .body("items[0].changes[0].field", equalTo("name"))
                .body("items[0].changes[0].oldValue", equalTo("Collège Les Iris"))
                .body("items[0].changes[0].newValue", equalTo("Collège Les Iris – Cusset"))
                .body("items[0].actor.role", equalTo("directory-admin"));
    }

    @Test
    void aWrongHeaderRefusesTheWholeFile() {
        String csv = "UAI;Nom;Commune\n0699905S;Collège Fantôme;69266\n";
        post(csv, false).statusCode(400).contentType("application/problem+json")
                .body("violations.code", everyItem(equalTo("MISSING_COLUMN")))
                .body("violations.message", hasItem("the column Code_commune is missing"));
        post(HEADER.replace("Code_commune", "Code_INSEE") + "0699905S;Collège Fantôme;Collège;Public;1 rue;;;69100;69266;Villeurbanne;069;;\n", false)
                .statusCode(400).body("violations[0].message", equalTo("the column Code_commune is missing"));
        post(HEADER.replace(";", ","), false).statusCode(400); // a comma-separated export is not the annuaire
        post("", false).statusCode(400);
        post(HEADER + "0699905S;\"Collège pas fermé;Collège\n", false).statusCode(400)
                .body("violations[0].code", equalTo("MALFORMED_CSV"));
        assertEquals(List.of(), schools("Fantôme"));
    }

    @Test
    void onlyDirectoryEditorsImport() {
        String csv = HEADER + "0699905S;Collège Interdit;Collège;Public;1 rue;;;69100;69266;Villeurbanne;069;;\n";
        referent().contentType("text/csv; charset=utf-8").body(csv).post("/api/v1/schools/import").then().statusCode(403);
        partner().contentType("text/csv; charset=utf-8").body(csv).post("/api/v1/schools/import").then().statusCode(403);
        assertEquals(List.of(), schools("Interdit"));
    }
}
