package fr.passerelle.common.problem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ProblemTest {

    @Test
    void extensionMembersAreDeclaredFieldsSerialisedByName() throws Exception {
        UUID existing = UUID.randomUUID();
        ProblemException e = ProblemException.conflict("illegal-transition", "No.")
                .with("existingId", existing).with("currentStatus", TimeUnit.SECONDS)
                .with("allowedActions", EnumSet.of(TimeUnit.DAYS, TimeUnit.HOURS));
        Problem problem = new Problem(Problem.TYPE_BASE + e.typeSlug(), e.title(), e.status(), e.getMessage(), "/x", "r",
                e.violations(), e.extensions());
        JsonNode json = new ObjectMapper().valueToTree(problem);
        assertEquals(existing.toString(), json.get("existingId").asText());
        assertEquals("SECONDS", json.get("currentStatus").asText());
        assertEquals(List.of("HOURS", "DAYS"), List.of(json.get("allowedActions").get(0).asText(), json.get("allowedActions").get(1).asText()));
        // No phantom member from an any-getter, and absent members stay absent.
        assertEquals(false, json.has("extensions"));
        assertEquals(false, json.has("openReferralIds"));
    }

    @Test
    void aMemberTheSchemaDoesNotDeclareIsRefused() {
        ProblemException e = ProblemException.conflict("x", "No.");
        assertThrows(IllegalArgumentException.class, () -> e.with("somethingElse", 1));
        assertThrows(IllegalArgumentException.class, () -> e.with("existingId", "not-a-uuid"));
    }
}
