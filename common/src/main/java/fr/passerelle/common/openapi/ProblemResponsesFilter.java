package fr.passerelle.common.openapi;

import fr.passerelle.common.problem.Problem;
import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

/**
 * Documents the problem+json answers every operation can give, from what the operation is
 * (its method, path parameters, If-Match), so that no endpoint's error list is forgotten.
 * Responses an operation documents itself are kept as written. Where the document defines a named
 * response for a status (components.responses BadRequest, NotFound, …, with examples), operations
 * refer to it; otherwise they get a plain problem response.
 * Enable with {@code mp.openapi.filter=fr.passerelle.common.openapi.ProblemResponsesFilter}.
 */
public class ProblemResponsesFilter implements OASFilter {

    /** Conventional component names of the problem answers, by status. */
    private static final Map<String, String> NAMED = Map.of("400", "BadRequest", "401", "Unauthorized",
            "403", "Forbidden", "404", "NotFound", "412", "PreconditionFailed", "413", "PayloadTooLarge",
            "415", "UnsupportedMediaType", "422", "Unprocessable", "428", "PreconditionRequired");

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        Map<String, APIResponse> named = openAPI.getComponents() == null || openAPI.getComponents().getResponses() == null
                ? Map.of() : openAPI.getComponents().getResponses();
        for (Map.Entry<String, PathItem> entry : openAPI.getPaths().getPathItems().entrySet()) {
            String path = entry.getKey();
            if (!path.startsWith("/api/")) {
                continue;
            }
            for (Map.Entry<PathItem.HttpMethod, Operation> op : entry.getValue().getOperations().entrySet()) {
                decorate(path, op.getKey(), op.getValue(), named);
            }
        }
    }

    private static void decorate(String path, PathItem.HttpMethod method, Operation operation, Map<String, APIResponse> named) {
        APIResponses responses = operation.getResponses();
        if (responses == null) {
            responses = OASFactory.createAPIResponses();
            operation.setResponses(responses);
        }
        boolean writes = method == PathItem.HttpMethod.POST || method == PathItem.HttpMethod.PUT
                || method == PathItem.HttpMethod.PATCH;
        boolean hasIfMatch = operation.getParameters() != null && operation.getParameters().stream()
                .anyMatch(p -> p.getIn() == Parameter.In.HEADER && "If-Match".equalsIgnoreCase(p.getName()));
        boolean hasQuery = operation.getParameters() != null && operation.getParameters().stream()
                .anyMatch(p -> p.getIn() == Parameter.In.QUERY);
        add(responses, named, "401", "Missing, expired or invalid bearer token.");
        add(responses, named, "403", "The caller's role or scope does not allow this operation.");
        if (path.contains("{")) {
            add(responses, named, "404", "No such resource, or one the caller may not see.");
        }
        // Every operation refuses unknown or repeated query parameters (StrictRequests), so every one may answer 400.
        add(responses, named, "400", hasQuery || writes
                ? "Malformed request: unparseable JSON, unknown enum value, invalid, unknown or repeated parameter (field-level violations)."
                : "Unknown query parameter (this operation takes none).");
        if (writes) {
            add(responses, named, "413", "Request body too large.");
            add(responses, named, "415", "Content type missing, not application/json, or with a charset other than UTF-8.");
            add(responses, named, "422", "Well-formed input that breaks a rule (field-level violations).");
        }
        if (hasIfMatch) {
            add(responses, named, "412", "If-Match does not name the current version (weak tags never match): read again and retry.");
            add(responses, named, "428", "If-Match header missing, or * (which names no version).");
        }
        add(responses, named, "500", "Unexpected error; the body carries only the request id.");
    }

    private static void add(APIResponses responses, Map<String, APIResponse> named, String status, String description) {
        APIResponse existing = responses.getAPIResponse(status);
        // Quarkus adds bare 401/403 entries to secured operations: those are replaced, written ones kept.
        if (existing != null && (existing.getRef() != null || existing.getContent() != null)) {
            return;
        }
        String name = NAMED.get(status);
        if (name != null && named.containsKey(name)) {
            responses.addAPIResponse(status, OASFactory.createAPIResponse().ref(name));
            return;
        }
        Content content = OASFactory.createContent().addMediaType(Problem.MEDIA_TYPE,
                OASFactory.createMediaType().schema(OASFactory.createSchema().ref("Problem")));
        APIResponse response = OASFactory.createAPIResponse().description(description).content(content);
        responses.addAPIResponse(status, response);
    }
}
