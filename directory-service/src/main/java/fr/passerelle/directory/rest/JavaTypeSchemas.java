package fr.passerelle.directory.rest;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.media.Schema;

/**
 * Writes UUIDs, dates and instants inline (string with a format) instead of as references to components named after
 * Java classes (UUID, Instant, LocalDate), which mean nothing to a client and leak into generated code.
 */
@OpenApiFilter(OpenApiFilter.RunStage.BUILD)
public class JavaTypeSchemas implements OASFilter {

    private static final String PREFIX = "#/components/schemas/";
    /** Component name → format of the string it stands for. */
    private static final Map<String, String> FORMATS = Map.of("UUID", "uuid", "Instant", "date-time", "LocalDate", "date",
            "OffsetDateTime", "date-time", "LocalDateTime", "date-time", "URI", "uri");

    @Override
    public Schema filterSchema(Schema schema) {
        String format = format(schema);
        if (format != null) {
            schema.setRef(null);
            if (schema.getType() == null || schema.getType().isEmpty()) {
                schema.setType(List.of(Schema.SchemaType.STRING));
            }
            schema.setFormat(format);
        }
        // A nullable date is written {type: [string, null], anyOf: [{$ref: LocalDate}, {type: null}]}: one type says it all.
        List<Schema> anyOf = schema.getAnyOf();
        if (anyOf != null && anyOf.size() == 2 && List.of(Schema.SchemaType.NULL).equals(anyOf.get(1).getType())) {
            String nullableFormat = format(anyOf.get(0));
            if (nullableFormat == null && anyOf.get(0).getRef() == null
                    && List.of(Schema.SchemaType.STRING).equals(anyOf.get(0).getType())) {
                nullableFormat = anyOf.get(0).getFormat();
            }
            if (nullableFormat != null) {
                schema.setAnyOf(null);
                schema.setType(List.of(Schema.SchemaType.STRING, Schema.SchemaType.NULL));
                schema.setFormat(nullableFormat);
            }
        }
        return schema;
    }

    private static String format(Schema schema) {
        String ref = schema.getRef();
        return ref == null || !ref.startsWith(PREFIX) ? null : FORMATS.get(ref.substring(PREFIX.length()));
    }

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getComponents() != null && openAPI.getComponents().getSchemas() != null) {
            FORMATS.keySet().forEach(openAPI.getComponents()::removeSchema);
        }
    }
}
