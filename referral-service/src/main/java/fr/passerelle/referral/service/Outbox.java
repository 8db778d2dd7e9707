package fr.passerelle.referral.service;

import fr.passerelle.referral.domain.EventType;
import fr.passerelle.referral.domain.OutboxEvent;
import fr.passerelle.referral.domain.PupilCase;
import fr.passerelle.referral.domain.Referral;
import fr.passerelle.referral.domain.ReferralStatus;
import fr.passerelle.referral.repository.OutboxRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.Map;
import java.util.UUID;

/**
 * Writes outbox rows, in the caller's transaction (mandatory): the change and its announcement commit or roll back
 * together. Payloads are built here only, from ids, statuses, codes and dates: never a name or free text.
 */
@ApplicationScoped
public class Outbox {

    /** Fired with every row; observed after a successful commit to wake the relay at once. */
    public record Written(UUID eventId) {
    }

    @Inject
    OutboxRepository events;
    @Inject
    Clock clock;
    @Inject
    Event<Written> written;

    /** A referral event: the referral's routing facts plus {@code extra} (codes and dates only; nulls left out). */
    public OutboxEvent referral(EventType type, Referral r, ReferralStatus previous, Object... extra) {
        Map<String, Object> data = Timeline.payload(
                "referralId", r.id,
                "caseId", r.caseId,
                "status", r.status,
                "previousStatus", previous,
                "targetType", r.targetType,
                "targetId", r.targetId,
                "targetOrganisationId", r.targetOrganisationId,
                "triagePlatformId", r.triagePlatformId,
                "originUai", r.originUai,
                "originPlatform", r.originPlatform,
                "urgency", r.urgency,
                "parentId", r.parentId);
        data.putAll(Timeline.payload(extra));
        return write(type, r.caseId, r.id, data);
    }

    /** A case event: the case's ownership facts plus {@code extra}. */
    public OutboxEvent pupilCase(EventType type, PupilCase c, Object... extra) {
        Map<String, Object> data = Timeline.payload(
                "caseId", c.id,
                "status", c.status,
                "originUai", c.originUai,
                "originPlatform", c.originPlatform);
        data.putAll(Timeline.payload(extra));
        return write(type, c.id, null, data);
    }

    private OutboxEvent write(EventType type, UUID caseId, UUID referralId, Map<String, Object> data) {
        OutboxEvent e = new OutboxEvent();
        e.id = UUID.randomUUID();
        e.type = type;
        e.caseId = caseId;
        e.referralId = referralId;
        e.occurredAt = clock.instant();
        data.put("occurredAt", e.occurredAt.toString());
        e.data = data;
        events.persist(e);
        written.fire(new Written(e.id));
        return e;
    }
}
