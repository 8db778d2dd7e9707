package fr.passerelle.referral.service;

import fr.passerelle.referral.domain.ReferralStatus;
import fr.passerelle.referral.repository.BacklogRepository;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.jboss.logging.Logger;

/**
 * Business gauges on /q/metrics: referrals by status, the outbox's lag, the webhook and mail queues. Counted from the
 * database every {@code referral.metrics.refresh} (not at scrape time: a scrape must not wait on SQL), so every
 * instance reports the same figures: aggregate them with max, not sum.
 */
@ApplicationScoped
public class BacklogGauges {

    private static final Logger LOG = Logger.getLogger(BacklogGauges.class);

    @Inject
    BacklogRepository backlog;
    @Inject
    MeterRegistry registry;

    private final Map<ReferralStatus, AtomicLong> referrals = new EnumMap<>(ReferralStatus.class);
    private final AtomicLong outboxPending = new AtomicLong();
    private final AtomicLong outboxOldestAgeMillis = new AtomicLong();
    private final AtomicLong webhookDeliveriesPending = new AtomicLong();
    private final AtomicLong mailPending = new AtomicLong();

    void register(@Observes StartupEvent start) {
        for (ReferralStatus status : ReferralStatus.values()) {
            AtomicLong count = referrals.computeIfAbsent(status, s -> new AtomicLong());
            Gauge.builder("referrals", count, AtomicLong::get).tag("status", status.name())
                    .description("Referrals in this status").register(registry);
        }
        Gauge.builder("outbox.pending.events", outboxPending, AtomicLong::get)
                .description("Outbox events not yet relayed to webhooks and e-mail").register(registry);
        Gauge.builder("outbox.oldest.pending.age", outboxOldestAgeMillis, a -> a.get() / 1000.0).baseUnit("seconds")
                .description("Age of the oldest outbox event not yet relayed (0 when none waits)").register(registry);
        Gauge.builder("webhook.deliveries.pending", webhookDeliveriesPending, AtomicLong::get)
                .description("Webhook deliveries waiting for a first attempt or a retry").register(registry);
        Gauge.builder("mail.messages.pending", mailPending, AtomicLong::get)
                .description("E-mail messages waiting to be sent or retried").register(registry);
        refreshSafely();
    }

    @Scheduled(identity = "referral-backlog-gauges", every = "${referral.metrics.refresh:60s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        refreshSafely();
    }

    /** Counts again now (tests call it before reading /q/metrics). */
    public void refresh() {
        QuarkusTransaction.requiringNew().run(() -> {
            backlog.referralsByStatus().forEach((status, count) -> referrals.get(status).set(count));
            BacklogRepository.OutboxLag lag = backlog.outboxLag();
            outboxPending.set(lag.pending());
            outboxOldestAgeMillis.set(Math.round(lag.oldestAgeSeconds() * 1000));
            webhookDeliveriesPending.set(backlog.pendingWebhookDeliveries());
            mailPending.set(backlog.pendingMail());
        });
    }

    private void refreshSafely() {
        try {
            refresh();
        } catch (RuntimeException e) {
            // The class only, as elsewhere: a message may quote a value. The gauges keep their last figures.
            LOG.warnf("backlog gauges not refreshed (%s)", e.getClass().getName());
        }
    }
}
