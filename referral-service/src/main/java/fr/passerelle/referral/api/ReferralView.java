package fr.passerelle.referral.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import fr.passerelle.common.codes.AdmissionMode;
import fr.passerelle.referral.domain.CancelReason;
import fr.passerelle.referral.domain.DeclineReason;
import fr.passerelle.referral.domain.LifecycleAction;
import fr.passerelle.referral.domain.Outcome;
import fr.passerelle.referral.domain.ReferralReason;
import fr.passerelle.referral.domain.ReferralStatus;
import fr.passerelle.common.codes.SchoolLevel;
import fr.passerelle.referral.domain.TargetType;
import fr.passerelle.referral.domain.Urgency;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(description = "A referral as the caller may see it, with the actions the caller may take now.")
public record ReferralView(
        UUID id,
        UUID caseId,
        @Schema(description = "The referral this one was redirected from.") UUID parentId,
        @Schema(description = "The referral created by redirecting this one.") UUID redirectedToId,
        @Schema(examples = "SUBMITTED") ReferralStatus status,
        TargetType targetType,
        UUID targetId,
        String targetName,
        UUID targetOrganisationId,
        AdmissionMode targetAdmissionMode,
        UUID triagePlatformId,
        String originUai,
        UUID originPlatform,
        ReferralReason reason,
        Urgency urgency,
        String context,
        String eligibilityOverrideReason,
        @Schema(description = "Eligibility rules the young person did not fit when the referral was filed (codes).")
        List<String> eligibilityMismatches,
        LocalDate commissionDate,
        DeclineReason declineReason,
        LocalDate startDate,
        Outcome outcome,
        Boolean positiveExit,
        LocalDate outcomeDate,
        CancelReason cancelReason,
        Instant createdAt,
        Instant updatedAt,
        Instant submittedAt,
        Instant receivedAt,
        Instant acceptedAt,
        Instant completedAt,
        Instant cancelledAt,
        PupilSummary pupil,
        @Schema(nullable = true, description = "The colleague of the responsible party who handles it (Keycloak user id);"
                + " absent when unassigned. See POST /referrals/{id}/assign.", examples = "5b1f7c2e-8d4a-4f3b-9e6c-2a7d0f1e3b48")
        String assigneeId,
        @Schema(nullable = true, description = "When it was assigned.") Instant assignedAt,
        @Schema(description = "Lifecycle actions the caller may take from the current state.") Set<LifecycleAction> allowedActions) {

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(description = "Who the referral is about (absent after retention).")
    public record PupilSummary(String firstName, String lastName, LocalDate birthDate, SchoolLevel schoolLevel,
                               String homeCommuneCode) {
    }
}
