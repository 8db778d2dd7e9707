package fr.passerelle.directory.api;

import fr.passerelle.directory.domain.ContactKind;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Contact", description = "A functional contact: generic mailbox, switchboard or website, never a named person's line.",
        requiredProperties = {"kind", "value"})
public record ContactInput(
        @NotNull @Schema(examples = "EMAIL") ContactKind kind,
        @NotBlank @Size(max = 200) @Schema(examples = "sps@fondation-ajd.com") String value,
        @Size(max = 200) @Schema(nullable = true, examples = "Service de prévention spécialisée") String label) {
}
