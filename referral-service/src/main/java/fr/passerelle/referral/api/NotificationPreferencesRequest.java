package fr.passerelle.referral.api;

import fr.passerelle.referral.domain.NotificationMode;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "What to be told by e-mail. Event types not listed in `events` follow `defaultMode`. The address is the"
        + " one of your account (the token's `email` claim): `email` may be omitted, or sent back as read, but not changed here.")
public record NotificationPreferencesRequest(
        @Schema(description = "Read-only: omit it, or send back the value read (your account's address; null is accepted too).", nullable = true,
                examples = "partner1@demo.passerelle.test") String email,
        @Schema(description = "Mode of every event type not listed in `events`.", examples = "OFF") @NotNull NotificationMode defaultMode,
        @Schema(description = "Mode per event type (wire names, as in webhooks: `referral.submitted`…). An unknown type is refused (400).")
        @Size(max = 50) Map<String, NotificationMode> events) {
}
