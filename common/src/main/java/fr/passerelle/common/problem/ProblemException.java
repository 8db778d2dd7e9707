package fr.passerelle.common.problem;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Thrown by services to refuse a request; the mapper turns it into problem+json.
 * The factory methods fix status, type and title so every service answers the same way.
 */
public class ProblemException extends RuntimeException {

    private final int status;
    private final String typeSlug;
    private final String title;
    private final List<Violation> violations;
    private final Map<String, Object> extensions = new LinkedHashMap<>();
    private final Map<String, String> headers = new LinkedHashMap<>();

    public ProblemException(int status, String typeSlug, String title, String detail, List<Violation> violations) {
        super(detail, null, false, false);
        this.status = status;
        this.typeSlug = typeSlug;
        this.title = title;
        this.violations = violations == null ? List.of() : List.copyOf(violations);
    }

    public static ProblemException badRequest(String detail, List<Violation> violations) {
        return new ProblemException(400, "bad-request", "Bad request", detail, violations);
    }

    public static ProblemException badParameter(String field, String message, String code) {
        return badRequest("A parameter is invalid.", List.of(new Violation(field, message, code)));
    }

    public static ProblemException unprocessable(List<Violation> violations) {
        return new ProblemException(422, "validation", "Invalid request",
                "The request breaks " + violations.size() + " rule(s).", violations);
    }

    public static ProblemException unprocessable(String field, String message, String code) {
        return unprocessable(List.of(new Violation(field, message, code)));
    }

    public static ProblemException notFound(String what) {
        return new ProblemException(404, "not-found", "Not found", what + " was not found.", null);
    }

    public static ProblemException forbidden(String detail) {
        return new ProblemException(403, "forbidden", "Forbidden", detail, null);
    }

    public static ProblemException conflict(String typeSlug, String detail) {
        return new ProblemException(409, typeSlug, "Conflict", detail, null);
    }

    public static ProblemException preconditionRequired() {
        return new ProblemException(428, "precondition-required", "Precondition required",
                "This operation requires an If-Match header carrying the current ETag (e.g. \"v3\"; * names no version).", null);
    }

    public static ProblemException unsupportedMediaType(String detail) {
        return new ProblemException(415, "unsupported-media-type", "Unsupported Media Type", detail, null);
    }

    public static ProblemException preconditionFailed() {
        return new ProblemException(412, "precondition-failed", "Precondition failed",
                "The resource has changed since it was read: read it again and retry with the new ETag.", null);
    }

    public static ProblemException serviceUnavailable(String detail, int retryAfterSeconds) {
        return new ProblemException(503, "service-unavailable", "Service unavailable", detail, null)
                .withHeader("Retry-After", Integer.toString(retryAfterSeconds));
    }

    /**
     * Adds an extension member; only the members {@link Problem} declares (so that the OpenAPI schema lists them):
     * existingId (UUID), openReferralIds (UUIDs), currentStatus, action (names), allowedActions (names).
     */
    public ProblemException with(String member, Object value) {
        if (!Problem.EXTENSION_MEMBERS.contains(member)) {
            throw new IllegalArgumentException("Problem member " + member + " is not declared in Problem");
        }
        if (("existingId".equals(member) && !(value instanceof java.util.UUID))
                || (("openReferralIds".equals(member) || "allowedActions".equals(member)) && !(value instanceof java.util.Collection<?>))) {
            throw new IllegalArgumentException("Problem member " + member + " has the wrong type");
        }
        extensions.put(member, value);
        return this;
    }

    public ProblemException withHeader(String name, String value) {
        headers.put(name, value);
        return this;
    }

    public int status() { return status; }
    public String typeSlug() { return typeSlug; }
    public String title() { return title; }
    public List<Violation> violations() { return violations; }
    public Map<String, Object> extensions() { return extensions; }
    public Map<String, String> headers() { return headers; }
}
