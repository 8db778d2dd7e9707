package fr.passerelle.referral.support;

import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.response.ValidatableResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/** Runs a refused request and checks that it answered problem+json with a request id and that no table changed. */
public final class NothingWritten {

    private static final List<String> TABLES = List.of("pupil_case", "referral", "case_event", "follow_up_entry",
            "audit_event", "idempotency_record");

    private NothingWritten() {
    }

    public static void check(Supplier<ValidatableResponse> badRequest) {
        Map<String, Long> before = counts();
        badRequest.get().contentType("application/problem+json").body("requestId", notNullValue());
        assertEquals(before, counts());
    }

    public static Raw.Answer checkRaw(Supplier<Raw.Answer> badRequest) {
        Map<String, Long> before = counts();
        Raw.Answer answer = badRequest.get();
        assertTrue(answer.contentType().startsWith("application/problem+json"), answer.toString());
        assertNotNull(answer.json().getString("requestId"), answer.body());
        assertEquals(before, counts());
        return answer;
    }

    private static Map<String, Long> counts() {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String table : TABLES) {
            counts.put(table, TestDb.count("select count(*) from " + table));
        }
        return counts;
    }
}
