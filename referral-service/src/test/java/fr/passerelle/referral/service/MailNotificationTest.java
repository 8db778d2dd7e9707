package fr.passerelle.referral.service;

import static fr.passerelle.referral.support.Api.act;
import static fr.passerelle.referral.support.Api.as;
import static fr.passerelle.referral.support.Api.createCase;
import static fr.passerelle.referral.support.Api.createReferral;
import static fr.passerelle.referral.support.Api.pupil;
import static fr.passerelle.referral.support.Api.referral;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.passerelle.referral.support.Api;
import fr.passerelle.referral.support.Await;
import fr.passerelle.referral.support.DirectoryStub;
import fr.passerelle.referral.support.MailSink;
import fr.passerelle.referral.support.ReferralDatabase;
import fr.passerelle.referral.support.Sink;
import fr.passerelle.referral.support.TestDb;
import fr.passerelle.referral.support.World;
import fr.passerelle.testing.TestTokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * E-mail through the real path: lifecycle change → outbox → relay → mail queue → worker → Quarkus Mailer → a real
 * SMTP server (GreenMail). Functional mailboxes come from the directory stub; people opt in through the API.
 */
@QuarkusTest
@QuarkusTestResource(ReferralDatabase.class)
@QuarkusTestResource(DirectoryStub.class)
@QuarkusTestResource(MailSink.class)
class MailNotificationTest {

    static final String RELAIS_MAILBOX = World.RELAIS_MAILBOX;
    static final UUID P_ESCALATION = World.P_ESCALATION;
    static final String PLATFORM_MAILBOX = World.PLATFORM_MAILBOX;
    static final String BASE = "https://passerelle.example.fr";

    /** Injected by {@link MailSink}. */
    Function<String, Object> smtpSink;
    Sink sink;

    @Inject
    MailDigest digest;
    @Inject
    DeadlineJob deadlines;
    @Inject
    Event<WebhookDisabled> webhookDisabled;

    private final String uai = Api.freshUai();
    private final String referent = Api.referent(uai);
    private final String partner = Api.partner(World.ORG_RELAIS);

    @BeforeEach
    void sink() {
        // The mailboxes are in the directory stub from the start (World.registerBase).
        sink = new Sink(smtpSink);
    }

    @Test
    void thePartnersMailboxIsToldOfANewReferralInFrenchWithoutThePupilsData() {
        Map<String, Object> pupil = pupil(uai);
        String caseId = createCase(referent, pupil).id();
        String id = createReferral(referent, referral(caseId, "PROGRAMME", World.PROG_OPEN, true)).id();
        String ref = "ORI-" + id.substring(0, 8);

        Sink.Message m = sink.await(x -> x.to().contains(RELAIS_MAILBOX) && x.subject().contains(ref));
        assertEquals("[Passerelle] Nouvelle orientation reçue – " + ref, m.subject());
        assertTrue(m.from().contains("noreply@passerelle.test"), m.from());
        assertTrue(m.body().contains("Une nouvelle orientation a été adressée à « Accompagnement remobilisation »"), m.body());
        assertTrue(m.body().contains("Urgence : Haute"), m.body());
        assertTrue(m.body().contains("Référence : " + ref + " (référence de l'orientation"), m.body());
        assertTrue(m.body().contains(BASE + "/orientations/" + id), m.body());
        assertTrue(m.body().contains("boîte fonctionnelle"), m.body());
        for (String personal : List.of((String) pupil.get("firstName"), (String) pupil.get("lastName"), (String) pupil.get("birthDate"),
                "Nadia", "06 12 34 56 78", "Absences répétées", caseId)) {
            assertFalse(m.all().contains(personal), "the message carries " + personal + ":\n" + m.all());
        }
        assertEquals(1, sink.to(RELAIS_MAILBOX).stream().filter(x -> x.subject().contains(ref)).count());
    }

