package fr.passerelle.directory.api;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "ServiceArea", description = "Where young people must live to be taken: INSEE communes, départements, académies.")
public record ServiceAreaInput(
        @Size(max = 2000) @Schema(examples = "[\"69266\"]")
        List<@NotNull @Pattern(regexp = Codes.COMMUNE, message = Codes.COMMUNE_MESSAGE) String> communes,
        @Size(max = 110) @Schema(examples = "[\"69\"]")
        List<@NotNull @Pattern(regexp = Codes.DEPARTEMENT, message = Codes.DEPARTEMENT_MESSAGE) String> departements,
        @Size(max = 30) @Schema(examples = "[\"LYON\"]")
        List<@NotNull @Pattern(regexp = Codes.ACADEMIE, message = Codes.ACADEMIE_MESSAGE) String> academies) {

    public fr.passerelle.directory.domain.ServiceArea toArea() {
        return new fr.passerelle.directory.domain.ServiceArea(communes, departements, academies);
    }
}
