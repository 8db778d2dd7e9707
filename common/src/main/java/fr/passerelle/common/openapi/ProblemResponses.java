package fr.passerelle.common.openapi;

import fr.passerelle.common.problem.Problem;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.examples.Example;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;

/**
 * The named problem+json responses every service shares (components.responses), each with examples of its
 * own status. Defined once here so that both services publish identical components and the gateway's merge
 * keeps one of each.
 */
public final class ProblemResponses {

    static final String REQUEST_ID = "5f0c2a8e-0d8b-4a8c-9a43-2f1d3a0c9b11";

    /** A named response: its component name, status, description and examples (name → body). */
    record Named(String name, String status, String description, Map<String, Map<String, Object>> examples) {
    }

    static final List<Named> ALL = List.of(
            new Named("BadRequest", "400", "Malformed request: unknown, repeated or mistyped query parameter, unparseable JSON "
                    + "(trailing data, a key given twice, control characters or invalid UTF-8 in text), unknown enum value, bad header. "
                    + "violations name each offending field or parameter.", examples(
                    "wrongType", problem("bad-request", "Bad request", 400, "A parameter is invalid.", "/api/v1/programmes",
                            violation("age", "must be an integer", "WRONG_TYPE")),
                    "unknownParameter", problem("bad-request", "Bad request", 400, "A query parameter is unknown, repeated or invalid.",
                            "/api/v1/referrals", violation("caseId", "unknown parameter", "UNKNOWN_PARAMETER")),
                    "unknownEnum", problem("bad-request", "Bad request", 400, "The request body is not valid JSON for this operation.",
                            "/api/v1/referrals", violation("urgency", "unknown value; expected one of: CRITICAL, HIGH, NORMAL, LOW", "UNKNOWN_VALUE")))),
            new Named("Unauthorized", "401", "No valid bearer token (missing, expired, wrong audience or signature). "
                    + "The answer carries WWW-Authenticate: Bearer.", examples(
                    "noToken", problem("unauthorized", "Unauthorized", 401, "A valid bearer token is required.", "/api/v1/referrals"))),
            new Named("Forbidden", "403", "The caller's role, scope or attachment does not allow this operation.", examples(
                    "role", problem("forbidden", "Forbidden", 403, "Only directory editors change the directory.", "/api/v1/programmes"),
                    "scope", problem("forbidden", "Forbidden", 403, "This client lacks the referrals:write scope.", "/api/v1/referrals"))),
            new Named("NotFound", "404", "No such object, or one the caller may not see (both answer 404 so nothing leaks).", examples(
                    "unknown", problem("not-found", "Not found", 404, "Referral 3f6d1c1e-7f0e-4b7a-8b55-0c1f0f9d2a11 was not found.",
                            "/api/v1/referrals/3f6d1c1e-7f0e-4b7a-8b55-0c1f0f9d2a11"))),
            new Named("Conflict", "409", "The request conflicts with the current state: a duplicate (existingId names the object "
                    + "already there), a closed object, or an Idempotency-Key still in flight.", examples(
                    "duplicate", with(problem("duplicate-case", "Conflict", 409, "An open case already exists for this INE.", "/api/v1/cases"),
                            "existingId", "0b7a3f8e-2f41-4c7d-9a57-6f2b8d1e4c90"),
                    "inFlight", problem("idempotency-key-in-use", "Conflict", 409,
                            "A request with this Idempotency-Key is still being processed; retry in a moment.", "/api/v1/referrals"))),
            new Named("PreconditionFailed", "412", "If-Match names an older version (someone changed it meanwhile), or is a weak tag "
                    + "(W/, never matches): read again, retry with the new ETag.", examples(
                    "stale", problem("precondition-failed", "Precondition failed", 412,
                            "The resource has changed since it was read: read it again and retry with the new ETag.",
                            "/api/v1/programmes/5d0c2a8e-0d8b-4a8c-9a43-2f1d3a0c9b11"))),
            new Named("PayloadTooLarge", "413", "The request body is too large.", examples(
                    "tooLarge", problem("payload-too-large", "Payload too large", 413, "The request body is too large.", "/api/v1/cases"))),
            new Named("UnsupportedMediaType", "415", "The body has no Content-Type, is not application/json, or declares a charset other than UTF-8.",
                    examples("notJson", problem("unsupported-media-type", "Unsupported Media Type", 415,
                            "This operation expects another content type (application/json).", "/api/v1/cases"))),
            new Named("Unprocessable", "422", "Well-formed input that breaks a rule; violations name each field. Nothing was written.",
                    examples("rule", problem("validation", "Invalid request", 422, "The request breaks 1 rule(s).", "/api/v1/programmes",
                            violation("serviceArea.communes[0]", "unknown INSEE commune code", "UNKNOWN_COMMUNE")))),
            new Named("PreconditionRequired", "428", "If-Match is missing, or is * (which names no version).", examples(
                    "missing", problem("precondition-required", "Precondition required", 428,
                            "This operation requires an If-Match header carrying the current ETag (e.g. \"v3\"; * names no version).",
                            "/api/v1/programmes/5d0c2a8e-0d8b-4a8c-9a43-2f1d3a0c9b11"))),
            new Named("ServiceUnavailable", "503", "Temporarily unavailable (a service this operation needs is down or not "
                    + "configured); nothing was written: retry after Retry-After seconds.", examples(
                    "unavailable", problem("service-unavailable", "Service unavailable", 503,
                            "This operation is unavailable right now; nothing was saved. Retry later.", "/api/v1/webhooks"))),
            new Named("InternalError", "500", "Unexpected error; the body carries only the request id to quote when reporting it.", examples(
                    "unexpected", problem("internal", "Internal error", 500,
                            "An unexpected error occurred. Quote the request id when reporting it.", "/api/v1/referrals"))));