    @Test
    void anOptedInReferentHearsOfTheOutcomeAndSomeoneWhoDidNotHearsNothing() {
        String optedIn = Api.freshName("sophie") + "@ecole.test";
        String off = Api.freshName("karim") + "@ecole.test";
        String never = Api.freshName("lea") + "@ecole.test";
        String referentIn = TestTokens.user(Api.freshName("sub")).role("referent").claim("uai", uai).claim("email", optedIn).sign();
        String referentOff = TestTokens.user(Api.freshName("sub")).role("referent").claim("uai", uai).claim("email", off).sign();
        TestTokens.user(Api.freshName("sub")).role("referent").claim("uai", uai).claim("email", never).sign();
        as(referentIn).body(Map.of("defaultMode", "OFF", "events", Map.of("referral.completed", "IMMEDIATE"))).put("/api/v1/me/notifications")
                .then().statusCode(200);
        as(referentOff).body(Map.of("defaultMode", "OFF")).put("/api/v1/me/notifications").then().statusCode(200);

        String caseId = createCase(referentIn, pupil(uai)).id();
        String id = createReferral(referentIn, referral(caseId, "PROGRAMME", World.PROG_OPEN, true)).id();
        String ref = "ORI-" + id.substring(0, 8);
        act(partner, id, "receive", null).then().statusCode(200);
        act(partner, id, "accept", Map.of("comment", "Entrée lundi")).then().statusCode(200);
        act(partner, id, "start", Map.of("startDate", LocalDate.now().toString())).then().statusCode(200);
        act(partner, id, "complete", Map.of("outcome", "APPRENTICESHIP", "comment", "Contrat signé chez un boulanger")).then().statusCode(200);

        Sink.Message m = sink.await(x -> x.to().contains(optedIn) && x.subject().contains(ref));
        assertEquals("[Passerelle] Accompagnement terminé – " + ref, m.subject());
        assertTrue(m.body().contains("L'accompagnement par « Accompagnement remobilisation » est terminé"), m.body());
        assertTrue(m.body().contains("vos préférences de notification"), m.body());
        assertFalse(m.all().contains("boulanger") || m.all().contains("APPRENTICESHIP") || m.all().contains("Entrée lundi"), m.all());

        // Every event of this referral has been through the mail queue by now (the relay hands them over in order).
        Await.until(() -> TestDb.count("select count(*) from outbox_event where referral_id = ?::uuid and dispatched_at is null", id) == 0,
                Duration.ofSeconds(30), () -> "events still pending");
        Await.until(() -> TestDb.count("select count(*) from mail_outbox where status = 'PENDING' and facts->>'referralId' = ?", id) == 0,
                Duration.ofSeconds(30), () -> "mail still queued");
        assertEquals(1, sink.to(optedIn).size(), "only the outcome: " + sink.to(optedIn));
        assertEquals(List.of(), sink.to(off));
        assertEquals(List.of(), sink.to(never));
        assertEquals(0, TestDb.count("select count(*) from mail_outbox where recipient in (?, ?)", off, never));
    }

    @Test
    void aDailyDigestUserGetsOneMessageListingTheDaysEvents() {
        String address = Api.freshName("nathalie") + "@psad.test";
        String coordinator = TestTokens.user(Api.freshName("coord")).role("coordinator").claim("platform", World.P_LYON.toString())
                .claim("email", address).sign();
        // Earlier tests' events still in the relay would land in this digest too: let them pass first.
        Await.until(() -> TestDb.count("select count(*) from outbox_event where dispatched_at is null") == 0, Duration.ofSeconds(30),
                () -> "events still pending");
        as(coordinator).body(Map.of("defaultMode", "DAILY_DIGEST")).put("/api/v1/me/notifications").then().statusCode(200);

        String caseId = createCase(referent, pupil(uai)).id();
        String id = createReferral(referent, referral(caseId, "PROGRAMME", World.PROG_OPEN, true)).id();
        String ref = "ORI-" + id.substring(0, 8);
        act(partner, id, "receive", null).then().statusCode(200);
        Await.until(() -> TestDb.count("select count(*) from notification_digest_item where facts->>'referralId' = ? and digest_date is null",
                id) == 2, Duration.ofSeconds(30), () -> "digest items not kept");

        LocalDate day = LocalDate.of(2099, 1, 2);
        int queued = digest.digest(day);
        assertTrue(queued >= 1, "queued " + queued);
        Sink.Message m = sink.await(x -> x.to().contains(address));
        assertEquals("[Passerelle] Récapitulatif du 02/01/2099 – 2 événement(s)", m.subject());
        assertTrue(m.body().contains("- Nouvelle orientation reçue – " + ref + " – urgence : Haute"), m.body());
        assertTrue(m.body().contains("- Orientation prise en compte – " + ref), m.body());
        assertTrue(m.body().contains(BASE + "/orientations/" + id), m.body());

        assertEquals(0, digest.digest(day), "a second run of the same day finds the marker");
        // This test's own mail (the directory stub's mailboxes, the digest): other tests' retries may still wait.
        Await.until(() -> TestDb.count("select count(*) from mail_outbox where status = 'PENDING' and (recipient = ?"
                + " or facts->>'referralId' = ?)", address, id) == 0, Duration.ofSeconds(30), () -> "mail still queued");
        assertEquals(1, sink.to(address).size(), "one digest, no immediate message: " + sink.to(address));
    }

