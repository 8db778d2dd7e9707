package fr.passerelle.referral.api;

import fr.passerelle.common.codes.SchoolLevel;
import fr.passerelle.common.codes.SchoolingStatus;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Past;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "Corrections to a case: absent (or null) members stay unchanged; guardians, when given, replace the list."
        + " schoolUai cannot change: a pupil who changes school gets a new case.")
public record CasePatchRequest(
        @Schema(examples = "Lina") @Size(min = 1, max = 100) @Pattern(regexp = ".*\\S.*") String firstName,
        @Size(min = 1, max = 100) @Pattern(regexp = ".*\\S.*") String lastName,
        @Past LocalDate birthDate,
        @Pattern(regexp = Patterns.INE) String ine,
        @Schema(examples = "SECONDE") SchoolLevel schoolLevel,
        SchoolingStatus schoolingStatus,
        @Pattern(regexp = Patterns.COMMUNE) String homeCommuneCode,
        Boolean livesInQpv,
        @Size(max = 4) List<@Valid @NotNull GuardianContact> guardians) {
}
