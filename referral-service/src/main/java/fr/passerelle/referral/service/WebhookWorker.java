package fr.passerelle.referral.service;

import fr.passerelle.referral.client.WebhookSender;
import fr.passerelle.referral.config.ReferralConfig;
import fr.passerelle.referral.domain.WebhookAttempt;
import fr.passerelle.referral.domain.WebhookDelivery;
import fr.passerelle.referral.domain.WebhookSubscription;
import fr.passerelle.referral.repository.WebhookDeliveryRepository;
import fr.passerelle.referral.repository.WebhookRepository;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jboss.logging.Logger;

/**
 * Sends queued deliveries (see docs/adr/webhook-delivery-worker.md). A pass claims due deliveries under a lease
 * (short transaction, SKIP LOCKED: instances share the work, never one row), sends them concurrently without holding a
 * connection, then records each attempt in its own transaction. A stream's next delivery becomes due only once the
 * previous one is delivered, so per (subscription, referral) order holds across instances. Woken right after the
 * relay's commit that queued deliveries, and every {@code referral.webhooks.poll} besides (retries, other instances).
 */
@ApplicationScoped
public class WebhookWorker {

    private static final Logger LOG = Logger.getLogger(WebhookWorker.class);

    @Inject
    WebhookDeliveryRepository deliveries;
    @Inject
    WebhookRepository subscriptions;
    @Inject
    WebhookSecrets secrets;
    @Inject
    WebhookSender sender;
    @Inject
    ReferralConfig config;
    @Inject
    Clock clock;
    @Inject
    Event<WebhookDisabled> disabled;

    private AddressGuard guard;
    private ExecutorService senders;
    private final ExecutorService waker = Executors.newSingleThreadExecutor(r -> daemon(r, "webhook-worker"));
    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicBoolean again = new AtomicBoolean();

    @PostConstruct
    void init() {
        guard = new AddressGuard(config.webhooks().allowInsecureLoopback());
        senders = Executors.newFixedThreadPool(config.webhooks().concurrency(), r -> daemon(r, "webhook-sender"));
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }

    void afterRelayCommit(@Observes(during = TransactionPhase.AFTER_SUCCESS) WebhookFanOut.Queued queued) {
        wake();
    }

    /** Runs a pass soon, on the worker's thread (coalesced with a pass already running). */
    public void wake() {
        if (config.webhooks().enabled()) {
            waker.execute(this::workSafely);
        }
    }

