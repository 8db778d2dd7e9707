package fr.passerelle.web.coordination;

import fr.passerelle.client.ApiResponse;
import java.util.List;
import java.util.Map;

/** The ETag of an API answer (header names are compared without case: HTTP/2 sends them in lower case). */
public final class ETags {

    private ETags() {
    }

    public static String of(ApiResponse<?> response) {
        Map<String, List<String>> headers = response.getHeaders();
        if (headers == null) {
            return null;
        }
        for (Map.Entry<String, List<String>> h : headers.entrySet()) {
            if (h.getKey() != null && h.getKey().equalsIgnoreCase("etag") && h.getValue() != null && !h.getValue().isEmpty()) {
                return h.getValue().get(0);
            }
        }
        return null;
    }
}
