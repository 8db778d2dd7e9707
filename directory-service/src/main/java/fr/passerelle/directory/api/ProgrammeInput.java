package fr.passerelle.directory.api;

import fr.passerelle.common.json.MultilineText;
import fr.passerelle.common.codes.AdmissionMode;
import fr.passerelle.directory.domain.Intake;
import fr.passerelle.directory.domain.ProgrammeCategory;
import fr.passerelle.directory.domain.RecordStatus;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "ProgrammeInput", description = "A programme (dispositif) as a directory editor creates or replaces it.")
public record ProgrammeInput(
        @NotNull @Schema(description = "Organisation running the programme.") UUID organisationId,
        @NotBlank @Size(max = 200) @Schema(examples = "Classe relais") String name,
        @MultilineText @Size(max = 5000) String description,
        @Size(max = 14) @Schema(examples = "[\"PREVENTION\",\"REMOBILISATION\"]") Set<@NotNull ProgrammeCategory> categories,
        @Valid EligibilityInput eligibility,
        @Schema(examples = "DEPARTMENTAL_COMMISSION") AdmissionMode admissionMode,
        @Schema(examples = "ROLLING") Intake intake,
        @Min(1) @Max(520) @Schema(examples = "7") Integer durationWeeks,
        @Size(max = 200) @Schema(examples = "7 semaines") String durationText,
        @Min(1) @Max(100000) @Schema(examples = "8") Integer capacityPerCohort,
        @Min(0) @Max(100000) @Schema(description = "Places available now; absent when unknown.", examples = "3") Integer placesAvailable,
        Boolean free,
        Boolean stipend,
        @Size(max = 500) String schedule,
        @Valid ServiceAreaInput serviceArea,
        @Size(max = 20) List<@NotNull @Valid ContactInput> contacts,
        @Schema(description = "Defaults to ACTIVE.") RecordStatus status,
        @Schema(description = "Date the programme stopped (CLOSED only).") LocalDate closedOn,
        LocalDate lastVerified) {
}
