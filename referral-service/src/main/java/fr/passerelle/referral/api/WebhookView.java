package fr.passerelle.referral.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(description = "A webhook subscription of the caller's organisation or platform. Members without a value are absent.",
        requiredProperties = {"id", "url", "events", "enabled", "ownerAttachment", "createdAt"})
public record WebhookView(
        UUID id,
        @Schema(examples = "https://si.partenaire.example/passerelle/webhooks") String url,
        @Schema(examples = "[\"referral.submitted\"]") List<String> events,
        String description,
        @Schema(description = "false once disabled after failing past its retry window.") boolean enabled,
        @Schema(description = "When it was disabled; absent while enabled.") Instant disabledAt,
        @Schema(description = "Why it was disabled; absent while enabled.", examples = "Delivery … still failing 24 h after its first attempt (12 attempts).") String disabledReason,
        @Schema(description = "organisation:<uuid> or platform:<uuid>: every member of the attachment manages it.",
                examples = "organisation:8a1e2b3c-4d5e-4f60-8718-293a4b5c6d7e") String ownerAttachment,
        Instant createdAt,
        @JsonInclude(JsonInclude.Include.NON_NULL)
        @Schema(description = "The signing secret, whsec_ + base64 of 32 bytes: in the creation answer only, never again.",
                examples = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw8GZsoVc2Ik0=") String secret) {
}
