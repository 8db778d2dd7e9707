package fr.passerelle.directory.rest;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.headers.Header;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;

/**
 * Documents {@link ConditionalGetFilter} on every directory read: the If-None-Match parameter, the ETag of the 200 answer
 * and the 304 answer, from the one rule the filter applies (every GET under /api/), so no read can miss it.
 */
@OpenApiFilter(OpenApiFilter.RunStage.BUILD)
public class ConditionalGetOpenApi implements OASFilter {

    private static final String IF_NONE_MATCH = "If-None-Match";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        for (Map.Entry<String, PathItem> entry : openAPI.getPaths().getPathItems().entrySet()) {
            Operation get = entry.getValue().getGET();
            if (entry.getKey().startsWith("/api/") && get != null && get.getResponses() != null
                    && get.getResponses().getAPIResponse("200") != null) {
                document(get);
            }
        }
    }

    private static void document(Operation get) {
        boolean declared = get.getParameters() != null && get.getParameters().stream()
                .anyMatch(p -> p.getIn() == Parameter.In.HEADER && IF_NONE_MATCH.equalsIgnoreCase(p.getName()));
        if (!declared) {
            get.addParameter(OASFactory.createParameter().name(IF_NONE_MATCH).in(Parameter.In.HEADER).required(false)
                    .description("ETags of representations the caller holds (a list, weak or strong, or *): when one is "
                            + "current, the answer is 304 with no body.")
                    .schema(string()));
        }
        APIResponse ok = get.getResponses().getAPIResponse("200");
        Header okTag = ok.getHeaders() == null ? null : ok.getHeaders().get("ETag");
        if (okTag == null) {
            ok.addHeader("ETag", etag());
        } else if (okTag.getSchema() == null) {
            okTag.schema(string());
            if (okTag.getDescription() == null) {
                okTag.description(etag().getDescription());
            }
        }
        if (get.getResponses().getAPIResponse("304") == null) {
            get.getResponses().addAPIResponse("304", OASFactory.createAPIResponse()
                    .description("Not modified: If-None-Match names the current representation. No body.")
                    .addHeader("ETag", etag()));
        }
    }

    private static Header etag() {
        return OASFactory.createHeader().description("Strong ETag of this representation, for If-None-Match (and, on one "
                + "object's read, If-Match on its writes).").schema(string());
    }

    private static Schema string() {
        return OASFactory.createSchema().addType(Schema.SchemaType.STRING);
    }
}
