package fr.passerelle.referral.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "A new webhook subscription.")
public record WebhookCreateRequest(
        @Schema(description = "The receiver: https, resolving to public addresses only. No credentials in it (the signature"
                + " authenticates the sender); a token in the query is kept but never logged.",
                examples = "https://si.partenaire.example/passerelle/webhooks", maxLength = 2000)
        @NotBlank @Size(max = 2000) String url,
        @Schema(description = "Event types (wire names, e.g. referral.submitted), or [\"*\"] for every type, present and future.",
                examples = "[\"referral.submitted\", \"referral.cancelled\"]")
        @NotNull @Size(min = 1, max = 30) List<@NotBlank @Size(max = 64) String> events,
        @Schema(description = "What the receiver is, for the owner's own use.", examples = "SI de l'association (production)",
                maxLength = 200)
        @Size(max = 200) String description) {
}
