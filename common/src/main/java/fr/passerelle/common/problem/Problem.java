package fr.passerelle.common.problem;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * RFC 9457 problem details, the body of every error this product answers. Every extension member a
 * service may send is a declared field, so the OpenAPI schema lists them all: {@link ProblemException#with}
 * refuses a member that is not declared here.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@JsonPropertyOrder({"type", "title", "status", "detail", "instance", "requestId", "violations",
        "existingId", "openReferralIds", "currentStatus", "action", "allowedActions"})
@Schema(name = "Problem", description = "RFC 9457 problem details (media type application/problem+json). "
        + "Members other than type, title and status appear only when they apply; clients must ignore members they do not know.",
        requiredProperties = {"type", "title", "status"})
public final class Problem {

    public static final String MEDIA_TYPE = "application/problem+json";
    public static final String TYPE_BASE = "https://passerelle.example.org/problems/";

    /** The extension members a {@link ProblemException} may carry. */
    public static final Set<String> EXTENSION_MEMBERS = Set.of("existingId", "openReferralIds", "currentStatus", "action", "allowedActions");

    @Schema(description = "URI identifying the kind of problem.", format = "uri", examples = "https://passerelle.example.org/problems/validation")
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
    @Schema(description = "On a duplicate (409): the id of the object already there.", examples = "0b7a3f8e-2f41-4c7d-9a57-6f2b8d1e4c90")
    public final UUID existingId;
    @Schema(description = "On closing a case that still has open referrals (409): their ids.")
    public final List<UUID> openReferralIds;
    @Schema(description = "On a refused lifecycle action (409): the referral's current status.", examples = "SUBMITTED")
    public final String currentStatus;
    @Schema(description = "On a refused lifecycle action (409): the action asked for.", examples = "ACCEPT")
    public final String action;
    @Schema(description = "On a refused lifecycle action (409): the actions the caller may take from the current status.")
    public final List<String> allowedActions;

    Problem(String type, String title, int status, String detail, String instance, String requestId,
            List<Violation> violations, Map<String, Object> extensions) {
        this.type = type;
        this.title = title;
        this.status = status;
        this.detail = detail;
        this.instance = instance;
        this.requestId = requestId;
        this.violations = violations == null ? List.of() : List.copyOf(violations);
        Map<String, Object> ext = extensions == null ? Map.of() : extensions;
        this.existingId = (UUID) ext.get("existingId");
        this.openReferralIds = uuids(ext.get("openReferralIds"));
        this.currentStatus = ext.get("currentStatus") == null ? null : ext.get("currentStatus").toString();
        this.action = ext.get("action") == null ? null : ext.get("action").toString();
        this.allowedActions = names(ext.get("allowedActions"));
    }

    private static List<UUID> uuids(Object value) {
        return value == null ? List.of() : ((Collection<?>) value).stream().map(UUID.class::cast).toList();
    }

    private static List<String> names(Object value) {
        // Enum constants are sent by name.
        return value == null ? List.of() : ((Collection<?>) value).stream()
                .map(v -> v instanceof Enum<?> e ? e.name() : v.toString()).toList();
    }
}
