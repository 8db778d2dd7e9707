package fr.passerelle.directory.api;

import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "ProgrammeSummary", description = "A programme in a list of its organisation.",
        requiredProperties = {"id", "name", "status", "open"})
public record ProgrammeSummary(UUID id, String name, @Schema(examples = "ACTIVE") String status,
                               @Schema(description = "Active, not archived, its organisation operating, and places unknown or above zero.")
                               boolean open) {
}
