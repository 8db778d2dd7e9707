package fr.passerelle.web.view.referent;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.passerelle.client.ApiException;
import fr.passerelle.client.ApiResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** What the referent pages read from an API answer beyond {@link fr.passerelle.web.client.ApiProblem}. */
public final class Problems {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Problems() {
    }

    /** The open referrals named by a refused case closure (409 case-has-open-referrals); empty otherwise. */
    public static List<String> openReferralIds(ApiException e) {
        List<String> ids = new ArrayList<>();
        try {
            JsonNode body = e.getResponseBody() == null ? null : JSON.readTree(e.getResponseBody());
            if (body != null) {
                body.path("openReferralIds").forEach(id -> ids.add(id.asText()));
            }
        } catch (Exception unreadable) {
            // not problem+json: nothing to name
        }
        return ids;
    }

    /** The ETag of an answer (the version a write must send back as If-Match), or null. */
    public static String etag(ApiResponse<?> response) {
        for (Map.Entry<String, List<String>> h : response.getHeaders().entrySet()) {
            if ("etag".equalsIgnoreCase(h.getKey()) && !h.getValue().isEmpty()) {
                return h.getValue().get(0);
            }
        }
        return null;
    }

    /** 400 and 422: the form was refused, show it again with the errors. */
    public static boolean refusedForm(ApiException e) {
        return e.getCode() == 400 || e.getCode() == 422;
    }
}
