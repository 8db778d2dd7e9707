package fr.passerelle.directory.api;

import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Every field is sent, null included (the rule is written on {@link ProgrammeView}). */
@Schema(name = "Platform", description = "A PSAD platform (plateforme de suivi et d'appui aux décrocheurs).",
        requiredProperties = {"id", "name", "description", "territory", "coAnimators", "members", "source", "sourceDocument", "archived"})
public record PlatformView(
        @Schema(examples = "43c92e43-b7d1-4693-a06d-67f3c4f0699b") UUID id,
        @Schema(examples = "PSAD Lyon – Villeurbanne") String name,
        @Schema(nullable = true) String description,
        ServiceAreaInput territory,
        @Schema(description = "Co-animating organisations (CIO and Mission Locale).") List<OrganisationRef> coAnimators,
        List<OrganisationRef> members,
        @Schema(description = "DOCUMENT, INFERRED or EDITOR.") String source,
        @Schema(description = "Source document the facts were read in; null for editor records.", nullable = true) String sourceDocument,
        @Schema(description = "Archived platforms leave the list but still answer by id.") boolean archived) {

    @Schema(name = "OrganisationRef", description = "An organisation taking part in a platform.",
            requiredProperties = {"id", "name", "kind"})
    public record OrganisationRef(UUID id,
                                  @Schema(description = "Null if the organisation is no longer in the directory.", nullable = true) String name,
                                  @Schema(description = "Organisation kind code; null as name.", nullable = true) String kind) {
    }
}
