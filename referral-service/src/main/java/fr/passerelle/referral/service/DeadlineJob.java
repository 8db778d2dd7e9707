package fr.passerelle.referral.service;

import fr.passerelle.common.codes.SchoolingStatus;
import fr.passerelle.common.time.ClockProducer;
import fr.passerelle.referral.config.ReferralConfig;
import fr.passerelle.referral.domain.AccessScope;
import fr.passerelle.referral.domain.AuditOperation;
import fr.passerelle.referral.domain.DeadlinePolicy;
import fr.passerelle.referral.domain.EventType;
import fr.passerelle.referral.domain.OutcomeMilestone;
import fr.passerelle.referral.domain.PupilCase;
import fr.passerelle.referral.domain.Referral;
import fr.passerelle.referral.domain.TargetType;
import fr.passerelle.referral.domain.TrainingObligation;
import fr.passerelle.referral.repository.DeadlineRepository;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * Announces what waits too long: {@code referral.overdue} once per referral, stage and due date (the e-mail side sends
 * the reminder to the responsible party and the escalation to the platform coordinator from it), and
 * {@code case.training_obligation_alert} once per case. Each batch is one transaction under a cluster-wide advisory
 * lock; the per-row markers, re-checked under the row lock, keep an announcement single even if two passes overlap.
 */
@ApplicationScoped
public class DeadlineJob {

    private static final Logger LOG = Logger.getLogger(DeadlineJob.class);

    public record Report(int stamped, int overdueAnnounced, int trainingAlerts, int followUpsAsked) {
    }

    @Inject
    DeadlineRepository repository;
    @Inject
    Deadlines deadlines;
    @Inject
    Outbox outbox;
    @Inject
    Timeline timeline;
    @Inject
    AuditTrail audit;
    @Inject
    ReferralConfig config;
    @Inject
    Clock clock;

