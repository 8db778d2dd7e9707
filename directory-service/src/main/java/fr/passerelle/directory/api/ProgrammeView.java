package fr.passerelle.directory.api;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Programme", description = "A programme (dispositif) with its eligibility, admission and service area.")
public record ProgrammeView(
        @Schema(examples = "319ee441-a093-4f4c-b58a-17412b02411d") UUID id,
        UUID organisationId,
        @Schema(examples = "E2C Rhône – École de la deuxième chance") String organisationName,
        @Schema(examples = "Parcours E2C (Rhône)") String name,
        String description,
        @Schema(examples = "[\"INSERTION_EMPLOYMENT\",\"QUALIFICATION\"]") List<String> categories,
        EligibilityView eligibility,
        @Schema(examples = "INTERVIEW") String admissionMode,
        @Schema(examples = "WEEKLY") String intake,
        @Schema(examples = "35") Integer durationWeeks,
        String durationText,
        Integer capacityPerCohort,
        @Schema(description = "Places available now; null when unknown.") Integer placesAvailable,
        Boolean free,
        Boolean stipend,
        String schedule,
        ServiceAreaInput serviceArea,
        List<ContactInput> contacts,
        @Schema(examples = "ACTIVE") String status,
        LocalDate closedOn,
        boolean archived,
        @Schema(description = "Active, not archived, its organisation operating, and places unknown or above zero.") boolean open,
        @Schema(description = "PSAD platforms whose members include the programme's organisation.") List<UUID> platformIds,
        String source,
        String sourceDocument,
        List<String> inferredFields,
        LocalDate lastVerified,
        Instant updatedAt) {
}
