package fr.passerelle.directory.api;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Academie", description = "An académie with the codes of its départements.",
        requiredProperties = {"code", "name", "departements"})
public record AcademieView(@Schema(examples = "LYON") String code, @Schema(examples = "Lyon") String name,
                           @Schema(examples = "[\"01\",\"42\",\"69\"]") List<String> departements) {
}
