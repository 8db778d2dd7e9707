package fr.passerelle.referral.service;

import static org.junit.jupiter.api.Assertions.assertEquals;

import fr.passerelle.referral.domain.EventType;
import fr.passerelle.referral.domain.MailTemplate;
import fr.passerelle.referral.domain.OutboxEvent;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Who is told of what, from the event's routing facts alone (no database, no directory). */
class MailRecipientsTest {

    static final String UAI = "0690047B";
    static final String PLATFORM = "c1d2e3f4-a5b6-4c7d-8e9f-0a1b2c3d4e5f";
    static final String ORIGIN_PLATFORM = "d2e3f4a5-b6c7-4d8e-9f0a-1b2c3d4e5f60";
    static final String ORG = "8a1e2b3c-4d5e-4f60-8718-293a4b5c6d7e";
    static final String PROGRAMME = "5d2f0e4a-9c1b-4b8e-8f3a-2e6d7c9b1a04";

    private final MailQueue queue = new MailQueue();

    @Test
    void aNewReferralToAProgrammeGoesToTheProgrammesMailboxAndToEveryoneWhoMayReadIt() {
        OutboxEvent e = referral(EventType.REFERRAL_SUBMITTED, "SUBMITTED", null);
        assertEquals(List.of(new MailQueue.Mailbox(MailTemplate.EVENT, "programme:" + PROGRAMME)), queue.mailboxes(e));
        assertEquals(Set.of("uai:" + UAI, "platform:" + PLATFORM, "organisation:" + ORG), MailQueue.readers(e));
    }

    @Test
    void answersGoToTheOriginWhichHasAMailboxOnlyWhenItIsAPlatform() {
        for (EventType t : List.of(EventType.REFERRAL_ACCEPTED, EventType.REFERRAL_WAITLISTED, EventType.REFERRAL_DECLINED,
                EventType.REFERRAL_COMPLETED, EventType.REFERRAL_REDIRECTED)) {
            assertEquals(List.of(), queue.mailboxes(referral(t, "ACCEPTED", "RECEIVED")), t.wire());
            OutboxEvent fromPlatform = referral(t, "ACCEPTED", "RECEIVED");
            fromPlatform.data.remove("originUai");
            fromPlatform.data.put("originPlatform", ORIGIN_PLATFORM);
            assertEquals(List.of(new MailQueue.Mailbox(MailTemplate.EVENT, "platform:" + ORIGIN_PLATFORM)), queue.mailboxes(fromPlatform),
                    t.wire());
        }
        for (EventType t : List.of(EventType.REFERRAL_RECEIVED, EventType.REFERRAL_STARTED, EventType.REFERRAL_ASSIGNED,
                EventType.FOLLOWUP_ADDED)) {
            assertEquals(List.of(), queue.mailboxes(referral(t, "RECEIVED", "SUBMITTED")), t.wire());
        }
    }

    @Test
    void aCancelledDraftConcernsOnlyItsOrigin() {
        OutboxEvent draft = referral(EventType.REFERRAL_CANCELLED, "CANCELLED", "DRAFT");
        assertEquals(List.of(), queue.mailboxes(draft));
        assertEquals(Set.of("uai:" + UAI), MailQueue.readers(draft));
        OutboxEvent submitted = referral(EventType.REFERRAL_CANCELLED, "CANCELLED", "SUBMITTED");
        assertEquals(List.of(new MailQueue.Mailbox(MailTemplate.EVENT, "programme:" + PROGRAMME)), queue.mailboxes(submitted));
    }

    @Test
    void aPlatformTargetIsToldThroughThePlatform() {
        OutboxEvent e = referral(EventType.REFERRAL_SUBMITTED, "SUBMITTED", null);
        e.data.put("targetType", "PLATFORM");
        e.data.put("targetId", PLATFORM);
        e.data.remove("targetOrganisationId");
        assertEquals(List.of(new MailQueue.Mailbox(MailTemplate.EVENT, "platform:" + PLATFORM)), queue.mailboxes(e));
        assertEquals(Set.of("uai:" + UAI, "platform:" + PLATFORM), MailQueue.readers(e));
    }

    @Test
    void overdueRemindsTheTargetAndEscalatesToThePlatformNamed() {
        String escalation = UUID.randomUUID().toString();
        OutboxEvent e = referral(EventType.REFERRAL_OVERDUE, "RECEIVED", null);
        e.data.put("stage", "RECEIVED");
        e.data.put("escalatedTo", escalation);
        assertEquals(List.of(new MailQueue.Mailbox(MailTemplate.OVERDUE_REMINDER, "programme:" + PROGRAMME),
                new MailQueue.Mailbox(MailTemplate.OVERDUE_ESCALATION, "platform:" + escalation)), queue.mailboxes(e));
        assertEquals(Set.of("uai:" + UAI, "platform:" + PLATFORM, "organisation:" + ORG, "platform:" + escalation), MailQueue.readers(e));
    }

    @Test
    void aFollowUpKeptToItsAuthorsOrganisationIsToldOnlyThere() {
        OutboxEvent e = referral(EventType.FOLLOWUP_ADDED, "IN_PROGRESS", null);
        e.data.put("visibility", "AUTHOR_ORG");
        e.data.put("authorAttachment", "organisation:" + ORG);
        assertEquals(Set.of("organisation:" + ORG), MailQueue.readers(e));
        e.data.put("visibility", "ALL_PARTIES");
        assertEquals(Set.of("uai:" + UAI, "platform:" + PLATFORM, "organisation:" + ORG), MailQueue.readers(e));
    }

    @Test
    void theTrainingObligationAlertGoesToItsPlatform() {
        OutboxEvent e = new OutboxEvent();
        e.id = UUID.randomUUID();
        e.type = EventType.CASE_TRAINING_OBLIGATION_ALERT;
        e.caseId = UUID.randomUUID();
        e.occurredAt = Instant.now();
        e.data = new LinkedHashMap<>(Map.of("caseId", e.caseId.toString(), "originUai", UAI, "platformId", PLATFORM));
        assertEquals(List.of(new MailQueue.Mailbox(MailTemplate.EVENT, "platform:" + PLATFORM)), queue.mailboxes(e));
        assertEquals(Set.of("platform:" + PLATFORM), MailQueue.readers(e));
    }

    @Test
    void referencesAreShortAndSayWhatTheyName() {
        UUID id = UUID.fromString("1a2b3c4d-0000-4000-8000-000000000000");
        assertEquals("ORI-1a2b3c4d", MailQueue.reference(id));
        assertEquals("DOS-1a2b3c4d", MailQueue.caseReference(id));
        assertEquals("27/11/2026", MailComposer.day("2026-11-27T16:00:00Z"));
        assertEquals("27/11/2026", MailComposer.day("2026-11-27"));
        assertEquals("28/11/2026", MailComposer.day("2026-11-27T23:30:00Z"));
    }

    private static OutboxEvent referral(EventType type, String status, String previous) {
        OutboxEvent e = new OutboxEvent();
        e.id = UUID.randomUUID();
        e.type = type;
        e.caseId = UUID.randomUUID();
        e.referralId = UUID.randomUUID();
        e.occurredAt = Instant.now();
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("referralId", e.referralId.toString());
        d.put("status", status);
        if (previous != null) {
            d.put("previousStatus", previous);
        }
        d.put("targetType", "PROGRAMME");
        d.put("targetId", PROGRAMME);
        d.put("targetOrganisationId", ORG);
        d.put("triagePlatformId", PLATFORM);
        d.put("originUai", UAI);
        d.put("urgency", "HIGH");
        e.data = d;
        return e;
    }
}
