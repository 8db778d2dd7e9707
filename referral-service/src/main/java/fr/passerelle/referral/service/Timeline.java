package fr.passerelle.referral.service;

import fr.passerelle.referral.domain.CaseEvent;
import fr.passerelle.referral.domain.Referral;
import fr.passerelle.referral.domain.ReferralStatus;
import fr.passerelle.referral.repository.CaseEventRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** Writes the case timeline. Payloads hold codes, ids and the caller's comments (erased by retention). */
@ApplicationScoped
public class Timeline {

    static final String SYSTEM_SUBJECT = "system:referral-service";

    @Inject
    CaseEventRepository events;
    @Inject
    AccessPolicy policy;
    @Inject
    Clock clock;

    public void caseEvent(UUID caseId, String type, Map<String, Object> payload) {
        persist(caseId, null, type, null, null, payload, policy.subject(), policy.role(), policy.attachment());
    }

    public void referralEvent(Referral r, String type, ReferralStatus from, ReferralStatus to, Map<String, Object> payload) {
        persist(r.caseId, r.id, type, from, to, payload, policy.subject(), policy.role(), policy.attachment());
    }

    /** An event written by the service itself (a scheduled job), not by a caller. */
    public void systemReferralEvent(Referral r, String type, Map<String, Object> payload) {
        persist(r.caseId, r.id, type, null, null, payload, SYSTEM_SUBJECT, "system", null);
    }

    /** A case event written by the service itself (a scheduled job). */
    public void systemCaseEvent(UUID caseId, String type, Map<String, Object> payload) {
        persist(caseId, null, type, null, null, payload, SYSTEM_SUBJECT, "system", null);
    }

    /** Builds a payload, leaving out null values. */
    public static Map<String, Object> payload(Object... keyValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i + 1 < keyValues.length; i += 2) {
            Object value = keyValues[i + 1];
            if (value != null) {
                map.put((String) keyValues[i], value instanceof Enum<?> e ? e.name() : value instanceof UUID u ? u.toString() : value);
            }
        }
        return map;
    }

    private void persist(UUID caseId, UUID referralId, String type, ReferralStatus from, ReferralStatus to,
                         Map<String, Object> payload, String subject, String role, String attachment) {
        CaseEvent e = new CaseEvent();
        e.id = UUID.randomUUID();
        e.caseId = caseId;
        e.referralId = referralId;
        e.type = type;
        e.fromStatus = from;
        e.toStatus = to;
        e.actorSubject = subject;
        e.actorRole = role;
        e.actorAttachment = attachment;
        e.occurredAt = clock.instant();
        e.payload = payload == null || payload.isEmpty() ? null : payload;
        events.persist(e);
    }
}
