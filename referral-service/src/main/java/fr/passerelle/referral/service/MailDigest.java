package fr.passerelle.referral.service;

import fr.passerelle.referral.config.MailConfig;
import fr.passerelle.referral.domain.DigestItem;
import fr.passerelle.referral.domain.MailMessage.RecipientKind;
import fr.passerelle.referral.domain.MailTemplate;
import fr.passerelle.referral.domain.NotificationMode;
import fr.passerelle.referral.domain.NotificationPreference;
import fr.passerelle.referral.repository.MailQueueRepository;
import fr.passerelle.referral.repository.NotificationPreferenceRepository;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * The daily digest: one message per person who chose DAILY_DIGEST, listing the events kept for them since their last
 * digest. Runs once across replicas: an advisory lock for the run, and a marker row per day that a second run finds.
 */
@ApplicationScoped
public class MailDigest {

    private static final Logger LOG = Logger.getLogger(MailDigest.class);
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    @Inject
    MailQueueRepository queue;
    @Inject
    NotificationPreferenceRepository preferences;
    @Inject
    MailQueue mailQueue;
    @Inject
    MailConfig config;
    @Inject
    Clock clock;
    @Inject
    Event<MailQueue.Queued> queued;

    @Scheduled(identity = "referral-mail-digest", cron = "${referral.mail.digest.cron:0 0 17 * * ?}", timeZone = "Europe/Paris",
            skipExecutionIf = MailWorker.MailDisabled.class)
    void scheduled() {
        try {
            digest(LocalDate.now(clock.withZone(PARIS)));
        } catch (RuntimeException e) {
            LOG.warnf("daily digest failed (%s); the next run takes its items", e.getClass().getName());
        }
    }

    /** Queues the digest of {@code date}. Returns the messages queued, 0 when that day's digest was done, -1 when another instance runs it. */
    public int digest(LocalDate date) {
        return QuarkusTransaction.requiringNew().call(() -> {
            if (!queue.tryDigestLock()) {
                return -1;
            }
            if (queue.digestDone(date)) {
                return 0;
            }
            Map<String, List<DigestItem>> bySubject = new LinkedHashMap<>();
            for (DigestItem item : queue.undigested()) {
                bySubject.computeIfAbsent(item.subject, s -> new ArrayList<>()).add(item);
            }
            int messages = 0;
            for (var entry : bySubject.entrySet()) {
                NotificationPreference p = preferences.findById(entry.getKey());
                // Someone who has since left the digest (or lost their address) is not sent what was kept for them.
                boolean stillWanted = p != null && p.email != null && (p.defaultMode == NotificationMode.DAILY_DIGEST
                        || (p.eventModes != null && p.eventModes.containsValue(NotificationMode.DAILY_DIGEST.name())));
                if (stillWanted) {
                    List<Map<String, Object>> lines = new ArrayList<>();
                    for (DigestItem item : entry.getValue()) {
                        lines.add(item.facts);
                    }
                    Map<String, Object> facts = new LinkedHashMap<>();
                    facts.put("date", date.toString());
                    facts.put("items", lines);
                    if (queue.enqueue("digest:" + date + ":" + p.subject, MailTemplate.DIGEST.name(), null, RecipientKind.USER, p.email,
                            mailQueue.write(facts), clock.instant())) {
                        messages++;
                    }
                }
                entry.getValue().forEach(item -> item.digestDate = date);
            }
            queue.markDigestDone(date, clock.instant(), messages);
            if (messages > 0) {
                queued.fire(new MailQueue.Queued());
            }
            return messages;
        });
    }

    /** Sent messages and digested items past their keeping period (daily). */
    @Scheduled(identity = "referral-mail-purge", cron = "0 45 3 * * ?", skipExecutionIf = MailWorker.MailDisabled.class)
    void purge() {
        QuarkusTransaction.requiringNew().run(() -> {
            if (queue.tryDigestLock()) {
                queue.purgeBefore(clock.instant().minus(config.keep()));
            }
        });
    }
}
