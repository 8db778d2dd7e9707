package fr.passerelle.referral.service;

import fr.passerelle.referral.config.ReferralConfig;
import fr.passerelle.referral.domain.AccessScope;
import fr.passerelle.referral.domain.AuditOperation;
import fr.passerelle.referral.domain.PupilCase;
import fr.passerelle.referral.repository.CaseRepository;
import fr.passerelle.referral.repository.IdempotencyRepository;
import fr.passerelle.referral.repository.RetentionRepository;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Erases the personal data of cases closed longer than {@code referral.retention.closed-case-period}:
 * identity and guardians on the case, referral context, follow-up text, timeline payloads, stored
 * idempotent answers. Statuses, targets, dates and outcomes stay, so statistics still add up.
 * Also forgets Idempotency-Keys past their lifetime. One instance at a time (advisory lock).
 */
@ApplicationScoped
public class RetentionJob {

    private static final Logger LOG = Logger.getLogger(RetentionJob.class);

    public record Report(int anonymisedCases, int expiredKeys) {
    }

    @Inject
    CaseRepository cases;
    @Inject
    RetentionRepository retention;
    @Inject
    IdempotencyRepository keys;
    @Inject
    AuditTrail audit;
    @Inject
    ReferralConfig config;
    @Inject
    Clock clock;

    @Scheduled(identity = "referral-retention", cron = "${referral.retention.cron}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        Report report = run();
        LOG.infof("retention: %d case(s) anonymised, %d expired idempotency key(s) removed",
                report.anonymisedCases(), report.expiredKeys());
    }

    public Report run() {
        Instant now = clock.instant();
        Instant closedBefore = now.minus(config.retention().closedCasePeriod());
        int batch = config.retention().batchSize();
        int total = 0;
        while (true) {
            Integer done = QuarkusTransaction.requiringNew().call(() -> {
                if (!retention.tryJobLock()) {
                    return -1;
                }
                List<UUID> ids = cases.closedBefore(closedBefore, batch,
                                AccessScope.everything("retention erases closed cases past their period"))
                        .stream().map((PupilCase c) -> c.id).toList();
                if (ids.isEmpty()) {
                    return 0;
                }
                retention.anonymise(ids, now);
                audit.system(AuditOperation.RETENTION_ANONYMISE, ids);
                return ids.size();
            });
            if (done <= 0) {
                break;
            }
            total += done;
            if (done < batch) {
                break;
            }
        }
        Integer expired = QuarkusTransaction.requiringNew().call(
                () -> keys.purgeCreatedBefore(now.minus(config.idempotency().ttl())));
        return new Report(total, expired);
    }
}
