package fr.passerelle.directory.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Departement", description = "A département with its region and académie.",
        requiredProperties = {"code", "name", "regionCode", "academieCode"})
public record DepartementView(@Schema(examples = "69") String code, @Schema(examples = "Rhône") String name,
                              @Schema(description = "INSEE region code.", examples = "84") String regionCode,
                              @Schema(examples = "LYON") String academieCode) {
}
