package fr.passerelle.referral.repository;

import fr.passerelle.referral.domain.AccessScope;
import fr.passerelle.referral.domain.DeadlineStage;
import fr.passerelle.referral.domain.PupilCase;
import fr.passerelle.referral.domain.Referral;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The deadline job's queries. Rows are taken with {@code for update skip locked}: a referral in the middle of a
 * transition is left for the next pass, and the markers written here are re-checked under the row lock, so a row is
 * announced once even if two passes overlap. Markers are written with plain SQL: they do not change the referral's
 * version (its ETag), which only the parties' actions move.
 */
@ApplicationScoped
public class DeadlineRepository {

    @Inject
    EntityManager em;

    /** Takes the cluster-wide deadline-job lock for this transaction; false when another instance holds it. */
    public boolean tryJobLock() {
        Object got = em.createNativeQuery("select pg_try_advisory_xact_lock(hashtext('referral-deadlines'))").getSingleResult();
        return Boolean.TRUE.equals(got);
    }

    /** Waiting referrals with no deadline stamped yet (rows older than V8). */
    @SuppressWarnings("unchecked")
    public List<Referral> unstamped(int limit, AccessScope scope) {
        requireEverything(scope);
        return em.createNativeQuery("select r.* from referral r where r.deadline_stage is null"
                        + " and r.status in ('SUBMITTED', 'RECEIVED', 'WAITLISTED', 'ACCEPTED')"
                        + " order by r.id limit :limit for update skip locked", Referral.class)
                .setParameter("limit", limit).getResultList();
    }

    public void stamp(UUID referralId, DeadlineStage stage, Instant dueAt) {
        em.createNativeQuery("update referral set deadline_stage = :stage, due_at = :due where id = :id")
                .setParameter("stage", stage == null ? null : stage.name()).setParameter("due", dueAt)
                .setParameter("id", referralId).executeUpdate();
    }

    /** Records a waiting-list review, only while the referral is still WAITLISTED. */
    public void recordWaitlistReview(UUID referralId, Instant reviewedAt, DeadlineStage stage, Instant dueAt) {
        em.createNativeQuery("update referral set waitlist_reviewed_at = :at, deadline_stage = :stage, due_at = :due"
                        + " where id = :id and status = 'WAITLISTED'")
                .setParameter("at", reviewedAt).setParameter("stage", stage == null ? null : stage.name())
                .setParameter("due", dueAt).setParameter("id", referralId).executeUpdate();
    }

    /** Referrals past their deadline whose current stage and due date have not been announced, oldest deadline first. */
    @SuppressWarnings("unchecked")
    public List<Referral> overdueUnannounced(Instant now, int limit, AccessScope scope) {
        requireEverything(scope);
        // The predicate of ix_referral_due_unannounced, written the same way so the planner matches the partial index.
        return em.createNativeQuery("select r.* from referral r where r.due_at is not null"
                        + " and (r.overdue_announced_due_at is distinct from r.due_at"
                        + " or r.overdue_announced_stage is distinct from r.deadline_stage)"
                        + " and r.due_at < :now"
                        + " order by r.due_at, r.id limit :limit for update skip locked", Referral.class)
                .setParameter("now", now).setParameter("limit", limit).getResultList();
    }

    /**
     * Completed referrals to a programme with an outcome follow-up milestone due by {@code today} (the Paris date of
     * completion plus 6 or 12 months: PostgreSQL's month arithmetic clamps the month's end as java.time does) whose
     * organisation has not been asked yet and that is not recorded yet.
     */
    @SuppressWarnings("unchecked")
    public List<Referral> followUpsToAsk(LocalDate today, int limit, AccessScope scope) {
        requireEverything(scope);
        String completedOn = "cast(r.completed_at at time zone 'Europe/Paris' as date)";
        return em.createNativeQuery("select r.* from referral r where r.status = 'COMPLETED' and r.target_type = 'PROGRAMME'"
                        + " and (r.six_month_asked_at is null or r.twelve_month_asked_at is null)"
                        + " and ((r.six_month_asked_at is null and r.six_month_situation is null"
                        + "       and cast(" + completedOn + " + interval '6 months' as date) <= :today)"
                        + "   or (r.twelve_month_asked_at is null and r.twelve_month_situation is null"
                        + "       and cast(" + completedOn + " + interval '12 months' as date) <= :today))"
                        + " order by r.completed_at, r.id limit :limit for update skip locked", Referral.class)
                .setParameter("today", today).setParameter("limit", limit).getResultList();
    }

