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
import fr.passerelle.referral.domain.OutcomeMilestone;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(description = "A referral as the caller may see it, with the actions the caller may take now. Members without a value"
        + " are absent.", requiredProperties = {"id", "caseId", "status", "targetType", "targetId", "reason", "urgency", "createdAt",
        "updatedAt", "overdue", "allowedActions"})
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
        @Schema(description = ReferralView.DUE_AT, examples = "2026-11-27T22:59:59Z") Instant dueAt,
        @Schema(description = ReferralView.OVERDUE) boolean overdue,
        PupilSummary pupil,
        @Schema(description = "The colleague of the responsible party who handles it (Keycloak user id);"
                + " absent when unassigned. See POST /referrals/{id}/assign.", examples = "5b1f7c2e-8d4a-4f3b-9e6c-2a7d0f1e3b48")
        String assigneeId,
        @Schema(description = "When it was assigned; absent when unassigned.") Instant assignedAt,
        @Schema(description = "Lifecycle actions the caller may take from the current state.") Set<LifecycleAction> allowedActions,
        @Schema(description = "The situations recorded 6 and 12 months after completion; absent when none is.")
        List<OutcomeFollowUp> outcomeFollowUps,
        @Schema(description = "The follow-up milestone due now and not recorded yet (from the Paris date of completion plus"
                + " 6 or 12 months); absent when none is. The completing organisation records it with POST"
                + " /referrals/{id}/outcome-follow-ups.", examples = "SIX_MONTHS") OutcomeMilestone outcomeFollowUpDue) {

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "OutcomeFollowUp", requiredProperties = {"milestone", "situation", "positiveExit", "recordedAt"})
    public record OutcomeFollowUp(@Schema(examples = "SIX_MONTHS") OutcomeMilestone milestone,
                                  @Schema(examples = "EMPLOYMENT") Outcome situation, boolean positiveExit,
                                  Instant recordedAt, String note) {
    }

    public static final String DUE_AT = "When the referral's current deadline ends (the end of the due day, 23:59:59 Europe/Paris); absent in states "
                + "without one. Deadlines per platform, defaults: SUBMITTED: received within 5 working days of submittedAt; "
                + "RECEIVED: decided (accepted, waitlisted, declined or redirected) within 10 working days of receivedAt; "
                + "WAITLISTED: reviewed every 30 calendar days from waitlistedAt or the last review (a follow-up entry by "
                + "whoever may take the young person off the list); ACCEPTED: started within 30 calendar days of acceptedAt. "
                + "Days are French dates, the day of entry not counted; working days exclude weekends and the 11 national "
                + "public holidays (Easter Monday, Ascension and Whit Monday computed; Alsace-Moselle's local days not "
                + "excluded). When it passes, referral.overdue is announced once for that stage and due date.";
    public static final String OVERDUE = "True once dueAt has passed (the referral waits beyond its deadline).";

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(description = "Who the referral is about (absent after retention).")
    public record PupilSummary(String firstName, String lastName, LocalDate birthDate, SchoolLevel schoolLevel,
                               String homeCommuneCode) {
    }
}
