package fr.passerelle.referral.api;

import fr.passerelle.common.json.MultilineText;
import fr.passerelle.referral.domain.FollowUpKind;
import fr.passerelle.referral.domain.Visibility;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "A follow-up log entry. AUTHOR_ORG: only the author's school, platform or organisation reads it; ALL_PARTIES: everyone who sees the referral.")
public record FollowUpCreateRequest(
        @Schema(examples = "2026-12-10") @NotNull @PastOrPresent LocalDate entryDate,
        @Schema(examples = "MEETING") @NotNull FollowUpKind kind,
        @Schema(examples = "ALL_PARTIES") @NotNull Visibility visibility,
        @Schema(examples = "Premier entretien, projet en alternance évoqué.", maxLength = 4000) @MultilineText @NotBlank @Size(max = 4000) String text) {
}
