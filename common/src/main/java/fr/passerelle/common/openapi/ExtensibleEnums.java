package fr.passerelle.common.openapi;

import org.eclipse.microprofile.openapi.models.OpenAPI;

/**
 * Announces every enum as extensible: later versions may add values, and a client must accept one it does not
 * know (show it as is, treat it as "other") rather than fail. Said twice: a sentence for people, and
 * {@code x-extensible-enum: true} for generators and linters.
 */
final class ExtensibleEnums {

    static final String EXTENSION = "x-extensible-enum";
    static final String SENTENCE = "Values may be added in later versions: clients must accept values they do not know.";

    private ExtensibleEnums() {
    }

    static void announce(OpenAPI openAPI) {
        SchemaWalker.forEach(openAPI, schema -> {
            if (schema.getEnumeration() == null || schema.getEnumeration().isEmpty()) {
                return;
            }
            schema.addExtension(EXTENSION, true);
            String description = schema.getDescription();
            if (description == null || description.isBlank()) {
                schema.setDescription(SENTENCE);
            } else if (!description.contains(SENTENCE)) {
                schema.setDescription(description.strip() + " " + SENTENCE);
            }
        });
    }
}
