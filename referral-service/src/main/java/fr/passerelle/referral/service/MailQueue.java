package fr.passerelle.referral.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.passerelle.referral.domain.EventType;
import fr.passerelle.referral.domain.MailMessage.RecipientKind;
import fr.passerelle.referral.domain.MailTemplate;
import fr.passerelle.referral.domain.NotificationMode;
import fr.passerelle.referral.domain.NotificationPreference;
import fr.passerelle.referral.domain.OutboxEvent;
import fr.passerelle.referral.domain.ReferralStatus;
import fr.passerelle.referral.domain.Urgency;
import fr.passerelle.referral.repository.MailQueueRepository;
import fr.passerelle.referral.repository.NotificationPreferenceRepository;
import fr.passerelle.referral.repository.ReferralRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Who is told of an event by e-mail, decided in the relay's transaction and written as queued messages (no network
 * here: a functional mailbox is queued by what owns it and looked up in the directory by the {@link MailWorker}).
 * <ul>
 * <li>The responsible party's functional mailbox: the target for what it must act on (submitted, cancelled, overdue),
 * the origin platform for the answers it waits for (schools have none); the coordinating platform on escalation.</li>
 * <li>Every person who opted in and whose attachment may read the referral (the {@code AccessScope} rule): at once
 * (IMMEDIATE) or in the daily digest (DAILY_DIGEST).</li>
 * </ul>
 * Facts kept for the message: ids, codes, dates and directory names; never a name of the young person, never free text.
 */
@ApplicationScoped
public class MailQueue implements OutboxConsumer {

    /** Fired when a message is queued; the worker observes it after the commit to send at once. */
    public record Queued() {
    }

    @Inject
    MailQueueRepository queue;
    @Inject
    NotificationPreferenceRepository preferences;
    @Inject
    ReferralRepository referrals;
    @Inject
    ObjectMapper json;
    @Inject
    Clock clock;
    @Inject
    Event<Queued> queued;

    @Override
    public void dispatch(OutboxEvent e) {
        Map<String, Object> facts = facts(e);
        String factsJson = write(facts);
        boolean any = false;
        for (Mailbox m : mailboxes(e)) {
            any |= queue.enqueue(e.id + ":" + m.template() + ":" + m.key(), m.template().name(), e.type.wire(),
                    RecipientKind.MAILBOX, m.key(), factsJson, clock.instant());
        }
        for (NotificationPreference p : preferences.withAddressAttachedTo(readers(e))) {
            NotificationMode mode = p.modeFor(e.type);
            if (mode == NotificationMode.IMMEDIATE) {
                any |= queue.enqueue(e.id + ":user:" + p.subject, MailTemplate.EVENT.name(), e.type.wire(), RecipientKind.USER,
                        p.email, factsJson, clock.instant());
            } else if (mode == NotificationMode.DAILY_DIGEST) {
                queue.keepForDigest(p.subject, e.id, e.type.wire(), factsJson, e.occurredAt);
            }
        }
        if (any) {
            queued.fire(new Queued());
        }
    }

    /** A disabled webhook subscription: its owner's functional mailbox, and the owner's people who opted in to anything. */
    void webhookDisabled(@Observes WebhookDisabled w) {
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("host", w.urlHost());
        facts.put("subscriptionId", w.subscriptionId().toString());
        facts.put("disabledAt", w.disabledAt().toString());
        String factsJson = write(facts);
        String key = "webhook-disabled:" + w.subscriptionId() + ":" + w.disabledAt();
        if (w.ownerAttachment() != null && !w.ownerAttachment().startsWith("uai:")) {
            queue.enqueue(key + ":mailbox", MailTemplate.WEBHOOK_DISABLED.name(), null, RecipientKind.MAILBOX, w.ownerAttachment(),
                    factsJson, clock.instant());
        }
        if (w.ownerAttachment() != null) {
            for (NotificationPreference p : preferences.withAddressAttachedTo(List.of(w.ownerAttachment()))) {
                boolean optedIn = p.defaultMode != NotificationMode.OFF
                        || (p.eventModes != null && p.eventModes.values().stream().anyMatch(m -> !NotificationMode.OFF.name().equals(m)));
                if (optedIn) {
                    queue.enqueue(key + ":user:" + p.subject, MailTemplate.WEBHOOK_DISABLED.name(), null, RecipientKind.USER, p.email,
                            factsJson, clock.instant());
                }
            }
        }
        queued.fire(new Queued());
    }

    record Mailbox(MailTemplate template, String key) {
    }

    /** The functional mailboxes told of this event (see the class comment). */
    List<Mailbox> mailboxes(OutboxEvent e) {
        Map<String, Object> d = e.data;
        String target = targetKey(d);
        String origin = has(d, "originPlatform") ? "platform:" + d.get("originPlatform") : null;
        List<Mailbox> out = new ArrayList<>();
        switch (e.type) {
            case REFERRAL_SUBMITTED -> add(out, MailTemplate.EVENT, target);
            case REFERRAL_CANCELLED -> {
                if (!ReferralStatus.DRAFT.name().equals(d.get("previousStatus"))) {
                    add(out, MailTemplate.EVENT, target);
                }
            }
            case REFERRAL_REDIRECTED, REFERRAL_ACCEPTED, REFERRAL_WAITLISTED, REFERRAL_DECLINED, REFERRAL_COMPLETED ->
                    add(out, MailTemplate.EVENT, origin);
            case REFERRAL_OVERDUE -> {
                add(out, MailTemplate.OVERDUE_REMINDER, target);
                if (has(d, "escalatedTo")) {
                    add(out, MailTemplate.OVERDUE_ESCALATION, "platform:" + d.get("escalatedTo"));
                }
            }
            case CASE_TRAINING_OBLIGATION_ALERT -> {
                if (has(d, "platformId")) {
                    add(out, MailTemplate.EVENT, "platform:" + d.get("platformId"));
                }
            }
            case REFERRAL_OUTCOME_FOLLOW_UP_DUE -> add(out, MailTemplate.EVENT, target);
            default -> {
            }
        }
        return out;
    }

