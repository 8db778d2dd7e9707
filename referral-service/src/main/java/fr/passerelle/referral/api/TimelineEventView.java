package fr.passerelle.referral.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import fr.passerelle.referral.domain.ReferralStatus;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(description = "One event of a case's timeline. A partner sees only the events of its own referrals. Members without"
        + " a value are absent.", requiredProperties = {"id", "type", "occurredAt"})
public record TimelineEventView(
        UUID id,
        UUID referralId,
        @Schema(examples = "REFERRAL_ACCEPTED") String type,
        ReferralStatus fromStatus,
        ReferralStatus toStatus,
        @Schema(examples = "partner") String actorRole,
        @Schema(examples = "organisation:7b0c…") String actorAttachment,
        Instant occurredAt,
        Map<String, Object> details) {
}
