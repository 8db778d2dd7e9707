package fr.passerelle.referral.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import fr.passerelle.referral.domain.NotificationMode;
import java.time.Instant;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "NotificationPreferences", description = "Your e-mail notification choices. Someone who never saved any receives"
        + " nothing (OFF): only the functional mailboxes of the directory are told by default. Members without a value are absent.",
        requiredProperties = {"role", "attachment", "defaultMode", "events"})
public record NotificationPreferencesView(
        @Schema(description = "Where messages go: your account's address (the token's `email` claim); absent when it has none.",
                examples = "partner1@demo.passerelle.test") String email,
        @Schema(description = "The role the preferences were saved with.", examples = "partner") String role,
        @Schema(description = "The attachment that decides which referrals you are told about (as for reading them).",
                examples = "organisation:07a23e44-05c2-4269-8757-ada2582fb768") String attachment,
        @Schema(examples = "OFF") NotificationMode defaultMode,
        @Schema(description = "The mode of every event type (explicit choice or the default).") Map<String, NotificationMode> events,
        @Schema(description = "When they were last saved; absent when never.") Instant updatedAt) {
}