    /** The organisation was asked for this milestone's follow-up (or it no longer needs asking). */
    public void markFollowUpAsked(UUID referralId, boolean sixMonths, Instant now) {
        em.createNativeQuery("update referral set " + (sixMonths ? "six_month_asked_at" : "twelve_month_asked_at")
                + " = :now where id = :id").setParameter("now", now).setParameter("id", referralId).executeUpdate();
    }

    public void markAnnounced(UUID referralId, DeadlineStage stage, Instant dueAt) {
        em.createNativeQuery("update referral set overdue_announced_stage = :stage, overdue_announced_due_at = :due where id = :id")
                .setParameter("stage", stage.name()).setParameter("due", dueAt).setParameter("id", referralId).executeUpdate();
    }

    /**
     * Open LEFT_SCHOOL cases opened at or before {@code openedBefore}, of a young person born in
     * ({@code bornAfter}, {@code bornOnOrBefore}], not alerted yet, with no referral ACCEPTED or IN_PROGRESS.
     */
    @SuppressWarnings("unchecked")
    public List<PupilCase> trainingAlertCandidates(Instant openedBefore, LocalDate bornAfter, LocalDate bornOnOrBefore, int limit,
                                                   AccessScope scope) {
        requireEverything(scope);
        return em.createNativeQuery("select c.* from pupil_case c where c.status = 'OPEN' and c.schooling_status = 'LEFT_SCHOOL'"
                        + " and c.training_alert_at is null and c.created_at <= :openedBefore"
                        + " and c.birth_date > :bornAfter and c.birth_date <= :bornOnOrBefore"
                        + " and not exists (select 1 from referral r where r.case_id = c.id and r.status in ('ACCEPTED', 'IN_PROGRESS'))"
                        + " order by c.created_at, c.id limit :limit for update of c skip locked", PupilCase.class)
                .setParameter("openedBefore", openedBefore).setParameter("bornAfter", bornAfter)
                .setParameter("bornOnOrBefore", bornOnOrBefore).setParameter("limit", limit).getResultList();
    }

    /** The platform coordinating the case's most recent referral that has one. */
    public Optional<UUID> latestTriagePlatform(UUID caseId) {
        @SuppressWarnings("unchecked")
        List<Object> ids = em.createNativeQuery("select coalesce(r.triage_platform_id, case when r.target_type = 'PLATFORM'"
                        + " then r.target_id end) from referral r where r.case_id = :caseId"
                        + " and (r.triage_platform_id is not null or r.target_type = 'PLATFORM')"
                        + " order by r.created_at desc, r.id desc limit 1")
                .setParameter("caseId", caseId).getResultList();
        return ids.stream().findFirst().map(o -> o instanceof UUID u ? u : UUID.fromString(o.toString()));
    }

    /** The job works across every attachment: it must say so (AccessScope.everything, with its reason). */
    private static void requireEverything(AccessScope scope) {
        if (scope.kind() != AccessScope.Kind.EVERYTHING) {
            throw new IllegalArgumentException("the deadline job's queries take the unrestricted scope only");
        }
    }

    public void markTrainingAlert(UUID caseId, Instant now) {
        em.createNativeQuery("update pupil_case set training_alert_at = :now where id = :id")
                .setParameter("now", now).setParameter("id", caseId).executeUpdate();
    }
}
