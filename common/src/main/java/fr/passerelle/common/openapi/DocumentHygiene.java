package fr.passerelle.common.openapi;

import java.util.List;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.headers.Header;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.security.SecurityRequirement;

/**
 * Small corrections so that the generated document holds what it promises to every tool that reads it:
 * every header has a schema; a pattern is an ECMA-262 regular expression (the dialect of JSON Schema), not a
 * Java one; security requirements name the scheme only (Quarkus writes @RolesAllowed roles there, which OpenAPI
 * tools read as undefined OAuth scopes: the roles are in x-roles).
 */
final class DocumentHygiene {

    private DocumentHygiene() {
    }

    static void apply(OpenAPI openAPI) {
        headersHaveSchemas(openAPI);
        SchemaWalker.forEach(openAPI, schema -> {
            if (schema.getPattern() != null) {
                schema.setPattern(ecma(schema.getPattern()));
            }
        });
        if (openAPI.getPaths() != null && openAPI.getPaths().getPathItems() != null) {
            for (PathItem item : openAPI.getPaths().getPathItems().values()) {
                for (Operation operation : item.getOperations().values()) {
                    schemeOnly(operation);
                }
            }
        }
    }

    /** Java's DOTALL flag has no ECMA spelling: (?s) goes, and every unescaped dot outside a class becomes [\s\S]. */
    static String ecma(String pattern) {
        if (!pattern.startsWith("(?s)")) {
            return pattern;
        }
        StringBuilder out = new StringBuilder();
        boolean inClass = false;
        String body = pattern.substring(4);
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (c == '\\' && i + 1 < body.length()) {
                out.append(c).append(body.charAt(++i));
            } else if (c == '[') {
                inClass = true;
                out.append(c);
            } else if (c == ']') {
                inClass = false;
                out.append(c);
            } else if (c == '.' && !inClass) {
                out.append("[\\s\\S]");
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static void headersHaveSchemas(OpenAPI openAPI) {
        if (openAPI.getComponents() != null) {
            if (openAPI.getComponents().getHeaders() != null) {
                openAPI.getComponents().getHeaders().values().forEach(DocumentHygiene::stringSchema);
            }
            if (openAPI.getComponents().getResponses() != null) {
                openAPI.getComponents().getResponses().values().forEach(DocumentHygiene::headersOf);
            }
        }
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        for (PathItem item : openAPI.getPaths().getPathItems().values()) {
            for (Operation operation : item.getOperations().values()) {
                if (operation.getResponses() != null && operation.getResponses().getAPIResponses() != null) {
                    operation.getResponses().getAPIResponses().values().forEach(DocumentHygiene::headersOf);
                }
            }
        }
    }

    private static void headersOf(APIResponse response) {
        if (response.getHeaders() != null) {
            response.getHeaders().values().forEach(DocumentHygiene::stringSchema);
        }
    }

    private static void stringSchema(Header header) {
        if (header.getRef() == null && header.getSchema() == null && header.getContent() == null) {
            header.setSchema(OASFactory.createSchema().addType(Schema.SchemaType.STRING));
        }
    }

    private static void schemeOnly(Operation operation) {
        List<SecurityRequirement> security = operation.getSecurity();
        if (security == null) {
            return;
        }
        for (SecurityRequirement requirement : security) {
            if (requirement.getSchemes() != null) {
                for (String scheme : List.copyOf(requirement.getSchemes().keySet())) {
                    requirement.addScheme(scheme, List.of());
                }
            }
        }
    }
}
