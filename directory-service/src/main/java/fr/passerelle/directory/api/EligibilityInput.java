package fr.passerelle.directory.api;

import fr.passerelle.directory.domain.Audience;
import fr.passerelle.directory.domain.DiplomaLevel;
import fr.passerelle.directory.domain.Requirement;
import fr.passerelle.common.codes.SchoolLevel;
import fr.passerelle.common.codes.SchoolingStatus;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Eligibility", description = "Who a programme can take. An absent or empty criterion does not restrict.")
public record EligibilityInput(
        @Min(0) @Max(30) @Schema(examples = "16") Integer minAge,
        @Min(0) @Max(30) @Schema(examples = "25") Integer maxAge,
        @Schema(description = "School levels accepted.") Set<@NotNull SchoolLevel> schoolLevels,
        @Schema(description = "Schooling statuses accepted.", examples = "[\"LEFT_SCHOOL\"]") Set<@NotNull SchoolingStatus> schoolingStatuses,
        @Schema(description = "Highest diploma a young person may already hold.", examples = "CAP_BEP") DiplomaLevel maxDiplomaLevel,
        @Schema(description = "Residence in a priority neighbourhood (QPV) required.", examples = "false") Boolean qpvResidenceRequired,
        @Schema(description = "Who the programme serves; absent or empty when no source says (the finder then reports it as not stated).",
                examples = "[\"YOUNG_PERSON\"]") Set<@NotNull Audience> audience,
        @Schema(description = "Conditions a young person must meet; the finder matches only a young person who declares them met.",
                examples = "[\"COURT_DECISION\"]") Set<@NotNull Requirement> requirements,
        @Min(0) @Max(30) @Schema(description = "Upper age for a young person with a recognised disability, at least maxAge "
                + "(service civique: 25, up to 30 with a disability).", examples = "30") Integer maxAgeWithDisability,
        @Min(0) @Max(600) @Schema(description = "Minimum time since leaving school, in months.", examples = "3") Integer minMonthsOutOfSchool,
        @Min(0) @Max(600) @Schema(description = "Maximum time since leaving school, in months (microlycée: up to 3 years).",
                examples = "36") Integer maxMonthsOutOfSchool) {
}
