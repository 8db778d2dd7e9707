package fr.passerelle.referral.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(description = "One event queued for a subscription, with each HTTP attempt made. Members without a value are absent.",
        requiredProperties = {"id", "eventId", "eventType", "status", "createdAt", "attempts"})
public record WebhookDeliveryView(
        @Schema(description = "The delivery's id (for a manual retry).") UUID id,
        @Schema(description = "The event's id: the webhook-id header, the same at every attempt.") UUID eventId,
        @Schema(examples = "referral.submitted") String eventType,
        @Schema(description = "PENDING (waiting for an attempt), DELIVERED (a 2xx came back), ABANDONED (the subscription was"
                + " disabled).", enumeration = {"PENDING", "DELIVERED", "ABANDONED"}) String status,
        Instant createdAt,
        @Schema(description = "When the next attempt is due (PENDING only).") Instant nextAttemptAt,
        @Schema(description = "When a 2xx came back (DELIVERED only).") Instant deliveredAt,
        List<Attempt> attempts) {

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "WebhookAttempt", description = "One HTTP attempt. No body, no answer text. Members without a value are absent.",
            requiredProperties = {"attemptedAt", "durationMs", "outcome"})
    public record Attempt(
            Instant attemptedAt,
            @Schema(description = "The receiver's status code; absent when no answer came.", examples = "500")
            Integer statusCode,
            @Schema(examples = "87") int durationMs,
            @Schema(enumeration = {"DELIVERED", "HTTP_ERROR", "TIMEOUT", "CONNECTION_FAILED", "ADDRESS_REFUSED", "INTERNAL_ERROR"})
            String outcome,
            @Schema(description = "What failed, as a class or code (never a message); absent when the receiver answered.",
                    examples = "java.net.ConnectException") String errorClass) {
    }
}
