package fr.passerelle.referral.domain;

import fr.passerelle.common.codes.AdmissionMode;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A request to a platform or a programme to take the young person on. What the directory said about
 * the target when the referral was filed (organisation, admission mode, triage platform) is kept here,
 * so that access decisions and reads never depend on the directory being up.
 */
@Entity
@Table(name = "referral")
public class Referral extends PanacheEntityBase {

    @Id
    public UUID id;
    @Version
    public long version;
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "case_id")
    public PupilCase pupilCase;
    @Column(name = "case_id", insertable = false, updatable = false)
    public UUID caseId;
    @Column(name = "parent_id")
    public UUID parentId;
    @Column(name = "redirected_to_id")
    public UUID redirectedToId;
    @Enumerated(EnumType.STRING)
    public ReferralStatus status;

    @Enumerated(EnumType.STRING)
    @Column(name = "target_type")
    public TargetType targetType;
    @Column(name = "target_id")
    public UUID targetId;
    @Column(name = "target_name")
    public String targetName;
    @Column(name = "target_organisation_id")
    public UUID targetOrganisationId;
    @Enumerated(EnumType.STRING)
    @Column(name = "target_admission_mode")
    public AdmissionMode targetAdmissionMode;
    /** The PSAD platform that coordinates this referral: the target platform, or the platform whose territory holds the home commune. */
    @Column(name = "triage_platform_id")
    public UUID triagePlatformId;

    @Column(name = "origin_uai")
    public String originUai;
    @Column(name = "origin_platform")
    public UUID originPlatform;
    @Column(name = "created_by")
    public String createdBy;

    @Enumerated(EnumType.STRING)
    public ReferralReason reason;
    @Enumerated(EnumType.STRING)
    public Urgency urgency;
    public short priority;
    @Column(columnDefinition = "text")
    public String context;
    @Column(name = "eligibility_override_reason", columnDefinition = "text")
    public String eligibilityOverrideReason;
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "eligibility_mismatches")
    public List<String> eligibilityMismatches;

    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "updated_at")
    public Instant updatedAt;
    @Column(name = "submitted_at")
    public Instant submittedAt;
    @Column(name = "received_at")
    public Instant receivedAt;
    @Column(name = "accepted_at")
    public Instant acceptedAt;
    @Column(name = "waitlisted_at")
    public Instant waitlistedAt;
    @Column(name = "declined_at")
    public Instant declinedAt;
    @Column(name = "commission_date")
    public LocalDate commissionDate;
    @Enumerated(EnumType.STRING)
    @Column(name = "decline_reason")
    public DeclineReason declineReason;
    @Column(name = "start_date")
    public LocalDate startDate;
    @Enumerated(EnumType.STRING)
    public Outcome outcome;
    @Column(name = "outcome_date")
    public LocalDate outcomeDate;
    @Column(name = "completed_at")
    public Instant completedAt;
    /** The situation the completing organisation recorded 6 and 12 months after completion (OutcomeMilestone). */
    @Enumerated(EnumType.STRING)
    @Column(name = "six_month_situation")
    public Outcome sixMonthSituation;
    @Column(name = "six_month_note", columnDefinition = "text")
    public String sixMonthNote;
    @Column(name = "six_month_recorded_at")
    public Instant sixMonthRecordedAt;
    @Enumerated(EnumType.STRING)
    @Column(name = "twelve_month_situation")
    public Outcome twelveMonthSituation;
    @Column(name = "twelve_month_note", columnDefinition = "text")
    public String twelveMonthNote;
    @Column(name = "twelve_month_recorded_at")
    public Instant twelveMonthRecordedAt;
    @Column(name = "six_month_asked_at")
    public Instant sixMonthAskedAt;
    @Column(name = "twelve_month_asked_at")
    public Instant twelveMonthAskedAt;
    @Enumerated(EnumType.STRING)
    @Column(name = "cancel_reason")
    public CancelReason cancelReason;
    @Column(name = "cancelled_at")
    public Instant cancelledAt;
    /** The last review of a WAITLISTED referral (a follow-up entry): the waiting-list deadline restarts from it. */
    @Column(name = "waitlist_reviewed_at")
    public Instant waitlistReviewedAt;
    /** The running deadline ({@link DeadlinePolicy}), stamped at each transition; null in states without one. */
    @Enumerated(EnumType.STRING)
    @Column(name = "deadline_stage")
    public DeadlineStage deadlineStage;
    @Column(name = "due_at")
    public Instant dueAt;

    /** The named colleague of the responsible party who handles it: a Keycloak user id (staff, not pupil data). */
    @Column(name = "assignee_id")
    public String assigneeId;
    @Column(name = "assigned_at")
    public Instant assignedAt;
    /** Who assigned it (the caller's sub). */
    @Column(name = "assigned_by")
    public String assignedBy;
    /** The assignee's party (attachment {@code uai:…}, {@code platform:…} or {@code organisation:…}). */
    @Column(name = "assignee_party")
    public String assigneeParty;

    /** Whether the target has accepted the young person at some point (guardian contact becomes visible). */
    public boolean everAccepted() {
        return acceptedAt != null;
    }

    public boolean commissionAdmission() {
        return targetAdmissionMode == AdmissionMode.CTO || targetAdmissionMode == AdmissionMode.DEPARTMENTAL_COMMISSION;
    }

    public Outcome followUpSituation(OutcomeMilestone m) {
        return m == OutcomeMilestone.SIX_MONTHS ? sixMonthSituation : twelveMonthSituation;
    }

    /** Records the situation at a milestone (the caller has checked it is due and not recorded). */
    public void recordFollowUp(OutcomeMilestone m, Outcome situation, String note, Instant at) {
        if (m == OutcomeMilestone.SIX_MONTHS) {
            sixMonthSituation = situation;
            sixMonthNote = note;
            sixMonthRecordedAt = at;
        } else {
            twelveMonthSituation = situation;
            twelveMonthNote = note;
            twelveMonthRecordedAt = at;
        }
    }
}
