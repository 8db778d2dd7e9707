package fr.passerelle.referral.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import fr.passerelle.referral.domain.FollowUpKind;
import fr.passerelle.referral.domain.Visibility;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(description = "One entry of a referral's follow-up log. Members without a value are absent.",
        requiredProperties = {"id", "referralId", "entryDate", "kind", "visibility", "authorRole", "authorAttachment", "createdAt"})
public record FollowUpView(UUID id, UUID referralId, LocalDate entryDate, FollowUpKind kind, Visibility visibility,
                           String text, String authorRole, String authorAttachment, Instant createdAt) {
}
