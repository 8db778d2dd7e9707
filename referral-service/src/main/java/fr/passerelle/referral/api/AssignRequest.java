package fr.passerelle.referral.api;

import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "AssignRequest", description = "The colleague to assign the referral to, by their Keycloak user id (the sub of"
        + " their tokens); null or absent unassigns it.")
public record AssignRequest(
        @Schema(nullable = true, maxLength = 100, examples = "5b1f7c2e-8d4a-4f3b-9e6c-2a7d0f1e3b48") @Size(max = 100) String assigneeId) {
}
