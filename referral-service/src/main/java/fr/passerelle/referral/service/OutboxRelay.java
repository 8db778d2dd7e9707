package fr.passerelle.referral.service;

import fr.passerelle.referral.config.ReferralConfig;
import fr.passerelle.referral.domain.OutboxEvent;
import fr.passerelle.referral.repository.OutboxRepository;
import io.quarkus.arc.All;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jboss.logging.Logger;

/**
 * Hands outbox rows to the {@link OutboxConsumer}s, in seq order, one relay at a time across instances (advisory
 * lock). Woken right after each commit that wrote an event, and every {@code referral.outbox.poll} besides: a row
 * written by an instance that died before waking its relay is picked up by the next pass of any instance. A crash
 * mid-batch rolls the batch back: nothing is lost, an event may be handed over twice (consumers queue at least once).
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);

    @Inject
    OutboxRepository events;
    @Inject
    @All
    List<OutboxConsumer> consumers;
    @Inject
    ReferralConfig config;
    @Inject
    Clock clock;

    private final AtomicBoolean wakeRequested = new AtomicBoolean();
    private final ExecutorService waker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "outbox-relay");
        t.setDaemon(true);
        return t;
    });

    void afterCommit(@Observes(during = TransactionPhase.AFTER_SUCCESS) Outbox.Written written) {
        if (!config.outbox().enabled()) {
            return;
        }
        // Coalesce: one pending wake-up is enough for any number of commits.
        if (wakeRequested.compareAndSet(false, true)) {
            waker.execute(() -> {
                wakeRequested.set(false);
                relaySafely();
            });
        }
    }

    @Scheduled(identity = "referral-outbox-relay", every = "${referral.outbox.poll:1s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP, skipExecutionIf = RelayDisabled.class)
    void scheduled() {
        relaySafely();
    }

    void stop(@Observes ShutdownEvent ev) {
        waker.shutdownNow();
    }

    private void relaySafely() {
        try {
            relay();
        } catch (RuntimeException e) {
            // The class only: a message may quote a value.
            LOG.warnf("outbox relay pass failed (%s); the events stay pending", e.getClass().getName());
        }
    }

    /** Dispatches until nothing is pending (or another instance holds the relay). Returns the events handed over. */
    public synchronized int relay() {
        int total = 0;
        while (true) {
            int done = QuarkusTransaction.requiringNew().call(this::batch);
            total += Math.max(done, 0);
            if (done < config.outbox().batchSize()) {
                return total;
            }
        }
    }

    private int batch() {
        if (!events.tryRelayLock()) {
            return -1;
        }
        List<OutboxEvent> batch = events.pending(config.outbox().batchSize());
        for (OutboxEvent e : batch) {
            for (OutboxConsumer consumer : consumers) {
                consumer.dispatch(e);
            }
            e.dispatchedAt = clock.instant();
        }
        return batch.size();
    }

    /** Purges dispatched rows past their keeping period (daily). */
    @Scheduled(identity = "referral-outbox-purge", cron = "0 15 3 * * ?", skipExecutionIf = RelayDisabled.class)
    void purge() {
        QuarkusTransaction.requiringNew().run(() -> {
            if (events.tryRelayLock()) {
                events.purgeDispatchedBefore(clock.instant().minus(config.outbox().keepDispatched()));
            }
        });
    }

    /** {@code referral.outbox.enabled=false} stops the relay (tests that inspect pending rows). */
    @ApplicationScoped
    public static class RelayDisabled implements Scheduled.SkipPredicate {
        @Inject
        ReferralConfig config;

        @Override
        public boolean test(io.quarkus.scheduler.ScheduledExecution execution) {
            return !config.outbox().enabled();
        }
    }
}
