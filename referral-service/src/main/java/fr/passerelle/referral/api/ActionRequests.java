package fr.passerelle.referral.api;

import fr.passerelle.common.json.MultilineText;
import fr.passerelle.referral.domain.CancelReason;
import fr.passerelle.referral.domain.DeclineReason;
import fr.passerelle.referral.domain.Outcome;
import fr.passerelle.referral.domain.OutcomeMilestone;
import fr.passerelle.referral.domain.Urgency;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Bodies of the lifecycle actions. */
public final class ActionRequests {

    private ActionRequests() {
    }

    @Schema(name = "AcceptRequest", description = "commissionDate is required when the programme admits by CTO or departmental commission.")
    public record Accept(@Schema(examples = "2026-12-03") LocalDate commissionDate,
                         @MultilineText @Size(max = 2000) String comment) {
    }

    @Schema(name = "WaitlistRequest", description = "commissionDate is required when the programme admits by CTO or departmental commission.")
    public record Waitlist(LocalDate commissionDate, @MultilineText @Size(max = 2000) String comment) {
    }

    @Schema(name = "DeclineRequest")
    public record Decline(@Schema(examples = "NO_PLACE") @NotNull DeclineReason reason,
                          LocalDate commissionDate,
                          @MultilineText @Size(max = 2000) String comment) {
    }

    @Schema(name = "StartRequest", description = "The first day of support: not before submission, not after today.")
    public record Start(@Schema(examples = "2026-12-07") @NotNull LocalDate startDate) {
    }

    @Schema(name = "CompleteRequest")
    public record Complete(@Schema(examples = "APPRENTICESHIP") @NotNull Outcome outcome,
                           @Schema(description = "Default today; not before the start date.") LocalDate outcomeDate,
                           @MultilineText @Size(max = 2000) String comment) {
    }

    @Schema(name = "OutcomeFollowUpRequest", description = "The young person's situation at a milestone after completion.")
    public record OutcomeFollowUp(@Schema(examples = "SIX_MONTHS") @NotNull OutcomeMilestone milestone,
                                  @Schema(examples = "EMPLOYMENT", description = "The situation, with the outcome codes.")
                                  @NotNull Outcome situation,
                                  @Schema(description = "Optional note, shown with the referral to those who see it; never"
                                          + " sent in events or e-mails.") @MultilineText @Size(max = 2000) String note) {
    }

    @Schema(name = "CancelRequest", description = "reason is required once the referral has been submitted.")
    public record Cancel(@Schema(examples = "NO_LONGER_NEEDED") CancelReason reason, @MultilineText @Size(max = 2000) String comment) {
    }

    @Schema(name = "RedirectRequest", description = "Redirect a referral received by the platform to a programme of one of its member organisations.")
    public record Redirect(@NotNull UUID programmeId,
                           Urgency urgency,
                           @Schema(description = "Context for the programme; default: the original referral's.") @MultilineText @Size(max = 4000) String context,
                           @MultilineText @Size(max = 1000) String eligibilityOverrideReason,
                           @MultilineText @Size(max = 2000) String comment) {
    }
}
