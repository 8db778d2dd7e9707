package fr.passerelle.directory.api;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "ServiceArea", description = "Where young people must live to be taken: INSEE communes, départements, académies.")
public record ServiceAreaInput(
        @Size(max = 2000) @Schema(examples = "[\"69266\"]")
        List<@NotNull @Pattern(regexp = "^[0-9][0-9AB][0-9]{3}$", message = "must be a 5-character INSEE commune code") String> communes,
        @Size(max = 110) @Schema(examples = "[\"69\"]")
        List<@NotNull @Pattern(regexp = "^([0-9]{2}|2A|2B|97[0-9])$", message = "must be a département code") String> departements,
        @Size(max = 30) @Schema(examples = "[\"LYON\"]")
        List<@NotNull @Pattern(regexp = "^[A-Z_]{2,32}$", message = "must be an académie code") String> academies) {

    public fr.passerelle.directory.domain.ServiceArea toArea() {
        return new fr.passerelle.directory.domain.ServiceArea(communes, departements, academies);
    }
}