    @Test
    void mailStaysQueuedWhileTheSmtpServerIsDownAndLeavesWhenItIsBack() {
        sink.stop();
        String id;
        try {
            String caseId = createCase(referent, pupil(uai)).id();
            id = createReferral(referent, referral(caseId, "PROGRAMME", World.PROG_OPEN, true)).id();
            String referralId = id;
            Await.until(() -> TestDb.count("select count(*) from mail_outbox where facts->>'referralId' = ? and status = 'PENDING'"
                    + " and attempts >= 1 and last_error is not null", referralId) == 1, Duration.ofSeconds(30), () -> "no failed attempt");
        } finally {
            sink.start();
        }
        String ref = "ORI-" + id.substring(0, 8);
        sink.await(x -> x.to().contains(RELAIS_MAILBOX) && x.subject().contains(ref));
        Await.until(() -> TestDb.count("select count(*) from mail_outbox where facts->>'referralId' = ? and status = 'SENT'", id) == 1,
                Duration.ofSeconds(30), () -> "not marked sent");
    }

    @Test
    void anOverdueReferralRemindsTheTargetAndEscalatesToThePlatform() {
        String caseId = createCase(referent, pupil(uai)).id();
        String id = createReferral(referent, referral(caseId, "PROGRAMME", World.PROG_OPEN, true)).id();
        String ref = "ORI-" + id.substring(0, 8);
        // As the deadline job announces it (its own helper writes it through Outbox.referral).
        TestDb.execute("insert into outbox_event (id, type, case_id, referral_id, occurred_at, data) values ('" + UUID.randomUUID()
                + "', 'referral.overdue', '" + caseId + "', '" + id + "', now(), '{\"referralId\":\"" + id + "\",\"caseId\":\"" + caseId
                + "\",\"status\":\"SUBMITTED\",\"targetType\":\"PROGRAMME\",\"targetId\":\"" + World.PROG_OPEN
                + "\",\"targetOrganisationId\":\"" + World.ORG_RELAIS + "\",\"triagePlatformId\":\"" + World.P_LYON
                + "\",\"originUai\":\"" + uai + "\",\"urgency\":\"HIGH\",\"stage\":\"RECEIPT\",\"dueAt\":\"2026-11-27T16:00:00Z\","
                + "\"escalatedTo\":\"" + P_ESCALATION + "\"}'::jsonb)");

        Sink.Message reminder = sink.await(x -> x.to().contains(RELAIS_MAILBOX) && x.subject().contains("Relance") && x.subject().contains(ref));
        assertEquals("[Passerelle] Relance : orientation en attente au-delà du délai – " + ref, reminder.subject());
        assertTrue(reminder.body().contains("Étape en retard : Accusé de réception, échéance dépassée le 27/11/2026"), reminder.body());
        Sink.Message escalation = sink.await(x -> x.to().contains(PLATFORM_MAILBOX) && x.subject().contains(ref));
        assertEquals("[Passerelle] Escalade : orientation en retard – " + ref, escalation.subject());
    }

