package fr.passerelle.referral.mapping;

import fr.passerelle.referral.api.AuditEntryView;
import fr.passerelle.referral.api.FollowUpView;
import fr.passerelle.referral.api.TimelineEventView;
import fr.passerelle.referral.domain.AuditEvent;
import fr.passerelle.referral.domain.CaseEvent;
import fr.passerelle.referral.domain.FollowUpEntry;

/** Timeline events, follow-up entries and audit rows to their views. */
public final class EventMapper {

    private EventMapper() {
    }

    public static TimelineEventView timeline(CaseEvent e) {
        return new TimelineEventView(e.id, e.referralId, e.type, e.fromStatus, e.toStatus, e.actorRole, e.actorAttachment,
                e.occurredAt, e.payload == null || e.payload.isEmpty() ? null : e.payload);
    }

    public static FollowUpView followUp(FollowUpEntry f) {
        return new FollowUpView(f.id, f.referralId, f.entryDate, f.kind, f.visibility, f.text, f.authorRole, f.authorAttachment,
                f.createdAt);
    }

    public static AuditEntryView audit(AuditEvent a) {
        return new AuditEntryView(a.id, a.occurredAt, a.subject, a.role, a.attachment, a.operation, a.purpose, a.requestId,
                a.caseId, a.referralId);
    }
}
