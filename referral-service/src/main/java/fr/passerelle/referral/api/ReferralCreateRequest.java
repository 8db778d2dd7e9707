package fr.passerelle.referral.api;

import fr.passerelle.common.json.MultilineText;
import fr.passerelle.referral.domain.ReferralReason;
import fr.passerelle.referral.domain.TargetType;
import fr.passerelle.referral.domain.Urgency;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "A referral of a case to a platform or a programme. The target is checked against the directory: it must"
        + " exist and be open, and the young person must fit its eligibility unless eligibilityOverrideReason says why not.")
public record ReferralCreateRequest(
        @NotNull UUID caseId,
        @Schema(examples = "PROGRAMME") @NotNull TargetType targetType,
        @NotNull UUID targetId,
        @Schema(examples = "ABSENTEEISM") @NotNull ReferralReason reason,
        @Schema(description = "Default NORMAL.", examples = "HIGH") Urgency urgency,
        @Schema(description = "Free text for the target: the situation, what was tried.", maxLength = 4000) @MultilineText @Size(max = 4000) String context,
        @Schema(description = "Why the young person should be taken although the directory's eligibility does not fit.", maxLength = 1000)
        @MultilineText @Size(max = 1000) String eligibilityOverrideReason,
        @Schema(description = "true: submit at once (status SUBMITTED); false or absent: keep as DRAFT.") Boolean submit) {
}
