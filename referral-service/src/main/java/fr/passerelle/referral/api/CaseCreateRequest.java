package fr.passerelle.referral.api;

import fr.passerelle.common.codes.SchoolLevel;
import fr.passerelle.common.codes.SchoolingStatus;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Past;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "A new case. A referent files for their own school (schoolUai defaults to the token's uai); a coordinator"
        + " files for a young person who left school (no schoolUai).")
public record CaseCreateRequest(
        @Schema(examples = "Lina") @NotBlank @Size(max = 100) String firstName,
        @Schema(examples = "Martin") @NotBlank @Size(max = 100) String lastName,
        @Schema(examples = "2010-03-14") @NotNull @Past LocalDate birthDate,
        @Schema(description = "Identifiant national élève, optional.", examples = "123456789AB") @Pattern(regexp = Patterns.INE) String ine,
        @Schema(examples = "0690047B") @Pattern(regexp = Patterns.UAI) String schoolUai,
        @Schema(examples = "TROISIEME") @NotNull SchoolLevel schoolLevel,
        @Schema(description = "Defaults to AT_RISK with a school, LEFT_SCHOOL without.", examples = "AT_RISK") SchoolingStatus schoolingStatus,
        @Schema(examples = "69266") @NotNull @Pattern(regexp = Patterns.COMMUNE) String homeCommuneCode,
        @Schema(description = "Lives in a priority neighbourhood (QPV), when known.") Boolean livesInQpv,
        @Size(max = 4) List<@Valid @NotNull GuardianContact> guardians,
        @NotNull @Valid ConsentRecord consent) {
}
