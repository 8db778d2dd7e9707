package fr.passerelle.referral.rest;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.media.Schema;

/**
 * Writes ids, instants and dates as plain strings with a format where they are used: the scanner otherwise names them
 * after Java classes (components UUID, Instant, LocalDate), names that mean nothing to another system and whose
 * examples Swagger UI would pre-fill in query parameters.
 */
@OpenApiFilter(OpenApiFilter.RunStage.BUILD)
public class PlainTypesOpenApiFilter implements OASFilter {

    private static final String PREFIX = "#/components/schemas/";
    /** Java class name → the string format it stands for. */
    static final Map<String, String> FORMATS = Map.of("UUID", "uuid", "Instant", "date-time", "OffsetDateTime", "date-time",
            "LocalDate", "date");

    @Override
    public Schema filterSchema(Schema schema) {
        String ref = schema.getRef();
        if (ref == null || !ref.startsWith(PREFIX)) {
            return schema;
        }
        String format = FORMATS.get(ref.substring(PREFIX.length()));
        if (format == null) {
            return schema;
        }
        schema.setRef(null);
        List<Schema.SchemaType> type = schema.getType();
        if (type == null || type.isEmpty()) {
            schema.setType(List.of(Schema.SchemaType.STRING));
        }
        schema.setFormat(format);
        return schema;
    }

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getComponents() != null && openAPI.getComponents().getSchemas() != null) {
            FORMATS.keySet().forEach(openAPI.getComponents()::removeSchema);
        }
    }
}
