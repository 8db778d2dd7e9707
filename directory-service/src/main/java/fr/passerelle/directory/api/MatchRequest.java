package fr.passerelle.directory.api;

import fr.passerelle.directory.domain.DiplomaLevel;
import fr.passerelle.common.codes.SchoolLevel;
import fr.passerelle.common.codes.SchoolingStatus;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Past;
import jakarta.validation.constraints.Pattern;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "MatchRequest", description = "A young person's situation, without identity: exactly one of birthDate or age.")
public record MatchRequest(
        @Past @Schema(description = "Birth date; the age is computed as of today (Europe/Paris).", examples = "2008-03-14") LocalDate birthDate,
        @Min(0) @Max(30) @Schema(description = "Age in years, instead of birthDate.", examples = "17") Integer age,
        @NotNull @Schema(examples = "NONE") SchoolLevel schoolLevel,
        @NotNull @Schema(examples = "LEFT_SCHOOL") SchoolingStatus schoolingStatus,
        @NotNull @Pattern(regexp = Codes.COMMUNE, message = Codes.COMMUNE_MESSAGE)
        @Schema(description = "INSEE code of the home commune.", examples = "69266") String communeCode,
        @Schema(description = "Lives in a priority neighbourhood (QPV); unknown when absent.") Boolean livesInQpv,
        @Schema(description = "Highest diploma held; unknown when absent.") DiplomaLevel highestDiploma,
        @Min(1) @Max(100) @Schema(description = "Maximum number of programmes returned (default 20).") Integer limit) {
}
