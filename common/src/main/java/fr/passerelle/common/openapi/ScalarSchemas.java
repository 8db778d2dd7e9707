package fr.passerelle.common.openapi;

import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.media.Schema;

/**
 * Inlines the schemas the scanner names after JDK value types (UUID, Instant, LocalDate, …): they are plain strings
 * with a format, and a component named after a Java class leaks the implementation into the contract (and into the
 * names of generated client classes).
 */
final class ScalarSchemas {

    static final Set<String> JDK_SCALARS = Set.of("UUID", "Instant", "LocalDate", "LocalDateTime", "LocalTime",
            "OffsetDateTime", "ZonedDateTime", "OffsetTime", "Duration", "Period", "URI", "URL", "BigDecimal", "BigInteger",
            "YearMonth", "ZoneId", "Locale");
    private static final String PREFIX = "#/components/schemas/";

    private ScalarSchemas() {
    }

    static void inline(OpenAPI openAPI) {
        if (openAPI.getComponents() == null || openAPI.getComponents().getSchemas() == null) {
            return;
        }
        Map<String, Schema> schemas = openAPI.getComponents().getSchemas();
        SchemaWalker.forEach(openAPI, schema -> {
            String ref = schema.getRef();
            if (ref == null || !ref.startsWith(PREFIX)) {
                return;
            }
            String name = ref.substring(PREFIX.length());
            Schema target = schemas.get(name);
            if (!JDK_SCALARS.contains(name) || target == null) {
                return;
            }
            schema.setRef(null);
            if (schema.getType() == null || schema.getType().isEmpty()) {
                schema.setType(target.getType());
            }
            if (schema.getFormat() == null) {
                schema.setFormat(target.getFormat());
            }
            if (schema.getPattern() == null) {
                schema.setPattern(target.getPattern());
            }
            if (schema.getExamples() == null && target.getExamples() != null) {
                schema.setExamples(target.getExamples());
            }
        });
        JDK_SCALARS.forEach(name -> openAPI.getComponents().removeSchema(name));
    }
}
