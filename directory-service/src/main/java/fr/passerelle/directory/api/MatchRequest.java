package fr.passerelle.directory.api;

import fr.passerelle.directory.domain.DiplomaLevel;
import fr.passerelle.directory.domain.Gender;
import fr.passerelle.directory.domain.Requirement;
import fr.passerelle.common.codes.SchoolLevel;
import fr.passerelle.common.codes.SchoolingStatus;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Past;
import jakarta.validation.constraints.Pattern;
import java.time.LocalDate;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "MatchRequest", description = "A young person's situation, without identity: exactly one of birthDate or age. "
        + "Nothing of it is stored or logged: the directory holds no pupil data.")
public record MatchRequest(
        @Past @Schema(description = "Birth date; the age is computed as of today (Europe/Paris).", examples = "2008-03-14") LocalDate birthDate,
        @Min(0) @Max(30) @Schema(description = "Age in years, instead of birthDate.", examples = "17") Integer age,
        @NotNull @Schema(examples = "NONE") SchoolLevel schoolLevel,
        @NotNull @Schema(examples = "LEFT_SCHOOL") SchoolingStatus schoolingStatus,
        @NotNull @Pattern(regexp = Codes.COMMUNE, message = Codes.COMMUNE_MESSAGE)
        @Schema(description = "INSEE code of the home commune.", examples = "69266") String communeCode,
        @Schema(description = "Lives in a priority neighbourhood (QPV); unknown when absent.") Boolean livesInQpv,
        @Schema(description = "Highest diploma held; unknown when absent.") DiplomaLevel highestDiploma,
        @Min(1) @Max(100) @Schema(description = "Maximum number of programmes returned (default 20).") Integer limit,
        @Schema(description = "Only to check a GIRLS_ONLY requirement; optional, never stored. A programme reserved to girls is "
                + "matched only when FEMALE is given.", examples = "FEMALE") Gender gender,
        @Schema(description = "Under a court decision (sous main de justice); optional, never stored. A programme requiring "
                + "COURT_DECISION is matched only when true.", examples = "false") Boolean underCourtOrder,
        @Schema(description = "Has a recognised disability; optional, never stored. Opens the extended age limit "
                + "(maxAgeWithDisability, e.g. service civique up to 30).", examples = "false") Boolean hasDisabilityRecognition,
        @Min(0) @Max(600) @Schema(description = "Months since leaving school; optional, never stored. Checked against a "
                + "programme's min/maxMonthsOutOfSchool; when absent such a programme is matched with the reason NOT_DECLARED.",
                examples = "8") Integer monthsOutOfSchool,
        @Schema(description = "Other requirements the young person declares meeting (EXAM_FAILED_TWICE, "
                + "NOT_IN_EMPLOYMENT_OR_TRAINING, NEWLY_ARRIVED_MIGRANT); optional, never stored. GIRLS_ONLY and COURT_DECISION "
                + "are answered by gender and underCourtOrder.", examples = "[\"NOT_IN_EMPLOYMENT_OR_TRAINING\"]")
        Set<@NotNull Requirement> requirementsMet) {
}
