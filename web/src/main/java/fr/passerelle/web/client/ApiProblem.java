package fr.passerelle.web.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.passerelle.client.ApiException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the API refused, read from its problem+json answer, in the terms a page needs: the status, the field-level
 * violations keyed by the request member they concern (form fields carry the same dotted names), and for a refused
 * lifecycle action the current status and the actions still allowed.
 */
public record ApiProblem(int status, String title, String detail, String requestId, Map<String, String> fieldErrors,
                         List<String> otherErrors, String currentStatus, List<String> allowedActions, String existingId) {

    private static final ObjectMapper JSON = new ObjectMapper();

    public static ApiProblem of(ApiException e) {
        JsonNode body = null;
        if (e.getResponseBody() != null && !e.getResponseBody().isBlank()) {
            try {
                body = JSON.readTree(e.getResponseBody());
            } catch (Exception unreadable) {
                body = null; // not problem+json (a proxy's page): the status alone speaks
            }
        }
        int status = e.getCode();
        if (body == null || !body.isObject()) {
            return new ApiProblem(status, null, null, null, Map.of(), List.of(), null, List.of(), null);
        }
        Map<String, String> fields = new LinkedHashMap<>();
        List<String> others = new ArrayList<>();
        for (JsonNode violation : body.path("violations")) {
            String field = violation.path("field").asText("");
            String message = FrenchMessages.violation(violation.path("code").asText(""), violation.path("message").asText(""));
            if (field.isEmpty()) {
                others.add(message);
            } else {
                fields.merge(field, message, (a, b) -> a + " " + b);
            }
        }
        List<String> allowed = new ArrayList<>();
        body.path("allowedActions").forEach(a -> allowed.add(a.asText()));
        return new ApiProblem(status, text(body, "title"), text(body, "detail"), text(body, "requestId"), fields, others,
                text(body, "currentStatus"), allowed, text(body, "existingId"));
    }

    private static String text(JsonNode body, String member) {
        JsonNode value = body.get(member);
        return value == null || value.isNull() ? null : value.asText();
    }

    /** The error of one form field, or null. */
    public String field(String name) {
        return fieldErrors.get(name);
    }

    public boolean hasField(String name) {
        return fieldErrors.containsKey(name);
    }

    /** One French sentence for the top of the page. */
    public String summary() {
        return FrenchMessages.status(status, fieldErrors.size() + otherErrors.size());
    }
}
