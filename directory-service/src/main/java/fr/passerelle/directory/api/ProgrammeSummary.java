package fr.passerelle.directory.api;

import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "ProgrammeSummary", description = "A programme in a list of its organisation.")
public record ProgrammeSummary(UUID id, String name, String status, boolean open) {
}