    private ProblemResponses() {
    }

    static Named byStatus(String status) {
        return ALL.stream().filter(n -> n.status().equals(status)).findFirst().orElse(null);
    }

    static APIResponse build(Named named) {
        APIResponse response = OASFactory.createAPIResponse().description(named.description())
                .content(OASFactory.createContent().addMediaType(Problem.MEDIA_TYPE, media(named)));
        response.addHeader("X-Request-Id", OASFactory.createHeader().description("The request id, also in the body and the logs.")
                .schema(OASFactory.createSchema().addType(org.eclipse.microprofile.openapi.models.media.Schema.SchemaType.STRING)));
        if ("401".equals(named.status())) {
            response.addHeader("WWW-Authenticate", OASFactory.createHeader().description("Bearer challenge (RFC 6750).")
                    .schema(OASFactory.createSchema().addType(org.eclipse.microprofile.openapi.models.media.Schema.SchemaType.STRING)));
        }
        return response;
    }

    static MediaType media(Named named) {
        MediaType media = OASFactory.createMediaType().schema(OASFactory.createSchema().ref("Problem"));
        addExamples(media, named);
        return media;
    }

    static void addExamples(MediaType media, Named named) {
        for (Map.Entry<String, Map<String, Object>> example : named.examples().entrySet()) {
            Example value = OASFactory.createExample().value(example.getValue());
            media.addExample(example.getKey(), value);
        }
    }

    private static Map<String, Map<String, Object>> examples(Object... nameThenBody) {
        Map<String, Map<String, Object>> examples = new LinkedHashMap<>();
        for (int i = 0; i < nameThenBody.length; i += 2) {
            @SuppressWarnings("unchecked")
            Map<String, Object> body = (Map<String, Object>) nameThenBody[i + 1];
            examples.put((String) nameThenBody[i], body);
        }
        return examples;
    }

    private static Map<String, Object> problem(String slug, String title, int status, String detail, String instance,
                                               Map<String, Object>... violations) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", Problem.TYPE_BASE + slug);
        body.put("title", title);
        body.put("status", status);
        body.put("detail", detail);
        body.put("instance", instance);
        body.put("requestId", REQUEST_ID);
        if (violations.length > 0) {
            body.put("violations", List.of(violations));
        }
        return body;
    }

    private static Map<String, Object> violation(String field, String message, String code) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("field", field);
        v.put("message", message);
        v.put("code", code);
        return v;
    }

    private static Map<String, Object> with(Map<String, Object> body, String member, Object value) {
        body.put(member, value);
        return body;
    }
}
