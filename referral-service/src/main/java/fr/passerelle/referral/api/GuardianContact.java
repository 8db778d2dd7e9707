package fr.passerelle.referral.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import fr.passerelle.referral.domain.GuardianRelationship;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(description = "A guardian's contact. Shown to a partner only once it has accepted the young person. Members without a"
        + " value are absent.")
public record GuardianContact(
        @Schema(examples = "Nadia") @Size(max = 100) String firstName,
        @Schema(examples = "Martin") @Size(max = 100) String lastName,
        @Schema(examples = "MOTHER") @NotNull GuardianRelationship relationship,
        @Schema(examples = "06 12 34 56 78") @Size(max = 30) @Pattern(regexp = Patterns.PHONE) String phone,
        @Schema(examples = "n.martin@example.org") @Size(max = 254) @Email String email) {
}
