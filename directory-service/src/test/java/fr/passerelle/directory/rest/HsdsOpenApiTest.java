package fr.passerelle.directory.rest;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The HSDS operations' own contract: named operations and page schemas, typed bounded parameters without examples,
 * and conditional GET (If-None-Match, 304, ETag with a schema) on every directory read.
 */
@QuarkusTest
class HsdsOpenApiTest {

    private static final Map<String, String> OPERATIONS = Map.ofEntries(
            Map.entry("/api/v1/hsds", "getHsdsRoot"),
            Map.entry("/api/v1/hsds/services", "listHsdsServices"),
            Map.entry("/api/v1/hsds/services/{id}", "getHsdsService"),
            Map.entry("/api/v1/hsds/organizations", "listHsdsOrganizations"),
            Map.entry("/api/v1/hsds/organizations/{id}", "getHsdsOrganization"),
            Map.entry("/api/v1/hsds/service_at_locations", "listHsdsServicesAtLocations"),
            Map.entry("/api/v1/hsds/service_at_locations/{id}", "getHsdsServiceAtLocation"),
            Map.entry("/api/v1/hsds/taxonomies", "listHsdsTaxonomies"),
            Map.entry("/api/v1/hsds/taxonomies/{id}", "getHsdsTaxonomy"),
            Map.entry("/api/v1/hsds/taxonomy_terms", "listHsdsTaxonomyTerms"),
            Map.entry("/api/v1/hsds/taxonomy_terms/{id}", "getHsdsTaxonomyTerm"));
    private static final Map<String, String> PAGES = Map.of("/api/v1/hsds/services", "HsdsServicePage",
            "/api/v1/hsds/organizations", "HsdsOrganizationPage", "/api/v1/hsds/service_at_locations", "HsdsServiceAtLocationPage",
            "/api/v1/hsds/taxonomies", "HsdsTaxonomyPage", "/api/v1/hsds/taxonomy_terms", "HsdsTaxonomyTermPage");

    @Test
    void hsdsOperationsAreNamedTypedAndPaged() {
        JsonPath doc = document();
        List<String> problems = new ArrayList<>();
        Map<String, Object> paths = doc.getMap("paths");
        for (Map.Entry<String, String> op : OPERATIONS.entrySet()) {
            Map<String, Object> get = doc.getMap("paths.'" + op.getKey() + "'.get");
            if (get == null) {
                problems.add(op.getKey() + ": not documented");
                continue;
            }
            expect(problems, op.getKey() + " operationId", op.getValue(), get.get("operationId"));
            if (get.get("summary") == null || get.get("description") == null) {
                problems.add(op.getKey() + ": summary and description expected");
            }
            List<Map<String, Object>> parameters = doc.getList("paths.'" + op.getKey() + "'.get.parameters");
            for (Map<String, Object> p : parameters == null ? List.<Map<String, Object>>of() : parameters) {
                String name = op.getKey() + " " + p.get("name");
                Map<String, Object> schema = (Map<String, Object>) p.get("schema");
                if (p.containsKey("example") || p.containsKey("examples")) {
                    problems.add(name + ": an example would pre-fill Try-it-out");
                }
                switch (String.valueOf(p.get("name"))) {
                    case "page" -> {
                        expect(problems, name + " type", "integer", schema.get("type"));
                        expect(problems, name + " minimum", 1, schema.get("minimum"));
                        expect(problems, name + " maximum", 100000, schema.get("maximum"));
                    }
                    case "per_page" -> {
                        expect(problems, name + " type", "integer", schema.get("type"));
                        expect(problems, name + " minimum", 1, schema.get("minimum"));
                        expect(problems, name + " maximum", 100, schema.get("maximum"));
                    }
                    case "modified_after" -> expect(problems, name + " format", "date-time", schema.get("format"));
                    case "organization_id", "taxonomy_term_id", "taxonomy_id", "id" ->
                            expect(problems, name + " format", "uuid", schema.get("format"));
                    default -> {
                    }
                }
            }
        }
        for (Map.Entry<String, String> page : PAGES.entrySet()) {
            expect(problems, page.getKey() + " 200 schema", "#/components/schemas/" + page.getValue(),
                    doc.getString("paths.'" + page.getKey() + "'.get.responses.'200'.content.'application/json'.schema.$ref"));
            expect(problems, page.getValue() + " required", List.of("total_items", "total_pages", "page_number", "size",
                    "first_page", "last_page", "empty", "contents"), doc.getList("components.schemas." + page.getValue() + ".required"));
        }
        for (Object schema : doc.getMap("components.schemas").keySet()) {
            if (schema.toString().matches("HsdsPage\\d*")) {
                problems.add("components.schemas." + schema + ": generic page schema leaked");
            }
        }
        for (Map.Entry<String, Object> path : paths.entrySet()) {
            if (!path.getKey().startsWith("/api/") || doc.getMap("paths.'" + path.getKey() + "'.get") == null) {
                continue;
            }
            String get = "paths.'" + path.getKey() + "'.get";
            if (doc.getMap(get + ".responses.'304'") == null) {
                problems.add(path.getKey() + ": 304 not documented");
            }
            expect(problems, path.getKey() + " ETag schema", "string", doc.getString(get + ".responses.'200'.headers.ETag.schema.type"));
            List<String> headers = doc.getList(get + ".parameters.findAll { it.in == 'header' }.name");
            if (headers == null || !headers.contains("If-None-Match")) {
                problems.add(path.getKey() + ": If-None-Match not documented");
            }
        }
        assertEquals(List.of(), problems);
    }

    private static void expect(List<String> problems, String what, Object expected, Object actual) {
        if (!String.valueOf(expected).equals(String.valueOf(actual))) {
            problems.add(what + ": " + actual + ", expected " + expected);
        }
    }

    private static JsonPath document() {
        return given().accept("application/json").get("/q/openapi?format=json").then().statusCode(200).extract().jsonPath();
    }
}