    @Scheduled(identity = "referral-webhook-worker", every = "${referral.webhooks.poll:1s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP, skipExecutionIf = WorkerDisabled.class)
    void scheduled() {
        workSafely();
    }

    void stop(@Observes ShutdownEvent ev) {
        waker.shutdownNow();
        if (senders != null) {
            senders.shutdownNow();
        }
    }

    private void workSafely() {
        if (!running.compareAndSet(false, true)) {
            again.set(true);
            return;
        }
        try {
            do {
                again.set(false);
                work();
            } while (again.get());
        } catch (RuntimeException e) {
            LOG.warnf("webhook delivery pass failed (%s); deliveries stay queued", e.getClass().getName());
        } finally {
            running.set(false);
        }
    }

    /** Delivers until nothing is due. Returns the attempts made. */
    public int work() {
        int total = 0;
        int batch = Math.max(1, config.webhooks().concurrency() * 4);
        while (true) {
            Instant now = clock.instant();
            List<Long> claimed = QuarkusTransaction.requiringNew()
                    .call(() -> deliveries.claim(now, now.plus(config.webhooks().lease()), batch));
            if (claimed.isEmpty()) {
                return total;
            }
            List<Future<?>> running = new ArrayList<>();
            for (Long seq : claimed) {
                running.add(senders.submit(() -> attemptSafely(seq)));
            }
            for (Future<?> f : running) {
                try {
                    f.get();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return total;
                } catch (java.util.concurrent.ExecutionException e) {
                    // attemptSafely logs; the lease expires and another pass retries.
                }
            }
            total += claimed.size();
        }
    }

    private void attemptSafely(Long seq) {
        try {
            attempt(seq);
        } catch (RuntimeException e) {
            LOG.warnf("webhook delivery %d: attempt failed inside the service (%s); retried when its lease ends", seq,
                    e.getClass().getName());
        }
    }

    private record Prepared(WebhookDelivery delivery, String url, String secret) {
    }

    private void attempt(Long seq) {
        Prepared p = QuarkusTransaction.requiringNew().call(() -> {
            WebhookDelivery d = deliveries.findById(seq);
            WebhookSubscription s = d == null ? null : subscriptions.findById(d.subscriptionId);
            if (d == null || s == null || !s.enabled() || d.status != WebhookDelivery.Status.PENDING) {
                return null;
            }
            String secret = null;
            try {
                secret = secrets.open(s.secretSealed, s.id);
            } catch (RuntimeException e) {
                LOG.warnf("webhook subscription %s: the signing secret cannot be opened (%s)", s.id, e.getClass().getName());
            }
            return new Prepared(d, s.url, secret);
        });
        if (p == null) {
            return;
        }
        Instant started = clock.instant();
        WebhookSender.Result result;
        WebhookAttempt.Outcome outcome;
        Optional<AddressGuard.Refusal> refusal = guard.check(p.url());
        if (p.secret() == null) {
            result = new WebhookSender.Result(null, 0, null, "SecretUnavailable");
            outcome = WebhookAttempt.Outcome.INTERNAL_ERROR;
        } else if (refusal.isPresent()) {
            result = new WebhookSender.Result(null, 0, null, refusal.get().code());
            outcome = WebhookAttempt.Outcome.ADDRESS_REFUSED;
        } else {
            byte[] body = p.delivery().body.getBytes(StandardCharsets.UTF_8);
            long timestamp = started.getEpochSecond();
            String id = p.delivery().eventId.toString();
            result = sender.post(p.url(), Map.of("webhook-id", id, "webhook-timestamp", Long.toString(timestamp),
                    "webhook-signature", WebhookSecrets.signature(p.secret(), id, timestamp, body)), body);
            outcome = WebhookAttempt.Outcome.valueOf(result.kind().name());
        }
        QuarkusTransaction.requiringNew().run(() -> record(seq, started, result, outcome));
    }

    /** The attempt's row, the delivery's new state, and past the retry window, the subscription disabled. */
    private void record(Long seq, Instant started, WebhookSender.Result result, WebhookAttempt.Outcome outcome) {
        WebhookDelivery d = deliveries.findById(seq);
        if (d == null) {
            return; // the subscription was deleted meanwhile
        }
        Instant now = clock.instant();
        WebhookAttempt a = new WebhookAttempt();
        a.deliveryId = d.id;
        a.attemptedAt = started;
        a.statusCode = result.statusCode();
        a.durationMs = (int) Math.min(Integer.MAX_VALUE, result.durationMs());
        a.outcome = outcome;
        a.errorClass = result.errorClass();
        deliveries.recordAttempt(a);
        d.attempts++;
        d.lastAttemptAt = started;
        d.lastStatusCode = result.statusCode();
        d.leaseUntil = null;
        if (d.firstAttemptAt == null) {
            d.firstAttemptAt = started;
        }
        WebhookSubscription s = subscriptions.findById(d.subscriptionId);
        if (outcome == WebhookAttempt.Outcome.DELIVERED) {
            d.status = WebhookDelivery.Status.DELIVERED;
            d.deliveredAt = now;
            d.nextAttemptAt = null;
            again.set(true); // the stream's next delivery is due now
            return;
        }
        LOG.infof("webhook delivery %s to %s failed: %s %s (%d ms, attempt %d)", d.id, host(s == null ? null : s.url), outcome,
                result.statusCode() == null ? "-" : result.statusCode(), result.durationMs(), d.attempts);
        if (d.status != WebhookDelivery.Status.PENDING || s == null) {
            return;
        }
        if (!now.isBefore(d.firstAttemptAt.plus(config.webhooks().giveUpAfter()))) {
            disable(s, d, now);
            return;
        }
        d.nextAttemptAt = now.plus(backoff(d.attempts));
    }

    private void disable(WebhookSubscription s, WebhookDelivery d, Instant now) {
        if (!s.enabled()) {
            return;
        }
        s.disabledAt = now;
        s.disabledReason = "Delivery " + d.id + " still failing " + config.webhooks().giveUpAfter().toHours()
                + " h after its first attempt (" + d.attempts + " attempts).";
        deliveries.getEntityManager().flush();
        deliveries.abandonPending(s.id);
        LOG.warnf("webhook subscription %s of %s disabled after %d failed attempts", s.id, s.ownerAttachment, d.attempts);
        disabled.fire(new WebhookDisabled(s.id, s.ownerAttachment, host(s.url), now));
    }

    /** The wait after the n-th failed attempt (1-based); the schedule's last step repeats. */
    Duration backoff(int failedAttempts) {
        List<Duration> steps = config.webhooks().backoff();
        return steps.get(Math.min(Math.max(failedAttempts, 1), steps.size()) - 1);
    }

    /** The host only: a URL's path or query may carry a token. */
    static String host(String url) {
        try {
            return url == null ? null : URI.create(url).getHost();
        } catch (IllegalArgumentException e) {
            return "?";
        }
    }

    /** Purges delivered rows past their keeping period (daily). */
    @Scheduled(identity = "referral-webhook-purge", cron = "0 45 3 * * ?", skipExecutionIf = WorkerDisabled.class)
    void purge() {
        QuarkusTransaction.requiringNew().run(() -> deliveries.purgeDeliveredBefore(clock.instant().minus(config.webhooks().keepDelivered())));
    }

    /** {@code referral.webhooks.enabled=false} stops delivery. */
    @ApplicationScoped
    public static class WorkerDisabled implements Scheduled.SkipPredicate {
        @Inject
        ReferralConfig config;

        @Override
        public boolean test(io.quarkus.scheduler.ScheduledExecution execution) {
            return !config.webhooks().enabled();
        }
    }
}
