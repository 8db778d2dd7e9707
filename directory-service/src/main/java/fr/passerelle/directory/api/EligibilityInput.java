package fr.passerelle.directory.api;

import fr.passerelle.directory.domain.DiplomaLevel;
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
        @Schema(description = "Residence in a priority neighbourhood (QPV) required.", examples = "false") Boolean qpvResidenceRequired) {
}
