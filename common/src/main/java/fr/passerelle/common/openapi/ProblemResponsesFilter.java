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
 * Responses an operation documents itself are kept as written.
 * Enable with {@code mp.openapi.filter=fr.passerelle.common.openapi.ProblemResponsesFilter}.
 */
public class ProblemResponsesFilter implements OASFilter {

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        for (Map.Entry<String, PathItem> entry : openAPI.getPaths().getPathItems().entrySet()) {
            String path = entry.getKey();
            if (!path.startsWith("/api/")) {
                continue;
            }
            for (Map.Entry<PathItem.HttpMethod, Operation> op : entry.getValue().getOperations().entrySet()) {
                decorate(path, op.getKey(), op.getValue());
            }
        }
    }

    private static void decorate(String path, PathItem.HttpMethod method, Operation operation) {
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
        add(responses, "401", "Missing, expired or invalid bearer token.");
        add(responses, "403", "The caller's role or scope does not allow this operation.");
        if (path.contains("{")) {
            add(responses, "404", "No such resource, or one the caller may not see.");
        }
        if (writes || hasQuery) {
            add(responses, "400", "Malformed request: unparseable JSON, unknown enum value or invalid parameter (field-level violations).");
        }
        if (writes) {
            add(responses, "413", "Request body too large.");
            add(responses, "415", "Content type is not application/json.");
            add(responses, "422", "Well-formed input that breaks a rule (field-level violations).");
        }
        if (hasIfMatch) {
            add(responses, "412", "If-Match does not name the current version: read again and retry.");
            add(responses, "428", "If-Match header missing.");
        }
        add(responses, "500", "Unexpected error; the body carries only the request id.");
    }

    private static void add(APIResponses responses, String status, String description) {
        if (responses.hasAPIResponse(status)) {
            return;
        }
        Content content = OASFactory.createContent().addMediaType(Problem.MEDIA_TYPE,
                OASFactory.createMediaType().schema(OASFactory.createSchema().ref("Problem")));
        APIResponse response = OASFactory.createAPIResponse().description(description).content(content);
        responses.addAPIResponse(status, response);
    }
}
