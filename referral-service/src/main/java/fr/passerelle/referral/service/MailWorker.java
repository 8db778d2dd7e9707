package fr.passerelle.referral.service;

import fr.passerelle.referral.client.DirectoryUnavailableException;
import fr.passerelle.referral.config.MailConfig;
import fr.passerelle.referral.domain.MailMessage;
import fr.passerelle.referral.repository.MailQueueRepository;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.reactive.ReactiveMailer;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jboss.logging.Logger;

/**
 * Sends queued messages: woken after each commit that queued one, and every {@code referral.mail.poll} besides. Each
 * message is sent in its own transaction holding its row ({@code FOR UPDATE SKIP LOCKED}): two instances never send
 * the same message at the same time. A failure (SMTP down, directory down) leaves it queued, retried with a doubling
 * wait; past {@code referral.mail.retry.give-up-after} it is abandoned (FAILED). A crash between the SMTP answer and
 * the commit sends it again: at least once.
 */
@ApplicationScoped
public class MailWorker {

    private static final Logger LOG = Logger.getLogger(MailWorker.class);

    @Inject
    MailQueueRepository queue;
    @Inject
    Mailboxes mailboxes;
    @Inject
    MailComposer composer;
    @Inject
    ReactiveMailer mailer;
    @Inject
    MailConfig config;
    @Inject
    Clock clock;

    private final AtomicBoolean wakeRequested = new AtomicBoolean();
    private final ExecutorService waker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "mail-worker");
        t.setDaemon(true);
        return t;
    });

    void afterCommit(@Observes(during = TransactionPhase.AFTER_SUCCESS) MailQueue.Queued queued) {
        if (!config.enabled()) {
            return;
        }
        if (wakeRequested.compareAndSet(false, true)) {
            waker.execute(() -> {
                wakeRequested.set(false);
                sendSafely();
            });
        }
    }

    @Scheduled(identity = "referral-mail-worker", every = "${referral.mail.poll:1s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP, skipExecutionIf = MailDisabled.class)
    void scheduled() {
        sendSafely();
    }

    void stop(@Observes ShutdownEvent ev) {
        waker.shutdownNow();
    }

    private void sendSafely() {
        try {
            send();
        } catch (RuntimeException e) {
            LOG.warnf("mail worker pass failed (%s); the messages stay queued", e.getClass().getName());
        }
    }

    /** Sends what is due, one message per transaction, up to the batch size. Returns the messages handled. */
    public synchronized int send() {
        int handled = 0;
        while (handled < config.batchSize()) {
            Boolean one = QuarkusTransaction.requiringNew().call(this::sendOne);
            if (one == null) {
                break;
            }
            handled++;
        }
        return handled;
    }

    /** null when nothing is due. */
    private Boolean sendOne() {
        Instant now = clock.instant();
        Optional<MailMessage> next = queue.lockNextDue(now);
        if (next.isEmpty()) {
            return null;
        }
        MailMessage m = next.get();
        if (m.createdAt.plus(config.retry().giveUpAfter()).isBefore(now)) {
            m.status = MailMessage.Status.FAILED;
            LOG.warnf("mail %d abandoned after %d attempts (%s)", m.id, m.attempts, m.lastError);
            return Boolean.FALSE;
        }
        m.attempts++;
        List<String> to;
        try {
            to = m.recipientKind == MailMessage.RecipientKind.USER ? List.of(m.recipient) : mailboxes.resolve(m.recipient);
        } catch (DirectoryUnavailableException e) {
            later(m, now, "directory unavailable");
            return Boolean.FALSE;
        }
        if (to.isEmpty()) {
            // No EMAIL contact in the directory (schools, co-animators without a mailbox): nothing to send.
            m.status = MailMessage.Status.NO_ADDRESS;
            return Boolean.FALSE;
        }
        MailComposer.Composed c = composer.compose(m);
        Mail mail = new Mail().setTo(to).setSubject(c.subject()).setText(c.text());
        try {
            mailer.send(mail).await().atMost(config.sendTimeout());
        } catch (RuntimeException e) {
            // The classes only: an SMTP error message may quote an address.
            Throwable root = e;
            while (root.getCause() != null && root.getCause() != root) {
                root = root.getCause();
            }
            later(m, now, root == e ? e.getClass().getSimpleName() : e.getClass().getSimpleName() + "/" + root.getClass().getSimpleName());
            return Boolean.FALSE;
        }
        m.status = MailMessage.Status.SENT;
        m.sentAt = clock.instant();
        m.lastError = null;
        return Boolean.TRUE;
    }

    private void later(MailMessage m, Instant now, String why) {
        Duration wait = config.retry().initial().multipliedBy(1L << Math.min(Math.max(m.attempts - 1, 0), 20));
        if (wait.compareTo(config.retry().max()) > 0) {
            wait = config.retry().max();
        }
        m.nextAttemptAt = now.plus(wait);
        m.lastError = why;
        LOG.infof("mail %d not sent (%s), attempt %d; next try in %ss", m.id, why, m.attempts, wait.toSeconds());
    }

    /** {@code referral.mail.enabled=false} stops the worker and the digest on this instance (messages are still queued). */
    @ApplicationScoped
    public static class MailDisabled implements Scheduled.SkipPredicate {
        @Inject
        MailConfig config;

        @Override
        public boolean test(io.quarkus.scheduler.ScheduledExecution execution) {
            return !config.enabled();
        }
    }
}
