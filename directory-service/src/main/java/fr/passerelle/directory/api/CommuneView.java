package fr.passerelle.directory.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Commune", description = "A commune by its INSEE code, with its département and académie.",
        requiredProperties = {"code", "name", "departementCode", "academieCode"})
public record CommuneView(@Schema(examples = "69266") String code, @Schema(examples = "Villeurbanne") String name,
                          @Schema(examples = "69") String departementCode, @Schema(examples = "LYON") String academieCode) {
}
