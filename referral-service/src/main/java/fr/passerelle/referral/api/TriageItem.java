package fr.passerelle.referral.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import fr.passerelle.common.codes.AdmissionMode;
import fr.passerelle.referral.domain.ReferralReason;
import fr.passerelle.referral.domain.ReferralStatus;
import fr.passerelle.referral.domain.TargetType;
import fr.passerelle.referral.domain.Urgency;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(description = "A referral waiting in the platform's triage queue. Members without a value are absent.",
        requiredProperties = {"id", "caseId", "status", "urgency", "reason", "targetType", "targetId", "waitingHours", "overdue"})
public record TriageItem(UUID id, UUID caseId, ReferralStatus status, Urgency urgency, ReferralReason reason,
                         TargetType targetType, UUID targetId, String targetName, AdmissionMode targetAdmissionMode,
                         String originUai, UUID originPlatform, Instant submittedAt,
                         @Schema(description = "Hours since submission.", examples = "30") long waitingHours,
                         @Schema(description = ReferralView.DUE_AT, examples = "2026-11-27T22:59:59Z") Instant dueAt,
                         @Schema(description = ReferralView.OVERDUE) boolean overdue,
                         ReferralView.PupilSummary pupil,
                         @Schema(description = "The colleague who handles it (Keycloak user id); absent when unassigned.")
                         String assigneeId) {
}
