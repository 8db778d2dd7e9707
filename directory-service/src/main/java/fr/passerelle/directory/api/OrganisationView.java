package fr.passerelle.directory.api;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Organisation", description = "A partner organisation of the directory.")
public record OrganisationView(
        @Schema(description = "Public id (also the HSDS id and the `organisation` token claim).", examples = "07a23e44-05c2-4269-8757-ada2582fb768") UUID id,
        @Schema(examples = "Apprentis d'Auteuil – Hello Persévérance") String name,
        @Schema(examples = "ASSOCIATION") String kind,
        @Schema(examples = "Association") String kindLabel,
        @Schema(examples = "ACTIVE") String status,
        LocalDate closedOn,
        String uai,
        String description,
        String website,
        AddressInput address,
        @Schema(examples = "69") String departement,
        @Schema(examples = "LYON") String academie,
        List<ContactInput> contacts,
        @Schema(description = "DOCUMENT, INFERRED or EDITOR.") String source,
        String sourceDocument,
        @Schema(description = "Fields whose value we inferred rather than read in the source.") List<String> inferredFields,
        LocalDate lastVerified,
        @Schema(description = "Archived records leave search and match but still answer by id.") boolean archived,
        @Schema(description = "Programmes run by this organisation (not archived).") List<ProgrammeSummary> programmes,
        Instant updatedAt) {
}
