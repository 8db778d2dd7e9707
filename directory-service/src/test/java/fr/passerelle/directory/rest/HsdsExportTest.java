package fr.passerelle.directory.rest;

import static fr.passerelle.directory.Api.admin;
import static fr.passerelle.directory.Api.as;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.passerelle.testing.TestTokens;
import fr.passerelle.directory.Api;
import fr.passerelle.testing.ContractCheck;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The export follows the HSDS 3.0 API reference: paging header, snake_case, UUID ids, required fields. */
@QuarkusTest
class HsdsExportTest {

    private static final String UUID = "^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$";
    private static final Set<String> PAGE_FIELDS = Set.of("total_items", "total_pages", "page_number", "size", "first_page",
            "last_page", "empty", "contents");
    /** AJD Maurice Gounon: the one seed organisation with a full address (100 rue des Fougères, 69009 Lyon). */
    private static final String AJD = "e0766dcc-99fd-4600-a30e-ecb70689c616";
    private static final Set<String> SERVICE_STATUSES = Set.of("active", "inactive", "defunct", "temporarily closed");

    /** A referent's request whose answer must match the OpenAPI document. */
    private static RequestSpecification referent() {
        return Api.referent().filter(ContractCheck.INSTANCE);
    }

    @Test
    void rootNamesTheVersion() {
        referent().get("/api/v1/hsds").then().statusCode(200).body("version", equalTo("3.0"))
                .body("openapi_url", matchesPattern("^http://[^/]+/q/openapi$"));
        // Through the gateway, the URL the caller used.
        referent().header("X-Forwarded-Proto", "https").header("X-Forwarded-Host", "api.passerelle.example.org")
                .get("/api/v1/hsds").then().statusCode(200)
                .body("openapi_url", equalTo("https://api.passerelle.example.org/q/openapi"));
    }

    @Test
    void servicesArePagedTheHsdsWay() {
        Map<String, Object> page = referent().queryParam("per_page", 10).queryParam("page", 2).get("/api/v1/hsds/services")
                .then().statusCode(200).extract().as(Map.class);
        assertEquals(PAGE_FIELDS, page.keySet());
        assertEquals(2, page.get("page_number"));
        assertEquals(10, page.get("size"));
        assertEquals(false, page.get("first_page"));
        assertTrue(((Number) page.get("total_items")).intValue() >= 61);
        referent().queryParam("per_page", 10).get("/api/v1/hsds/services").then()
                .body("contents.id", everyItem(matchesPattern(UUID)))
                .body("contents.name", everyItem(notNullValue()))
                .body("contents.status", everyItem(org.hamcrest.Matchers.in(SERVICE_STATUSES)))
                .body("contents.organization.id", everyItem(matchesPattern(UUID)))
                .body("first_page", equalTo(true));
    }

    @Test
    void serviceDetailIsNestedWithTaxonomyAndAreas() {
        String e2c = "319ee441-a093-4f4c-b58a-17412b02411d";
        referent().get("/api/v1/hsds/services/" + e2c).then().statusCode(200)
                .body("id", equalTo(e2c)).body("status", equalTo("active"))
                .body("minimum_age", equalTo(16)).body("maximum_age", equalTo(25))
                .body("organization.name", notNullValue()).body("organization.description", notNullValue())
                .body("attributes.taxonomy_term.code", hasItem("QUALIFICATION"))
                .body("attributes.taxonomy_term.id", everyItem(matchesPattern(UUID)))
                .body("service_areas.name", hasItem("Département 69"))
                .body("$", not(hasKey("minimumAge")));
        referent().get("/api/v1/hsds/services/" + java.util.UUID.randomUUID()).then().statusCode(404);
    }

    @Test
    void closedProgrammesAreDefunct() {
        List<String> statuses = referent().queryParam("search", "MIPOP").queryParam("per_page", 100).get("/api/v1/hsds/services")
                .then().statusCode(200).extract().path("contents.status");
        assertTrue(statuses.contains("defunct"), statuses.toString());
    }

    @Test
    void organizationsAndTaxonomiesAreExported() {
        referent().queryParam("per_page", 100).get("/api/v1/hsds/organizations").then().statusCode(200)
                .body("total_items", greaterThan(49)).body("contents.description", everyItem(notNullValue()));
        referent().get("/api/v1/hsds/organizations/a64470d4-7a66-42be-aa54-e9bcf03931ba").then().statusCode(200)
                .body("organization_identifiers[0].identifier_type", equalTo("UAI"));
        referent().get("/api/v1/hsds/taxonomies").then().statusCode(200).body("contents[0].id", matchesPattern(UUID));
        referent().get("/api/v1/hsds/taxonomy_terms").then().statusCode(200).body("total_items", equalTo(14))
                .body("contents.taxonomy_id", everyItem(matchesPattern(UUID)));
    }

    @Test
    void termFilterAndBadPaging() {
        String mentoring = referent().get("/api/v1/hsds/taxonomy_terms").then().extract()
                .path("contents.find { it.code == 'MENTORING' }.id");
        referent().queryParam("taxonomy_term_id", mentoring).get("/api/v1/hsds/services").then().statusCode(200)
                .body("total_items", greaterThan(0));
        referent().queryParam("per_page", 101).get("/api/v1/hsds/services").then().statusCode(400)
                .body("violations[0].field", equalTo("per_page"));
        referent().queryParam("page", 0).get("/api/v1/hsds/services").then().statusCode(400);
    }

