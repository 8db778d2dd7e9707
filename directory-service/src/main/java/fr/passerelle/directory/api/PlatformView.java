package fr.passerelle.directory.api;

import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Platform", description = "A PSAD platform (plateforme de suivi et d'appui aux décrocheurs).")
public record PlatformView(
        @Schema(examples = "43c92e43-b7d1-4693-a06d-67f3c4f0699b") UUID id,
        @Schema(examples = "PSAD Lyon – Villeurbanne") String name,
        String description,
        ServiceAreaInput territory,
        @Schema(description = "Co-animating organisations (CIO and Mission Locale).") List<OrganisationRef> coAnimators,
        List<OrganisationRef> members,
        String source,
        String sourceDocument,
        boolean archived) {

    @Schema(name = "OrganisationRef")
    public record OrganisationRef(UUID id, String name, String kind) {
    }
}
