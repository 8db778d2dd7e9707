package fr.passerelle.common.problem;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** RFC 9457 problem details, the body of every error this product answers. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@JsonPropertyOrder({"type", "title", "status", "detail", "instance", "requestId", "violations"})
@Schema(name = "Problem", description = "RFC 9457 problem details (media type application/problem+json).")
public final class Problem {

    public static final String MEDIA_TYPE = "application/problem+json";
    public static final String TYPE_BASE = "https://passerelle.example.org/problems/";

    @Schema(description = "URI identifying the kind of problem.", examples = "https://passerelle.example.org/problems/validation")
    public final String type;
    @Schema(description = "Short summary of the kind of problem.", examples = "Invalid request")
    public final String title;
    @Schema(description = "HTTP status code.", examples = "422")
    public final int status;
    @Schema(description = "Explanation of this occurrence.", examples = "The request breaks 1 rule(s).")
    public final String detail;
    @Schema(description = "Path of the request that failed.", examples = "/api/v1/programmes")
    public final String instance;
    @Schema(description = "Identifier of the request, also in the X-Request-Id header and the logs.", examples = "5f0c2a8e-0d8b-4a8c-9a43-2f1d3a0c9b11")
    public final String requestId;
    @Schema(description = "Field-level violations (400 and 422).")
    public final List<Violation> violations;
    private final Map<String, Object> extensions;

    Problem(String type, String title, int status, String detail, String instance, String requestId,
            List<Violation> violations, Map<String, Object> extensions) {
        this.type = type;
        this.title = title;
        this.status = status;
        this.detail = detail;
        this.instance = instance;
        this.requestId = requestId;
        this.violations = violations == null ? List.of() : List.copyOf(violations);
        this.extensions = extensions == null ? Map.of() : new LinkedHashMap<>(extensions);
    }

    /** Extra members a problem type defines, e.g. {@code existingId} on a duplicate. */
    @JsonAnyGetter
    public Map<String, Object> extensions() {
        return extensions;
    }
}
