package fr.passerelle.referral.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.passerelle.referral.domain.AccessScope;
import fr.passerelle.referral.domain.EventType;
import fr.passerelle.referral.domain.OutboxEvent;
import fr.passerelle.referral.domain.Visibility;
import fr.passerelle.referral.domain.WebhookSubscription;
import fr.passerelle.referral.repository.CaseRepository;
import fr.passerelle.referral.repository.ReferralRepository;
import fr.passerelle.referral.repository.WebhookDeliveryRepository;
import fr.passerelle.referral.repository.WebhookRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Queues one delivery per enabled subscription that wants the event and whose owner may read its subject: the referral
 * (referral and follow-up events) or the case (case events), asked of the same scoped queries as the owner's requests.
 * An AUTHOR_ORG follow-up goes to its author's attachment only. Runs in the relay's transaction; no network call.
 */
@ApplicationScoped
public class WebhookFanOut implements OutboxConsumer {

    /** Fired when deliveries were queued; observed after the relay's commit to wake the delivery worker. */
    public record Queued(int count) {
    }

    @Inject
    WebhookRepository subscriptions;
    @Inject
    WebhookDeliveryRepository deliveries;
    @Inject
    ReferralRepository referrals;
    @Inject
    CaseRepository cases;
    @Inject
    ObjectMapper json;
    @Inject
    Clock clock;
    @Inject
    Event<Queued> queued;

    @Override
    public void dispatch(OutboxEvent e) {
        int count = 0;
        String body = null;
        Instant now = clock.instant();
        for (WebhookSubscription s : subscriptions.enabled()) {
            if (!s.wants(e.type) || !mayRead(s.ownerAttachment, e)) {
                continue;
            }
            if (body == null) {
                body = body(e);
            }
            if (deliveries.enqueue(s.id, e.id, e.type, e.referralId != null ? e.referralId : e.caseId, body, now)) {
                count++;
            }
        }
        if (count > 0) {
            queued.fire(new Queued(count));
        }
    }

    private boolean mayRead(String owner, OutboxEvent e) {
        if (e.type == EventType.FOLLOWUP_ADDED && !Visibility.ALL_PARTIES.name().equals(String.valueOf(e.data.get("visibility")))
                && !Objects.equals(owner, e.data.get("authorAttachment"))) {
            return false;
        }
        AccessScope scope;
        try {
            scope = AccessPolicy.scopeOfAttachment(owner);
        } catch (IllegalArgumentException malformed) {
            return false;
        }
        return e.referralId != null ? referrals.isVisible(e.referralId, scope) : cases.isVisible(e.caseId, scope);
    }

    /** Standard Webhooks' body: {"type","timestamp","data"}; the data is the outbox payload (ids, codes, dates). */
    private String body(OutboxEvent e) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", e.type.wire());
        body.put("timestamp", e.occurredAt.toString());
        body.put("data", e.data);
        try {
            return json.writeValueAsString(body);
        } catch (JsonProcessingException ex) {
            throw new IllegalStateException("event payload not serialisable", ex);
        }
    }
}
