package fr.passerelle.directory.api;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/*
 * The rule for every view of this service: every field is sent, null included, so every field is required, and a
 * field that can be null says so (nullable = true). An empty list is [] and never null.
 */
@Schema(name = "Programme", description = "A programme (dispositif) with its eligibility, admission and service area.",
        requiredProperties = {"id", "organisationId", "organisationName", "name", "description", "categories", "eligibility",
                "admissionMode", "intake", "durationWeeks", "durationText", "capacityPerCohort", "placesAvailable", "free", "stipend",
                "schedule", "serviceArea", "contacts", "status", "closedOn", "archived", "open", "platformIds", "source",
                "sourceDocument", "inferredFields", "sourceDate", "lastVerified", "freshness", "updatedAt"})
public record ProgrammeView(
        @Schema(examples = "319ee441-a093-4f4c-b58a-17412b02411d") UUID id,
        UUID organisationId,
        @Schema(examples = "E2C Rhône – École de la deuxième chance") String organisationName,
        @Schema(examples = "Parcours E2C (Rhône)") String name,
        @Schema(nullable = true) String description,
        @Schema(description = "Category codes.", examples = "[\"INSERTION_EMPLOYMENT\",\"QUALIFICATION\"]") List<String> categories,
        EligibilityView eligibility,
        @Schema(description = "Admission mode code; null when unknown.", nullable = true, examples = "INTERVIEW") String admissionMode,
        @Schema(description = "Intake code; null when unknown.", nullable = true, examples = "WEEKLY") String intake,
        @Schema(description = "Null when unknown or not counted in weeks (see durationText).", nullable = true, examples = "35")
        Integer durationWeeks,
        @Schema(nullable = true, examples = "7 mois") String durationText,
        @Schema(description = "Null when unknown.", nullable = true) Integer capacityPerCohort,
        @Schema(description = "Places available now; null when unknown.", nullable = true) Integer placesAvailable,
        @Schema(description = "Free of charge; null when unknown.", nullable = true) Boolean free,
        @Schema(description = "Paid a stipend; null when unknown.", nullable = true) Boolean stipend,
        @Schema(nullable = true) String schedule,
        ServiceAreaInput serviceArea,
        List<ContactInput> contacts,
        @Schema(examples = "ACTIVE") String status,
        @Schema(description = "Date the programme stopped (CLOSED only).", nullable = true) LocalDate closedOn,
        boolean archived,
        @Schema(description = "Active, not archived, its organisation operating, and places unknown or above zero.") boolean open,
        @Schema(description = "PSAD platforms whose members include the programme's organisation.") List<UUID> platformIds,
        @Schema(description = "DOCUMENT, INFERRED or EDITOR.") String source,
        @Schema(description = "Source document the facts were read in; null for editor records.", nullable = true) String sourceDocument,
        @Schema(description = "Fields whose value we inferred rather than read in the source (the whole record when source is INFERRED).",
                examples = "[\"eligibility.minAge\",\"serviceArea.communes\"]") List<String> inferredFields,
        @Schema(description = "Date of the source document the facts were read in; null when the document is undated or for editor records.",
                nullable = true, examples = "2023-03-29") LocalDate sourceDate,
        @Schema(description = "Date a person last confirmed the facts; null when nobody has.", nullable = true) LocalDate lastVerified,
        @Schema(description = "How stale the facts are.") FreshnessView freshness,
        Instant updatedAt) {
}