    @Test
    void modifiedAfterKeepsWhatChangedOnOrAfterTheInstant() {
        long all = referent().get("/api/v1/hsds/services").then().extract().jsonPath().getLong("total_items");
        referent().queryParam("modified_after", "2030-01-01T00:00:00Z").get("/api/v1/hsds/services").then().statusCode(200)
                .body("total_items", equalTo(0)).body("empty", equalTo(true));
        referent().queryParam("modified_after", "2000-01-01T00:00:00+01:00").get("/api/v1/hsds/services").then()
                .statusCode(200).body("total_items", equalTo((int) all));

        Map<String, Object> body = new java.util.HashMap<>(Map.of("organisationId", AJD,
                "name", "Atelier Quasimodo de test", "categories", List.of("TUTORING"),
                "serviceArea", Map.of("communes", List.of("69266"))));
        String id = admin().body(body).post("/api/v1/programmes").then().statusCode(201).extract().path("id");
        String created = referent().get("/api/v1/hsds/services/" + id).then().extract().path("last_modified");
        String justAfter = Instant.parse(created).plusMillis(1).toString();
        List<String> since = referent().queryParam("modified_after", created).queryParam("per_page", 100)
                .get("/api/v1/hsds/services").then().statusCode(200).extract().path("contents.id");
        assertTrue(since.contains(id), since.toString());
        referent().queryParam("modified_after", created).queryParam("per_page", 100).get("/api/v1/hsds/services").then()
                .body("contents.last_modified", everyItem(greaterThanOrEqualTo(created)));
        referent().queryParam("modified_after", justAfter).queryParam("per_page", 100).get("/api/v1/hsds/services")
                .then().body("contents.id", not(hasItem(id)));

        body.put("name", "Atelier Quasimodo de test, renommé");
        admin().header("If-Match", "\"v0\"").body(body).put("/api/v1/programmes/" + id).then().statusCode(200);
        referent().queryParam("modified_after", justAfter).queryParam("per_page", 100).get("/api/v1/hsds/services")
                .then().body("contents.id", hasItem(id));
        referent().queryParam("modified_after", justAfter).queryParam("search", "quasimodo").get("/api/v1/hsds/service_at_locations")
                .then().statusCode(200).body("contents.service_id", hasItem(id));
        referent().queryParam("modified_after", "yesterday").get("/api/v1/hsds/services").then().statusCode(400)
                .body("violations[0].field", equalTo("modified_after")).body("violations[0].code", equalTo("WRONG_TYPE"));
        admin().header("If-Match", "\"v1\"").delete("/api/v1/programmes/" + id).then().statusCode(204);
    }

    @Test
    void taxonomiesAndTermsAnswerById() {
        String taxonomy = referent().get("/api/v1/hsds/taxonomies").then().extract().path("contents[0].id");
        referent().get("/api/v1/hsds/taxonomies/" + taxonomy).then().statusCode(200).body("id", equalTo(taxonomy))
                .body("name", notNullValue());
        String term = referent().get("/api/v1/hsds/taxonomy_terms").then().extract()
                .path("contents.find { it.code == 'MENTORING' }.id");
        referent().get("/api/v1/hsds/taxonomy_terms/" + term).then().statusCode(200).body("code", equalTo("MENTORING"))
                .body("taxonomy_id", equalTo(taxonomy)).body("taxonomy_detail.id", equalTo(taxonomy));
        referent().queryParam("taxonomy_id", taxonomy).get("/api/v1/hsds/taxonomy_terms").then().body("total_items", equalTo(14));
        referent().queryParam("taxonomy_id", java.util.UUID.randomUUID()).get("/api/v1/hsds/taxonomy_terms").then()
                .body("total_items", equalTo(0));
        referent().get("/api/v1/hsds/taxonomies/" + term).then().statusCode(404).contentType("application/problem+json");
        referent().get("/api/v1/hsds/taxonomy_terms/" + taxonomy).then().statusCode(404);
    }

    @Test
    void servicesAreLocatedAtTheirOrganisationsPlace() {
        String org = AJD;
        referent().get("/api/v1/hsds/organizations/" + org).then().statusCode(200)
                .body("locations[0].location_type", equalTo("physical"))
                .body("locations[0].addresses[0].address_1", equalTo("100 rue des Fougères"))
                .body("locations[0].addresses[0].postal_code", equalTo("69009"))
                .body("locations[0].addresses[0].country", equalTo("FR"))
                .body("locations[0].addresses[0].state_province", equalTo("Rhône"));
        String location = referent().get("/api/v1/hsds/organizations/" + org).then().extract().path("locations[0].id");
        Map<String, Object> page = referent().queryParam("organization_id", org).get("/api/v1/hsds/service_at_locations")
                .then().statusCode(200).body("total_items", greaterThan(0))
                .body("contents.location_id", everyItem(equalTo(location)))
                .body("contents.service.organization.id", everyItem(equalTo(org)))
                .extract().as(Map.class);
        Map<String, Object> first = ((List<Map<String, Object>>) page.get("contents")).get(0);
        referent().get("/api/v1/hsds/service_at_locations/" + first.get("id")).then().statusCode(200)
                .body("service_id", equalTo(first.get("service_id")))
                .body("location.addresses[0].city", equalTo("Lyon"));
        referent().get("/api/v1/hsds/services/" + first.get("service_id")).then()
                .body("service_at_locations[0].id", equalTo(first.get("id")))
                .body("service_at_locations[0].location.id", equalTo(location));
        referent().get("/api/v1/hsds/service_at_locations/" + first.get("service_id")).then().statusCode(404);
    }

    @Test
    void otherDirectoriesReadWithTheScope() {
        as(TestTokens.system("annuaire-departemental", "directory:read", null)).filter(ContractCheck.INSTANCE).get("/api/v1/hsds/services")
                .then().statusCode(200);
    }
}
