package fr.passerelle.referral.api;

import fr.passerelle.referral.domain.ReferralStatus;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "InboxSummary", description = "What needs the caller now, counted over the caller's own scope (no personal data).",
        requiredProperties = {"actionNeeded", "overdue", "byStatus"})
public record InboxSummary(
        @Schema(description = "Open referrals on which the caller can move the lifecycle forward now (cancelling excluded).",
                examples = "7") long actionNeeded,
        @Schema(description = "Of those, the ones whose deadline has passed.", examples = "2") long overdue,
        @Schema(description = "Open referrals of the caller's scope by status (every open status, 0 included).")
        Map<ReferralStatus, Long> byStatus) {
}
