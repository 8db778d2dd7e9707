package fr.passerelle.directory.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.passerelle.directory.hsds.HsdsRules;
import fr.passerelle.directory.Api;
import fr.passerelle.testing.ContractCheck;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Every object the HSDS API exports, checked against the HSDS 3.0 schemas' rules ({@link HsdsRules}): every page of
 * every list (at an odd page size, so the last page is partial) and every object by id. Lists must agree with
 * by-id reads and with their own paging. All breaches are collected before failing.
 */
@QuarkusTest
class HsdsConformanceTest {

    private static final int PER_PAGE = 7;
    private static final Map<String, String> LISTS = new LinkedHashMap<>();

    static {
        LISTS.put("services", "service");
        LISTS.put("organizations", "organization");
        LISTS.put("service_at_locations", "service_at_location");
        LISTS.put("taxonomies", "taxonomy");
        LISTS.put("taxonomy_terms", "taxonomy_term");
    }

    private final List<String> problems = new ArrayList<>();

    /** A referent's request whose answer must match the OpenAPI document. */
    private static RequestSpecification referent() {
        return Api.referent().filter(ContractCheck.INSTANCE);
    }

    @Test
    void everyExportedObjectFollowsTheHsdsSchemas() {
        problems.addAll(HsdsRules.check("api_root", read("/api/v1/hsds"), "/"));
        Map<String, Set<String>> ids = new LinkedHashMap<>();
        for (Map.Entry<String, String> list : LISTS.entrySet()) {
            ids.put(list.getKey(), walk(list.getKey(), list.getValue()));
        }
        for (Map.Entry<String, String> list : LISTS.entrySet()) {
            for (String id : ids.get(list.getKey())) {
                String path = "/api/v1/hsds/" + list.getKey() + "/" + id;
                Map<String, Object> object = read(path);
                problems.addAll(HsdsRules.check(list.getValue(), object, path));
                if (!id.equals(object.get("id"))) {
                    problems.add(path + ": answers id " + object.get("id"));
                }
            }
        }
        crossCheckServicesAtLocations(ids);

        assertTrue(ids.get("services").size() >= 61, "services: " + ids.get("services").size());
        assertTrue(ids.get("organizations").size() >= 49, "organizations: " + ids.get("organizations").size());
        assertTrue(!ids.get("service_at_locations").isEmpty(), "no service at location exported");
        assertEquals(List.of(), problems, problems.size() + " breach(es) of the HSDS rules");
    }

    /** Each service's service_at_locations are the ones listed, and each names its service back. */
    private void crossCheckServicesAtLocations(Map<String, Set<String>> ids) {
        Set<String> fromServices = new LinkedHashSet<>();
        for (String serviceId : ids.get("services")) {
            List<Map<String, Object>> atLocations = referent().get("/api/v1/hsds/services/" + serviceId).then()
                    .extract().jsonPath().getList("service_at_locations");
            if (atLocations == null) {
                continue;
            }
            for (Map<String, Object> sal : atLocations) {
                fromServices.add((String) sal.get("id"));
                Map<String, Object> byId = read("/api/v1/hsds/service_at_locations/" + sal.get("id"));
                if (!serviceId.equals(byId.get("service_id"))) {
                    problems.add("/api/v1/hsds/service_at_locations/" + sal.get("id") + ": service_id " + byId.get("service_id")
                            + ", listed under service " + serviceId);
                }
            }
        }
        if (!fromServices.equals(ids.get("service_at_locations"))) {
            problems.add("service_at_locations: the list and the services' service_at_locations differ");
        }
    }

    /** Every page of one list, checked; the ids seen, each once. */
    private Set<String> walk(String list, String itemType) {
        Set<String> seen = new LinkedHashSet<>();
        long total = -1;
        int page = 1;
        while (true) {
            String path = "/api/v1/hsds/" + list + "?page=" + page + "&per_page=" + PER_PAGE;
            Map<String, Object> body = referent().queryParam("page", page).queryParam("per_page", PER_PAGE)
                    .get("/api/v1/hsds/" + list).then().statusCode(200).extract().as(Map.class);
            List<String> pageProblems = HsdsRules.checkPage(itemType, body, PER_PAGE, path);
            problems.addAll(pageProblems);
            if (!pageProblems.isEmpty() && !(body.get("contents") instanceof List)) {
                return seen;
            }
            if (((Number) body.get("page_number")).intValue() != page) {
                problems.add(path + ": page_number " + body.get("page_number"));
            }
            long pageTotal = ((Number) body.get("total_items")).longValue();
            if (total >= 0 && pageTotal != total) {
                problems.add(path + ": total_items changed between pages");
            }
            total = pageTotal;
            for (Object item : (List<?>) body.get("contents")) {
                Object id = item instanceof Map<?, ?> m ? m.get("id") : null;
                if (!seen.add(String.valueOf(id))) {
                    problems.add(path + ": " + id + " listed twice");
                }
            }
            if (Boolean.TRUE.equals(body.get("last_page")) || page > 1000) {
                break;
            }
            page++;
        }
        if (seen.size() != total) {
            problems.add(list + ": total_items " + total + " but " + seen.size() + " listed over " + page + " page(s)");
        }
        return seen;
    }

    private static Map<String, Object> read(String path) {
        return referent().get(path).then().statusCode(200).extract().as(Map.class);
    }
}
