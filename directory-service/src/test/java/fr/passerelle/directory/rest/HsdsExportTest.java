package fr.passerelle.directory.rest;

import static fr.passerelle.directory.Api.as;
import static fr.passerelle.directory.Api.referent;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.passerelle.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
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
    private static final Set<String> SERVICE_STATUSES = Set.of("active", "inactive", "defunct", "temporarily closed");

    @Test
    void rootNamesTheVersion() {
        referent().get("/api/v1/hsds").then().statusCode(200).body("version", equalTo("3.0")).body("openapi_url", notNullValue());
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
    void otherDirectoriesReadWithTheScope() {
        as(TestTokens.system("annuaire-departemental", "directory:read", null)).get("/api/v1/hsds/services")
                .then().statusCode(200);
    }
}
