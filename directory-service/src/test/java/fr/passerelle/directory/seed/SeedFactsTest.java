package fr.passerelle.directory.seed;

import static fr.passerelle.directory.Api.referent;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Checks the seeded directory, through the API, against facts written by hand from the five
 * source documents (src/test/resources/seed-facts.md), never read from seeds/.
 */
@QuarkusTest
class SeedFactsTest {

    @Test
    void everyFactStatedByTheDocumentsIsInTheDirectory() throws IOException {
        List<String[]> facts = facts();
        Map<String, Map<String, Object>> organisations = all("/api/v1/organisations");
        Map<String, Map<String, Object>> programmes = all("/api/v1/programmes");
        List<String> failures = new ArrayList<>();
        Set<String> subjects = new HashSet<>();
        for (String[] f : facts) {
            boolean org = f[0].equals("ORG");
            Map<String, Object> record = (org ? organisations : programmes).get(f[1]);
            subjects.add(f[0] + f[1]);
            if (record == null) {
                failures.add("missing " + f[0] + " " + f[1]);
                continue;
            }
            Object actual = value(record, f[2], org);
            boolean ok = switch (f[2]) {
                case "category", "schoolingStatus", "communeCode" -> actual instanceof List<?> l && l.contains(f[3]);
                default -> actual != null && Objects.equals(actual.toString(), f[3]);
            };
            if (!ok) {
                failures.add(String.join("|", f) + " but was " + actual);
            }
        }
        assertTrue(facts.size() >= 40, "at least 40 facts, got " + facts.size());
        assertTrue(subjects.size() >= 30, "at least 30 organisations and programmes, got " + subjects.size());
        assertTrue(failures.isEmpty(), failures.size() + " fact(s) do not hold:\n" + String.join("\n", failures));
    }

    @SuppressWarnings("unchecked")
    private static Object value(Map<String, Object> record, String field, boolean org) {
        Map<String, Object> eligibility = (Map<String, Object>) record.get("eligibility");
        return switch (field) {
            case "category" -> record.get("categories");
            case "schoolingStatus" -> eligibility.get("schoolingStatuses");
            case "minAge", "maxAge" -> eligibility.get(field);
            case "communeCode" -> org
                    ? record.get("address") == null ? null : List.of(((Map<String, Object>) record.get("address")).get("communeCode"))
                    : ((Map<String, Object>) record.get("serviceArea")).get("communes");
            default -> record.get(field);
        };
    }

    private static Map<String, Map<String, Object>> all(String path) {
        Map<String, Map<String, Object>> byName = new HashMap<>();
        for (int page = 0; page < 20; page++) {
            List<Map<String, Object>> items = referent().queryParam("size", 100).queryParam("page", page).get(path)
                    .then().statusCode(200).extract().jsonPath().getList("items");
            items.forEach(i -> byName.put((String) i.get("name"), i));
            if (items.size() < 100) {
                break;
            }
        }
        return byName;
    }

    private static List<String[]> facts() throws IOException {
        try (InputStream in = SeedFactsTest.class.getResourceAsStream("/seed-facts.md")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(l -> l.startsWith("ORG|") || l.startsWith("PROG|"))
                    .map(l -> l.split("\\|", 4)).toList();
        }
    }
}
