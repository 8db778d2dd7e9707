package fr.passerelle.directory.hsds;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The rule checker itself: it must see each kind of breach, or the conformance test proves nothing. */
class HsdsRulesTest {

    private static final String ID = "319ee441-a093-4f4c-b58a-17412b02411d";

    private static Map<String, Object> service() {
        Map<String, Object> s = new HashMap<>();
        s.put("id", ID);
        s.put("name", "Classe relais");
        s.put("status", "active");
        s.put("last_modified", "2026-11-20T09:00:00.000Z");
        s.put("organization", new HashMap<>(Map.of("id", ID, "name", "Collège", "description", "Collège public")));
        return s;
    }

    @Test
    void aConformingServicePasses() {
        assertEquals(List.of(), HsdsRules.check("service", service(), "$"));
    }

    @Test
    void eachBreachIsReportedWithItsPath() {
        Map<String, Object> s = service();
        s.remove("name");
        s.put("status", "open");
        s.put("minimumAge", 16);
        s.put("url", "www.example.org");
        s.put("email", null);
        s.put("last_modified", "2026-11-20 09:00");
        ((Map<String, Object>) s.get("organization")).remove("description");
        s.put("phones", List.of(Map.of("id", "not-a-uuid")));
        List<String> problems = HsdsRules.check("service", s, "$");
        assertTrue(problems.contains("$.name: required in an HSDS service"), problems.toString());
        assertTrue(problems.stream().anyMatch(p -> p.startsWith("$.status: 'open' is not one of")), problems.toString());
        assertTrue(problems.contains("$.minimumAge: not a field of an HSDS service"), problems.toString());
        assertTrue(problems.contains("$.url: 'www.example.org' is not a valid uri"), problems.toString());
        assertTrue(problems.stream().anyMatch(p -> p.startsWith("$.email: null")), problems.toString());
        assertTrue(problems.stream().anyMatch(p -> p.startsWith("$.last_modified:")), problems.toString());
        assertTrue(problems.contains("$.organization.description: required in an HSDS organization"), problems.toString());
        assertTrue(problems.contains("$.phones[0].number: required in an HSDS phone"), problems.toString());
        assertTrue(problems.stream().anyMatch(p -> p.startsWith("$.phones[0].id: 'not-a-uuid'")), problems.toString());
        assertEquals(9, problems.size(), problems.toString());
    }

    @Test
    void aPageMustCarryTheHeaderAndAgreeWithItself() {
        Map<String, Object> page = new HashMap<>(Map.of("total_items", 3, "total_pages", 2, "page_number", 1, "size", 1,
                "first_page", true, "last_page", true, "empty", false, "contents", List.of(service())));
        List<String> problems = HsdsRules.checkPage("service", page, 2, "$");
        assertTrue(problems.contains("$.last_page: is true, should be false"), problems.toString());
        assertTrue(problems.stream().anyMatch(p -> p.startsWith("$.contents: a page before the last must be full")), problems.toString());
        page.remove("empty");
        page.put("items", List.of());
        problems = HsdsRules.checkPage("service", page, 2, "$");
        assertTrue(problems.contains("$.empty: required by the HSDS Page"), problems.toString());
        assertTrue(problems.contains("$.items: not a field of an HSDS page"), problems.toString());
    }
}
