package fr.passerelle.e2e.faults;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import fr.passerelle.e2e.support.Api;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Bodies and keys for the creations the fault tests send. */
final class Pupils {

    private Pupils() {
    }

    /** A marker pupil whose first name ends with the test's tag and a number written in letters (names are letters only). */
    static Map<String, Object> pupil(String tag, int n) {
        return Api.pupil(tag + letters(n));
    }

    /** A submitted referral of the case to a programme; the override reason keeps any programme acceptable. */
    static Map<String, Object> referral(String caseId, String programmeId) {
        Map<String, Object> body = Api.referralBody(caseId, programmeId, true);
        body.put("eligibilityOverrideReason", "Orientation proposée par la commission de suivi.");
        return body;
    }

    /**
     * The index-th programme that can take the marker pupil, other than « Le Fil d'Ariane » (the stream's target):
     * each fault test files to its own, so referral-service has not looked it up (and cached it) before the fault.
     */
    static String programmeNotYetUsed(Cell cell, String token, int index) {
        Http.Answer match = Http.post(cell.api("/api/v1/programmes/match"), token, Map.of(),
                Map.of("age", 17, "schoolLevel", "PREMIERE", "schoolingStatus", "AT_RISK", "communeCode", Api.VILLEURBANNE));
        Expect.status(200, match, "match for the marker pupil");
        List<String> ids = new ArrayList<>();
        for (JsonNode item : match.json().path("items")) {
            String id = item.path("programme").path("id").asText();
            if (!id.equals(Api.FIL_D_ARIANE)) {
                ids.add(id);
            }
        }
        assertTrue(ids.size() > index, "match finds at least " + (index + 1) + " programme(s) besides « Le Fil d'Ariane »: " + ids);
        return ids.get(index);
    }

    static Map<String, String> key(String key) {
        return Map.of("Idempotency-Key", key);
    }

    static String newKey() {
        return UUID.randomUUID().toString();
    }

    /** 0 → "aa", 1 → "ab", … (base 26, at least two letters). */
    static String letters(int n) {
        StringBuilder sb = new StringBuilder();
        int v = n;
        do {
            sb.append((char) ('a' + v % 26));
            v /= 26;
        } while (v > 0);
        while (sb.length() < 2) {
            sb.append('a');
        }
        return sb.reverse().toString();
    }
}
