package fr.passerelle.directory.api;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Every field is sent, null included (the rule is written on {@link ProgrammeView}). */
@Schema(name = "Organisation", description = "A partner organisation of the directory.",
        requiredProperties = {"id", "name", "kind", "kindLabel", "status", "closedOn", "uai", "description", "website", "address",
                "departement", "academie", "contacts", "source", "sourceDocument", "inferredFields", "sourceDate", "lastVerified", "freshness", "archived",
                "programmes", "updatedAt"})
public record OrganisationView(
        @Schema(description = "Public id (also the HSDS id and the `organisation` token claim).", examples = "07a23e44-05c2-4269-8757-ada2582fb768") UUID id,
        @Schema(examples = "Apprentis d'Auteuil – Hello Persévérance") String name,
        @Schema(description = "Organisation kind code.", examples = "ASSOCIATION") String kind,
        @Schema(examples = "Association") String kindLabel,
        @Schema(examples = "ACTIVE") String status,
        @Schema(description = "Date the organisation stopped operating (CLOSED only).", nullable = true) LocalDate closedOn,
        @Schema(description = "UAI code, for schools.", nullable = true, examples = "0690047B") String uai,
        @Schema(nullable = true) String description,
        @Schema(nullable = true, examples = "https://www.apprentis-auteuil.org") String website,
        @Schema(description = "Null when no part of the address is known.", nullable = true) AddressInput address,
        @Schema(nullable = true, examples = "69") String departement,
        @Schema(nullable = true, examples = "LYON") String academie,
        List<ContactInput> contacts,
        @Schema(description = "DOCUMENT, INFERRED or EDITOR.") String source,
        @Schema(description = "Source document the facts were read in; null for editor records.", nullable = true) String sourceDocument,
        @Schema(description = "Fields whose value we inferred rather than read in the source (the whole record when source is INFERRED).",
                examples = "[\"eligibility.minAge\",\"serviceArea.communes\"]") List<String> inferredFields,
        @Schema(description = "Date of the source document the facts were read in; null when the document is undated or for editor records.",
                nullable = true, examples = "2023-03-29") LocalDate sourceDate,
        @Schema(description = "Date a person last confirmed the facts; null when nobody has.", nullable = true) LocalDate lastVerified,
        @Schema(description = "How stale the facts are.") FreshnessView freshness,
        @Schema(description = "Archived records leave search and match but still answer by id.") boolean archived,
        @Schema(description = "Programmes run by this organisation (not archived).") List<ProgrammeSummary> programmes,
        Instant updatedAt) {
}
