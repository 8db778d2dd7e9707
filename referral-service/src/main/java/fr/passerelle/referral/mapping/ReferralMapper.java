package fr.passerelle.referral.mapping;

import fr.passerelle.referral.api.ReferralView;
import fr.passerelle.referral.api.TriageItem;
import fr.passerelle.referral.domain.DeadlinePolicy;
import fr.passerelle.referral.domain.OutcomeMilestone;
import fr.passerelle.referral.domain.LifecycleAction;
import fr.passerelle.referral.domain.PupilCase;
import fr.passerelle.referral.domain.Referral;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;

/** Referral entity to its views. */
public final class ReferralMapper {

    private ReferralMapper() {
    }

    /** {@code now}: the instant {@code overdue} is judged at. */
    public static ReferralView view(Referral r, Set<LifecycleAction> allowedActions, Instant now) {
        return new ReferralView(r.id, r.caseId, r.parentId, r.redirectedToId, r.status, r.targetType, r.targetId, r.targetName,
                r.targetOrganisationId, r.targetAdmissionMode, r.triagePlatformId, r.originUai, r.originPlatform, r.reason,
                r.urgency, r.context, r.eligibilityOverrideReason,
                r.eligibilityMismatches == null || r.eligibilityMismatches.isEmpty() ? null : r.eligibilityMismatches,
                r.commissionDate, r.declineReason, r.startDate, r.outcome, r.outcome == null ? null : r.outcome.positiveExit(),
                r.outcomeDate, r.cancelReason, r.createdAt, r.updatedAt, r.submittedAt, r.receivedAt, r.acceptedAt,
                r.completedAt, r.cancelledAt, r.dueAt, DeadlinePolicy.overdue(r.dueAt, now), pupil(r.pupilCase), r.assigneeId,
                r.assignedAt, allowedActions, followUps(r),
                OutcomeMilestone.due(r, now.atZone(DeadlinePolicy.PARIS).toLocalDate()));
    }

    private static java.util.List<ReferralView.OutcomeFollowUp> followUps(Referral r) {
        java.util.List<ReferralView.OutcomeFollowUp> out = new java.util.ArrayList<>();
        if (r.sixMonthSituation != null) {
            out.add(new ReferralView.OutcomeFollowUp(OutcomeMilestone.SIX_MONTHS, r.sixMonthSituation,
                    r.sixMonthSituation.positiveExit(), r.sixMonthRecordedAt, r.sixMonthNote));
        }
        if (r.twelveMonthSituation != null) {
            out.add(new ReferralView.OutcomeFollowUp(OutcomeMilestone.TWELVE_MONTHS, r.twelveMonthSituation,
                    r.twelveMonthSituation.positiveExit(), r.twelveMonthRecordedAt, r.twelveMonthNote));
        }
        return out.isEmpty() ? null : out;
    }

    public static TriageItem triage(Referral r, Instant now) {
        long waiting = r.submittedAt == null ? 0 : Math.max(0, Duration.between(r.submittedAt, now).toHours());
        return new TriageItem(r.id, r.caseId, r.status, r.urgency, r.reason, r.targetType, r.targetId, r.targetName,
                r.targetAdmissionMode, r.originUai, r.originPlatform, r.submittedAt, waiting, r.dueAt, DeadlinePolicy.overdue(r.dueAt, now),
                pupil(r.pupilCase), r.assigneeId);
    }

    static ReferralView.PupilSummary pupil(PupilCase c) {
        if (c == null || c.anonymisedAt != null) {
            return null;
        }
        return new ReferralView.PupilSummary(c.firstName, c.lastName, c.birthDate, c.schoolLevel, c.homeCommuneCode);
    }
}