    @Scheduled(identity = "referral-deadlines", every = "${referral.deadlines.every}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        try {
            Report report = run();
            if (report.stamped() + report.overdueAnnounced() + report.trainingAlerts() + report.followUpsAsked() > 0) {
                LOG.infof("deadlines: %d referral(s) stamped, %d overdue announced, %d training-obligation alert(s),"
                        + " %d outcome follow-up(s) asked", report.stamped(), report.overdueAnnounced(), report.trainingAlerts(),
                        report.followUpsAsked());
            }
        } catch (RuntimeException e) {
            // The class only: a message may quote a value.
            LOG.warnf("deadline job pass failed (%s); the next pass takes over", e.getClass().getName());
        }
    }

    /** One pass: stamps unstamped referrals, announces overdue ones, raises training-obligation alerts. */
    public Report run() {
        Instant now = clock.instant();
        int stamped = batches(this::stampBatch);
        int overdue = batches(() -> overdueBatch(now));
        int alerts = batches(() -> trainingBatch(now));
        int followUps = batches(() -> followUpBatch(now));
        return new Report(stamped, overdue, alerts, followUps);
    }

    /** Runs batches, each in its own transaction under the job lock, until one is short (or the lock is taken). */
    private int batches(Supplier<Integer> batch) {
        int total = 0;
        while (true) {
            Integer done = QuarkusTransaction.requiringNew().call(() -> repository.tryJobLock() ? batch.get() : -1);
            if (done <= 0) {
                return total;
            }
            total += done;
            if (done < config.deadlines().batchSize()) {
                return total;
            }
        }
    }

    /** Stamps a batch; returns how many got a deadline (a short count ends the loop: rows missing their timestamp stay). */
    private int stampBatch() {
        int stamped = 0;
        for (Referral r : repository.unstamped(config.deadlines().batchSize(),
                AccessScope.everything("the deadline job stamps every waiting referral"))) {
            Optional<DeadlinePolicy.Deadline> d = deadlines.of(r);
            if (d.isPresent()) {
                repository.stamp(r.id, d.get().stage(), d.get().dueAt());
                stamped++;
            }
        }
        return stamped;
    }

    private int overdueBatch(Instant now) {
        List<Referral> rows = repository.overdueUnannounced(now, config.deadlines().batchSize(),
                AccessScope.everything("the deadline job announces every overdue referral"));
        for (Referral r : rows) {
            UUID escalatedTo = DeadlinePolicy.platformOf(r);
            boolean platformTarget = r.targetType == TargetType.PLATFORM;
            Instant overdueSince = DeadlinePolicy.overdueSince(r.dueAt);
            outbox.referral(EventType.REFERRAL_OVERDUE, r, null,
                    "stage", r.deadlineStage,
                    "dueAt", r.dueAt.toString(),
                    "overdueSince", overdueSince.toString(),
                    "responsiblePartyType", platformTarget ? "PLATFORM" : "ORGANISATION",
                    "responsiblePartyId", platformTarget ? r.targetId : r.targetOrganisationId,
                    "escalatedTo", escalatedTo);
            timeline.systemReferralEvent(r, "REFERRAL_OVERDUE", Timeline.payload(
                    "stage", r.deadlineStage, "dueAt", r.dueAt.toString(), "escalatedTo", escalatedTo));
            repository.markAnnounced(r.id, r.deadlineStage, r.dueAt);
        }
        return rows.size();
    }

    /**
     * Asks the organisation that completed a referral for the young person's situation once a milestone (6, 12 months)
     * falls due: one referral.outcome_follow_up_due event per referral and milestone (its e-mail goes to the
     * organisation's functional mailbox, with codes and a reference only), a timeline event, and the marker.
     */
    private int followUpBatch(Instant now) {
        LocalDate today = LocalDate.ofInstant(now, ClockProducer.PARIS);
        List<Referral> rows = repository.followUpsToAsk(today, config.deadlines().batchSize(),
                AccessScope.everything("the deadline job asks for every outcome follow-up that falls due"));
        for (Referral r : rows) {
            for (OutcomeMilestone m : OutcomeMilestone.values()) {
                boolean six = m == OutcomeMilestone.SIX_MONTHS;
                Instant asked = six ? r.sixMonthAskedAt : r.twelveMonthAskedAt;
                LocalDate dueOn = m.dueOn(r.completedAt);
                if (asked != null || today.isBefore(dueOn)) {
                    continue;
                }
                if (r.followUpSituation(m) == null) {
                    outbox.referral(EventType.REFERRAL_OUTCOME_FOLLOW_UP_DUE, r, null, "milestone", m.name(), "dueOn", dueOn.toString());
                    timeline.systemReferralEvent(r, "REFERRAL_OUTCOME_FOLLOW_UP_DUE",
                            Timeline.payload("milestone", m.name(), "dueOn", dueOn.toString()));
                }
                repository.markFollowUpAsked(r.id, six, now);
            }
        }
        return rows.size();
    }

    private int trainingBatch(Instant now) {
        LocalDate today = LocalDate.ofInstant(now, ClockProducer.PARIS);
        Instant openedBefore = now.minus(config.deadlines().trainingAlertAfterDays(), ChronoUnit.DAYS);
        List<PupilCase> rows = repository.trainingAlertCandidates(openedBefore,
                TrainingObligation.bornAfter(today), TrainingObligation.bornOnOrBefore(today), config.deadlines().batchSize(),
                AccessScope.everything("the training-obligation alert watches every open LEFT_SCHOOL case"));
        List<UUID> alerted = new ArrayList<>();
        for (PupilCase c : rows) {
            if (c.schoolingStatus != SchoolingStatus.LEFT_SCHOOL || !TrainingObligation.covers(c.birthDate, today)) {
                continue; // the query's bounds and the rule agree (TrainingObligationProperties); a belt to the braces
            }
            UUID platform = c.originPlatform != null ? c.originPlatform : repository.latestTriagePlatform(c.id).orElse(null);
            outbox.pupilCase(EventType.CASE_TRAINING_OBLIGATION_ALERT, c,
                    "platformId", platform,
                    "schoolingStatus", c.schoolingStatus,
                    "ageBand", TrainingObligation.AGE_BAND,
                    "caseOpenedAt", c.createdAt.toString());
            timeline.systemCaseEvent(c.id, "TRAINING_OBLIGATION_ALERT", Timeline.payload(
                    "platformId", platform, "ageBand", TrainingObligation.AGE_BAND));
            repository.markTrainingAlert(c.id, now);
            alerted.add(c.id);
        }
        if (!alerted.isEmpty()) {
            audit.system(AuditOperation.TRAINING_OBLIGATION_ALERT, alerted);
        }
        return rows.size();
    }
}
