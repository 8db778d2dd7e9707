package fr.passerelle.e2e.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Locale;

/** What a caller must see when a part of the stack fails: a problem+json answer it can act on, and nothing internal. */
final class Expect {

    /** Words that would betray internals (drivers, hosts, frameworks) in an answer's body. */
    private static final List<String> LEAKS = List.of("exception", "java.", "org.postgresql", "psql", "jdbc", "agroal",
            "hibernate", "vertx", "netty", "127.0.0.1", "localhost", "refused", "keycloak");

    private Expect() {
    }

    /** 503, problem+json with its requestId, and a Retry-After in whole seconds. */
    static void unavailable(Http.Answer answer, String what) {
        assertEquals(503, answer.status(), what + ": " + answer);
        problem(answer, what);
        String retryAfter = answer.header("Retry-After");
        assertNotNull(retryAfter, what + ": a 503 says when to retry (Retry-After): " + answer);
        assertTrue(retryAfter.matches("[1-9][0-9]{0,4}"), what + ": Retry-After in seconds: " + retryAfter);
    }

    /** A problem+json body whose status matches the answer's, with a requestId to quote, and no internals. */
    static void problem(Http.Answer answer, String what) {
        assertTrue(answer.isProblem(), what + ": application/problem+json: " + answer);
        JsonNode body = answer.json();
        assertEquals(answer.status(), body.path("status").asInt(), what + ": the body's status is the answer's: " + answer);
        assertFalse(body.path("requestId").asText("").isBlank(), what + ": a requestId to quote: " + answer);
        String text = answer.body().toLowerCase(Locale.ROOT);
        for (String leak : LEAKS) {
            assertFalse(text.contains(leak), what + ": nothing internal in the answer (" + leak + "): " + answer.body());
        }
    }

    static void status(int expected, Http.Answer answer, String what) {
        assertEquals(expected, answer.status(), what + ": " + answer);
    }

    /** The answer came within the limit: a clear answer, not a hang. */
    static void within(double maxSeconds, Http.Answer answer, String what) {
        assertTrue(answer.seconds() <= maxSeconds, what + ": answered within " + maxSeconds + " s, took "
                + answer.seconds() + " s: " + answer);
    }
}
