package fr.passerelle.common.openapi;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.headers.Header;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;

/** Visits every schema of a document once: components, parameters, bodies, responses, headers, and what they nest. */
final class SchemaWalker {

    private SchemaWalker() {
    }

    static void forEach(OpenAPI openAPI, Consumer<Schema> action) {
        Set<Schema> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        if (openAPI.getComponents() != null) {
            if (openAPI.getComponents().getSchemas() != null) {
                openAPI.getComponents().getSchemas().values().forEach(s -> visit(action, s, seen));
            }
            if (openAPI.getComponents().getParameters() != null) {
                openAPI.getComponents().getParameters().values().forEach(p -> visit(action, p, seen));
            }
            if (openAPI.getComponents().getHeaders() != null) {
                openAPI.getComponents().getHeaders().values().forEach(h -> visit(action, h.getSchema(), seen));
            }
            if (openAPI.getComponents().getResponses() != null) {
                openAPI.getComponents().getResponses().values().forEach(r -> visit(action, r, seen));
            }
        }
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        for (PathItem item : openAPI.getPaths().getPathItems().values()) {
            if (item.getParameters() != null) {
                item.getParameters().forEach(p -> visit(action, p, seen));
            }
            for (Operation operation : item.getOperations().values()) {
                if (operation.getParameters() != null) {
                    operation.getParameters().forEach(p -> visit(action, p, seen));
                }
                if (operation.getRequestBody() != null) {
                    visit(action, operation.getRequestBody().getContent(), seen);
                }
                if (operation.getResponses() != null && operation.getResponses().getAPIResponses() != null) {
                    operation.getResponses().getAPIResponses().values().forEach(r -> visit(action, r, seen));
                }
            }
        }
    }

    private static void visit(Consumer<Schema> action, Parameter parameter, Set<Schema> seen) {
        visit(action, parameter.getSchema(), seen);
    }

    private static void visit(Consumer<Schema> action, APIResponse response, Set<Schema> seen) {
        visit(action, response.getContent(), seen);
        if (response.getHeaders() != null) {
            for (Header header : response.getHeaders().values()) {
                visit(action, header.getSchema(), seen);
            }
        }
    }

    private static void visit(Consumer<Schema> action, Content content, Set<Schema> seen) {
        if (content == null || content.getMediaTypes() == null) {
            return;
        }
        for (MediaType media : content.getMediaTypes().values()) {
            visit(action, media.getSchema(), seen);
        }
    }

    private static void visit(Consumer<Schema> action, Schema schema, Set<Schema> seen) {
        if (schema == null || !seen.add(schema)) {
            return;
        }
        action.accept(schema);
        if (schema.getProperties() != null) {
            schema.getProperties().values().forEach(s -> visit(action, s, seen));
        }
        visit(action, schema.getItems(), seen);
        visit(action, schema.getAdditionalPropertiesSchema(), seen);
        for (List<Schema> list : List.of(nullSafe(schema.getAllOf()), nullSafe(schema.getAnyOf()), nullSafe(schema.getOneOf()))) {
            list.forEach(s -> visit(action, s, seen));
        }
    }

    private static List<Schema> nullSafe(List<Schema> list) {
        return list == null ? List.of() : list;
    }
}