    /**
     * The whole chain: a referral left SUBMITTED past its deadline reads overdue, the deadline job raises
     * referral.overdue, the partner's mailbox gets the reminder and the platform's coordinator (opted in) the escalation.
     * The referral's deadline is moved back in the database rather than the clock forward: moving the clock would make
     * every other test's referral in this shared database overdue too, and bury this one's mail under theirs.
     * (DeadlineTest moves the clock, on referrals of its own.)
     */
    @Test
    void aReferralLeftSubmittedPastItsDeadlineReachesTheCoordinator() {
        String coordinatorMail = Api.freshName("nathalie") + "@psad.test";
        String coordinator = TestTokens.user(Api.freshName("sub")).role("coordinator").claim("platform", World.P_LYON.toString())
                .claim("email", coordinatorMail).sign();
        as(coordinator).body(Map.of("defaultMode", "OFF", "events", Map.of("referral.overdue", "IMMEDIATE")))
                .put("/api/v1/me/notifications").then().statusCode(200);
        String caseId = createCase(referent, pupil(uai)).id();
        String id = createReferral(referent, referral(caseId, "PROGRAMME", World.PROG_OPEN, true)).id();
        String ref = "ORI-" + id.substring(0, 8);
        as(referent).get("/api/v1/referrals/" + id).then().statusCode(200).body("overdue", org.hamcrest.Matchers.equalTo(false))
                .body("dueAt", org.hamcrest.Matchers.notNullValue());
        TestDb.execute("update referral set submitted_at = submitted_at - interval '12 days', due_at = now() - interval '1 minute'"
                + " where id = '" + id + "'");
        as(referent).get("/api/v1/referrals/" + id).then().statusCode(200).body("overdue", org.hamcrest.Matchers.equalTo(true));
        deadlines.run();
        assertEquals(List.of("RECEIPT"), TestDb.strings(
                "select data->>'stage' from outbox_event where referral_id = ?::uuid and type = 'referral.overdue'", UUID.fromString(id)));
        Sink.Message escalation = sink.await(x -> x.to().contains(coordinatorMail) && x.subject().contains(ref));
        assertTrue(escalation.subject().contains("retard"), escalation.subject());
        Sink.Message reminder = sink.await(x -> x.to().contains(RELAIS_MAILBOX) && x.subject().contains("Relance")
                && x.subject().contains(ref));
        assertTrue(reminder.body().contains("Étape en retard : Accusé de réception"), reminder.body());
        for (Sink.Message m : List.of(escalation, reminder)) {
            assertFalse(m.all().contains("Absences répétées") || m.all().contains(caseId), m.all());
        }
    }

    @Test
    void theOwnerOfADisabledWebhookIsTold() {
        UUID subscription = UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> webhookDisabled.fire(
                new WebhookDisabled(subscription, "organisation:" + World.ORG_RELAIS, "hooks.relais.test", Instant.parse("2026-11-28T10:00:00Z"))));
        Sink.Message m = sink.await(x -> x.to().contains(RELAIS_MAILBOX) && x.body().contains(subscription.toString()));
        assertEquals("[Passerelle] Abonnement webhook désactivé (hooks.relais.test)", m.subject());
        assertTrue(m.body().contains("Votre abonnement webhook vers hooks.relais.test a été désactivé le 28/11/2026"), m.body());
    }

    @Test
    void aMessageAnotherInstanceHoldsIsSkippedUntilItIsReleased() throws Exception {
        String address = Api.freshName("held") + "@ecole.test";
        String facts = "{\"type\":\"referral.completed\",\"reference\":\"ORI-0000held\",\"path\":\"/orientations/x\"}";
        long id;
        try (java.sql.Connection c = TestDb.connect(); var ps = c.prepareStatement("insert into mail_outbox (dedupe_key, template,"
                + " event_type, recipient_kind, recipient, facts, status, attempts, next_attempt_at, created_at) values (?, 'EVENT',"
                + " 'referral.completed', 'USER', ?, ?::jsonb, 'PENDING', 0, now() + interval '10 seconds', now()) returning id")) {
            ps.setString(1, "test:" + address);
            ps.setString(2, address);
            ps.setString(3, facts);
            try (var rs = ps.executeQuery()) {
                rs.next();
                id = rs.getLong(1);
            }
        }
        // Another instance's sending transaction: it holds the row (FOR UPDATE) past the moment the message is due.
        try (java.sql.Connection other = TestDb.connect()) {
            other.setAutoCommit(false);
            try (var lock = other.prepareStatement("select id from mail_outbox where id = ? for update")) {
                lock.setLong(1, id);
                lock.executeQuery().close();
            }
            Await.until(() -> TestDb.count("select count(*) from mail_outbox where id = ? and next_attempt_at < now() - interval '3 seconds'",
                    id) == 1, Duration.ofSeconds(30), () -> "never due");
            assertEquals(List.of(), sink.to(address), "sent while another instance held it");
            assertEquals(1, TestDb.count("select count(*) from mail_outbox where id = ? and status = 'PENDING' and attempts = 0", id));
            other.commit();
        }
        sink.await(x -> x.to().contains(address) && x.subject().contains("ORI-0000held"));
        Await.until(() -> TestDb.count("select count(*) from mail_outbox where id = ? and status = 'SENT' and attempts = 1", id) == 1,
                Duration.ofSeconds(30), () -> "not marked sent once");
        assertEquals(1, sink.to(address).size());
    }
}