    /** The attachments whose people may read what the event is about (AccessScope's rule, from the event's routing facts). */
    static Set<String> readers(OutboxEvent e) {
        Map<String, Object> d = e.data;
        Set<String> out = new LinkedHashSet<>();
        if (e.type == EventType.CASE_TRAINING_OBLIGATION_ALERT) {
            if (has(d, "platformId")) {
                out.add("platform:" + d.get("platformId"));
            }
            return out;
        }
        if (e.type == EventType.REFERRAL_OUTCOME_FOLLOW_UP_DUE) {
            // only the organisation that completed the referral records the situation: nobody else is asked
            if ("PROGRAMME".equals(d.get("targetType")) && has(d, "targetOrganisationId")) {
                out.add("organisation:" + d.get("targetOrganisationId"));
            }
            return out;
        }
        if (e.type == EventType.FOLLOWUP_ADDED && "AUTHOR_ORG".equals(d.get("visibility"))) {
            if (has(d, "authorAttachment")) {
                out.add(d.get("authorAttachment").toString());
            }
            return out;
        }
        if (has(d, "originUai")) {
            out.add("uai:" + d.get("originUai"));
        }
        if (has(d, "originPlatform")) {
            out.add("platform:" + d.get("originPlatform"));
        }
        boolean referral = e.referralId != null;
        boolean draftOnly = ReferralStatus.DRAFT.name().equals(d.get("status"))
                || (e.type == EventType.REFERRAL_CANCELLED && ReferralStatus.DRAFT.name().equals(d.get("previousStatus")));
        if (referral && !draftOnly) {
            if (has(d, "triagePlatformId")) {
                out.add("platform:" + d.get("triagePlatformId"));
            }
            if ("PLATFORM".equals(d.get("targetType")) && has(d, "targetId")) {
                out.add("platform:" + d.get("targetId"));
            }
            if ("PROGRAMME".equals(d.get("targetType")) && has(d, "targetOrganisationId")) {
                out.add("organisation:" + d.get("targetOrganisationId"));
            }
        }
        if (e.type == EventType.REFERRAL_OVERDUE && has(d, "escalatedTo")) {
            out.add("platform:" + d.get("escalatedTo"));
        }
        return out;
    }

    /** What a message may say: codes, dates, a reference, directory names and the path of the link. */
    Map<String, Object> facts(OutboxEvent e) {
        Map<String, Object> d = e.data;
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("type", e.type.wire());
        f.put("occurredAt", e.occurredAt.toString());
        if (e.referralId != null) {
            f.put("referralId", e.referralId.toString());
            f.put("reference", reference(e.referralId));
            f.put("path", "/orientations/" + e.referralId);
            referrals.targetName(e.referralId).ifPresent(name -> f.put("targetName", name));
        } else if (e.caseId != null) {
            f.put("caseId", e.caseId.toString());
            f.put("reference", caseReference(e.caseId));
            f.put("path", "/dossiers/" + e.caseId);
        }
        copy(d, f, "targetType", "urgency", "status", "previousStatus", "stage", "dueAt", "escalatedTo", "platformId");
        if (has(d, "urgency")) {
            try {
                f.put("urgencyLabel", Urgency.valueOf(d.get("urgency").toString()).label());
            } catch (IllegalArgumentException unknown) {
                // A code this version does not know: the code alone.
            }
        }
        return f;
    }

    /** A short reference of a referral: not secret, not personal, enough to find it in a list. */
    public static String reference(UUID referralId) {
        return "ORI-" + referralId.toString().substring(0, 8);
    }

    public static String caseReference(UUID caseId) {
        return "DOS-" + caseId.toString().substring(0, 8);
    }

    private static String targetKey(Map<String, Object> d) {
        if (!has(d, "targetId")) {
            return null;
        }
        return ("PLATFORM".equals(d.get("targetType")) ? "platform:" : "programme:") + d.get("targetId");
    }

    private static void add(List<Mailbox> out, MailTemplate template, String key) {
        if (key != null) {
            out.add(new Mailbox(template, key));
        }
    }

    private static boolean has(Map<String, Object> d, String key) {
        return d != null && d.get(key) != null && !d.get(key).toString().isBlank();
    }

    private static void copy(Map<String, Object> from, Map<String, Object> to, String... keys) {
        for (String k : keys) {
            if (has(from, k)) {
                to.put(k, from.get(k).toString());
            }
        }
    }

    String write(Map<String, Object> facts) {
        try {
            return json.writeValueAsString(facts);
        } catch (JsonProcessingException ex) {
            throw new IllegalStateException("mail facts not serialisable", ex);
        }
    }
}
