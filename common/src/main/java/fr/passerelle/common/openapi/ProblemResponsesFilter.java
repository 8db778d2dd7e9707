package fr.passerelle.common.openapi;

import fr.passerelle.common.problem.Problem;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

/**
 * The one OpenAPI filter of every service, so that both publish the same conventions:
 * <ul>
 * <li>the shared problem responses ({@link ProblemResponses}: BadRequest, NotFound, … each with examples of its own
 *     status) are defined in components, and every operation lists the problem answers it can give from what it is
 *     (method, path parameters, If-Match), referring to them; an error response an operation writes itself keeps its
 *     words and gets the shared example of its status when it has none;</li>
 * <li>every operation states the roles and scopes that allow it ({@link OperationAccess});</li>
 * <li>every enum is announced as extensible ({@link ExtensibleEnums});</li>
 * <li>schemas named after JDK value types (UUID, Instant, LocalDate) are inlined ({@link ScalarSchemas});</li>
 * <li>headers get a schema, patterns are ECMA regular expressions, security requirements name no roles (they are in
 *     x-roles) ({@link DocumentHygiene}).</li>
 * </ul>
 * Enable with {@code mp.openapi.filter=fr.passerelle.common.openapi.ProblemResponsesFilter}.
 */
public class ProblemResponsesFilter implements OASFilter {

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        Components components = openAPI.getComponents();
        if (components == null) {
            components = OASFactory.createComponents();
            openAPI.setComponents(components);
        }
        OperationAccess access = OperationAccess.fromConfig();
        if (openAPI.getPaths() != null && openAPI.getPaths().getPathItems() != null) {
            for (Map.Entry<String, PathItem> entry : openAPI.getPaths().getPathItems().entrySet()) {
                String path = entry.getKey();
                if (!path.startsWith("/api/")) {
                    continue;
                }
                for (Map.Entry<PathItem.HttpMethod, Operation> op : entry.getValue().getOperations().entrySet()) {
                    decorate(path, op.getKey(), op.getValue());
                    access.document(path, op.getKey(), op.getValue());
                }
            }
        }
        // The shared responses the operations refer to, and only those (an unused component is noise in the contract).
        Set<String> referenced = referencedResponses(openAPI);
        for (ProblemResponses.Named named : ProblemResponses.ALL) {
            boolean present = components.getResponses() != null && components.getResponses().containsKey(named.name());
            if (!present && referenced.contains(named.name())) {
                components.addResponse(named.name(), ProblemResponses.build(named));
            }
        }
        DocumentHygiene.apply(openAPI);
        ScalarSchemas.inline(openAPI);
        ExtensibleEnums.announce(openAPI);
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
        // Every operation refuses unknown or repeated query parameters (StrictRequests), so every one may answer 400.
        add(responses, "400");
        add(responses, "401");
        add(responses, "403");
        if (path.contains("{")) {
            add(responses, "404");
        }
        if (writes && operation.getRequestBody() != null) {
            add(responses, "413");
            add(responses, "415");
            add(responses, "422");
        }
        if (hasIfMatch) {
            add(responses, "412");
            add(responses, "428");
        }
        add(responses, "500");
        for (Map.Entry<String, APIResponse> response : responses.getAPIResponses().entrySet()) {
            exemplify(response.getKey(), response.getValue());
        }
    }

    private static Set<String> referencedResponses(OpenAPI openAPI) {
        Set<String> names = new HashSet<>();
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return names;
        }
        for (PathItem item : openAPI.getPaths().getPathItems().values()) {
            for (Operation operation : item.getOperations().values()) {
                if (operation.getResponses() != null && operation.getResponses().getAPIResponses() != null) {
                    for (APIResponse response : operation.getResponses().getAPIResponses().values()) {
                        if (response.getRef() != null) {
                            names.add(response.getRef().substring(response.getRef().lastIndexOf('/') + 1));
                        }
                    }
                }
            }
        }
        return names;
    }

    private static void add(APIResponses responses, String status) {
        APIResponse existing = responses.getAPIResponse(status);
        // Quarkus adds bare 401/403 entries to secured operations: those are replaced, written ones kept.
        if (existing != null && (existing.getRef() != null || existing.getContent() != null)) {
            return;
        }
        responses.addAPIResponse(status, OASFactory.createAPIResponse().ref(ProblemResponses.byStatus(status).name()));
    }

    /** An error response written inline without an example gets the shared one of its status (Swagger UI would invent one). */
    private static void exemplify(String status, APIResponse response) {
        if (response.getRef() != null || !(status.startsWith("4") || status.startsWith("5"))) {
            return;
        }
        ProblemResponses.Named named = ProblemResponses.byStatus(status);
        if (response.getContent() == null || response.getContent().getMediaTypes() == null) {
            if (named != null) {
                response.setContent(OASFactory.createContent().addMediaType(Problem.MEDIA_TYPE, ProblemResponses.media(named)));
            }
            return;
        }
        MediaType media = response.getContent().getMediaType(Problem.MEDIA_TYPE);
        if (media != null && named != null && media.getExample() == null
                && (media.getExamples() == null || media.getExamples().isEmpty())) {
            ProblemResponses.addExamples(media, named);
        }
    }
}
