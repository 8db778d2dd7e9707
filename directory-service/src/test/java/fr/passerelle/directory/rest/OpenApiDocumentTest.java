package fr.passerelle.directory.rest;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The directory's document is a contract other systems generate code from: every operation named and described,
 * parameters typed without pre-filled examples, every list its own page, every header with a schema, no Java class
 * names. All mismatches are collected before failing. HSDS keeps its own shapes and is checked by its own tests.
 */
@QuarkusTest
class OpenApiDocumentTest {

    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch");
    private static final Map<String, String> LIST_PAGES = Map.of("listOrganisations", "OrganisationPage",
            "listProgrammes", "ProgrammePage", "listPlatforms", "PlatformPage", "listCommunes", "CommunePage",
            "listDirectoryChanges", "DirectoryChangePage");
    private static final Map<String, String> PARAMETER_TYPES = Map.of("page", "integer", "size", "integer", "age", "integer",
            "open", "boolean");

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object o) {
        return o == null ? Map.of() : (Map<String, Object>) o;
    }

    @SuppressWarnings("unchecked")
    private static List<Object> list(Object o) {
        return o == null ? List.of() : (List<Object>) o;
    }

    @Test
    void everyOperationIsNamedDescribedAndTyped() {
        Map<String, Object> document = given().get("/q/openapi?format=json").then().statusCode(200).extract().jsonPath().getMap("$");
        List<String> problems = new ArrayList<>();
        Set<String> operationIds = new HashSet<>();
        int operations = 0;
        for (Map.Entry<String, Object> path : map(document.get("paths")).entrySet()) {
            if (!path.getKey().startsWith("/api/v1/") || path.getKey().startsWith("/api/v1/hsds")) {
                continue;
            }
            for (Map.Entry<String, Object> method : map(path.getValue()).entrySet()) {
                if (!METHODS.contains(method.getKey())) {
                    continue;
                }
                operations++;
                String where = method.getKey().toUpperCase() + " " + path.getKey();
                Map<String, Object> operation = map(method.getValue());
                String id = (String) operation.get("operationId");
                if (id == null || !id.matches("[a-z][a-zA-Z0-9]+") || !operationIds.add(id)) {
                    problems.add(where + ": operationId missing, not camelCase or not unique: " + id);
                }
                for (String text : List.of("summary", "description")) {
                    if (operation.get(text) == null || ((String) operation.get(text)).isBlank()) {
                        problems.add(where + ": no " + text);
                    }
                }
                for (Object p : list(operation.get("parameters"))) {
                    Map<String, Object> parameter = map(p);
                    String name = (String) parameter.get("name");
                    if (parameter.containsKey("example") || parameter.containsKey("examples")
                            || map(parameter.get("schema")).containsKey("examples")) {
                        problems.add(where + ": parameter " + name + " carries an example (Swagger UI would send it)");
                    }
                    String expected = PARAMETER_TYPES.get(name);
                    if ("query".equals(parameter.get("in")) && expected != null && !expected.equals(map(parameter.get("schema")).get("type"))) {
                        problems.add(where + ": parameter " + name + " is not typed " + expected);
                    }
                }
                for (Map.Entry<String, Object> response : map(operation.get("responses")).entrySet()) {
                    for (Map.Entry<String, Object> header : map(map(response.getValue()).get("headers")).entrySet()) {
                        if (!map(header.getValue()).containsKey("schema")) {
                            problems.add(where + ": header " + header.getKey() + " of " + response.getKey() + " has no schema");
                        }
                    }
                }
                String page = LIST_PAGES.get(id);
                if (page != null) {
                    Object ok = map(map(map(map(operation.get("responses")).get("200")).get("content")).get("application/json")).get("schema");
                    if (!Map.of("$ref", "#/components/schemas/" + page).equals(ok)) {
                        problems.add(where + ": answers " + ok + ", not " + page);
                    }
                }
            }
        }
        Set<String> schemas = map(map(document.get("components")).get("schemas")).keySet();
        for (String leaked : List.of("Page", "Page1", "UUID", "Instant", "LocalDate")) {
            if (schemas.contains(leaked)) {
                problems.add("components.schemas." + leaked + " is a Java class name");
            }
        }
        // 22, then the availability PATCH, the change log, the school import and one programme's eligibility.
        assertEquals(26, operations, "directory operations outside HSDS");
        assertEquals(List.of(), problems);
    }
}
