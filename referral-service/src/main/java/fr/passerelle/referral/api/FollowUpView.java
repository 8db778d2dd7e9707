package fr.passerelle.referral.api;

import fr.passerelle.referral.domain.FollowUpKind;
import fr.passerelle.referral.domain.Visibility;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

public record FollowUpView(UUID id, UUID referralId, LocalDate entryDate, FollowUpKind kind, Visibility visibility,
                           String text, String authorRole, String authorAttachment, Instant createdAt) {
}
