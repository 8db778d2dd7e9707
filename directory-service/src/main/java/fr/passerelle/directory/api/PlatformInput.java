package fr.passerelle.directory.api;

import fr.passerelle.common.json.MultilineText;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "PlatformInput", description = "A PSAD platform as a directory editor creates or replaces it.")
public record PlatformInput(
        @NotBlank @Size(max = 200) String name,
        @MultilineText @Size(max = 5000) String description,
        @NotNull @Valid ServiceAreaInput territory,
        @Size(max = 10) Set<@NotNull UUID> coAnimators,
        @Size(max = 500) Set<@NotNull UUID> members) {
}
