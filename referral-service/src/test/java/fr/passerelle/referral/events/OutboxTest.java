package fr.passerelle.referral.events;

import static fr.passerelle.referral.support.Api.act;
import static fr.passerelle.referral.support.Api.as;
import static fr.passerelle.referral.support.Api.createReferral;
import static fr.passerelle.referral.support.Api.pupil;
import static fr.passerelle.referral.support.Api.referent;
import static fr.passerelle.referral.support.Api.referral;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.passerelle.referral.support.Api;
import fr.passerelle.referral.support.DirectoryStub;
import fr.passerelle.referral.support.RecordingConsumer;
import fr.passerelle.referral.support.ReferralDatabase;
import fr.passerelle.referral.support.TestDb;
import fr.passerelle.referral.support.World;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The transactional outbox: one event per change, in the change's transaction, without personal data; nothing lost. */
@QuarkusTest
@QuarkusTestResource(ReferralDatabase.class)
@QuarkusTestResource(DirectoryStub.class)
class OutboxTest {

    @Inject
    RecordingConsumer consumer;

    private final String uai = Api.freshUai();
    private final String referent = referent(uai);
    private final String partner = Api.partner(World.ORG_RELAIS);

    @AfterEach
    void healthyConsumer() {
        consumer.failing(false);
    }

    @Test
    void everyLifecycleChangeWritesOneEventInOrderAndNoneCarriesANameOrFreeText() {
        String marker = Api.freshName("Zqoutbox");
        Map<String, Object> body = new HashMap<>(pupil(uai));
        body.put("firstName", marker);
        body.put("lastName", marker + "Nom");
        String caseId = Api.createCase(referent, body).id();
        Map<String, Object> toProgramme = new HashMap<>(referral(caseId, "PROGRAMME", World.PROG_OPEN, true));
        toProgramme.put("context", "Contexte " + marker);
        String id = createReferral(referent, toProgramme).id();
        act(partner, id, "receive", null).then().statusCode(200);
        act(partner, id, "accept", Map.of("comment", "Accueil " + marker)).then().statusCode(200);
        act(partner, id, "start", Map.of("startDate", LocalDate.now().toString())).then().statusCode(200);
        as(partner).body(Map.of("entryDate", LocalDate.now().toString(), "kind", "MEETING", "visibility", "AUTHOR_ORG",
                "text", marker + " est venu")).post("/api/v1/referrals/" + id + "/follow-ups").then().statusCode(201);
        act(partner, id, "complete", Map.of("outcome", "APPRENTICESHIP", "comment", marker + " signe")).then().statusCode(200);
        String etag = Api.etag(referent, "/api/v1/cases/" + caseId);
        as(referent).header("If-Match", etag).body(Map.of("reason", "SUPPORT_ENDED", "comment", "fin " + marker))
                .post("/api/v1/cases/" + caseId + "/close").then().statusCode(200);

        assertEquals(List.of("referral.submitted", "referral.received", "referral.accepted", "referral.started",
                        "followup.added", "referral.completed", "case.closed"),
                TestDb.strings("select type from outbox_event where case_id = ?::uuid order by seq", caseId));
        assertEquals(List.of("SUBMITTED", "RECEIVED", "ACCEPTED", "IN_PROGRESS", "IN_PROGRESS", "COMPLETED", "CLOSED"),
                TestDb.strings("select data->>'status' from outbox_event where case_id = ?::uuid order by seq", caseId));
        assertEquals(List.of("APPRENTICESHIP"), TestDb.strings(
                "select data->>'outcome' from outbox_event where case_id = ?::uuid and type = 'referral.completed'", caseId));
        assertEquals(List.of(World.ORG_RELAIS.toString()), TestDb.strings(
                "select distinct data->>'targetOrganisationId' from outbox_event where referral_id = ?::uuid", id));
        // Ids, statuses, codes and dates: the names, the context and every comment stay out.
        for (String data : TestDb.strings("select data::text from outbox_event where case_id = ?::uuid", caseId)) {
            assertFalse(data.contains(marker), data);
        }
    }

    @Test
    void aRefusedActionWritesNoEvent() {
        String caseId = Api.createCase(referent, pupil(uai)).id();
        String id = createReferral(referent, referral(caseId, "PROGRAMME", World.PROG_OPEN, true)).id();
        long before = TestDb.count("select count(*) from outbox_event where referral_id = ?::uuid", UUID.fromString(id));
        act(partner, id, "accept", null).then().statusCode(409);
        act(partner, id, "receive", null).then().statusCode(200);
        act(partner, id, "decline", Map.of("reason", "NOT_A_REASON")).then().statusCode(400);
        act(referent, id, "receive", null).then().statusCode(403);
        as(partner).header("If-Match", "\"0\"").post("/api/v1/referrals/" + id + "/accept").then().statusCode(412);
        act(partner, id, "start", Map.of("startDate", LocalDate.now().toString())).then().statusCode(409);
        assertEquals(before + 1, TestDb.count("select count(*) from outbox_event where referral_id = ?::uuid", UUID.fromString(id)));
    }

    @Test
    void theRelayHandsEveryEventOverInOrderAndAFailingConsumerLosesNothing() {
        String caseId = Api.createCase(referent, pupil(uai)).id();
        consumer.watch(caseId);
        String first = createReferral(referent, referral(caseId, "PROGRAMME", World.PROG_OPEN, true)).id();
        await("the relay to hand over the first event", () -> consumer.seen(caseId).size() == 1);
        await("the event to be marked dispatched", () -> TestDb.count(
                "select count(*) from outbox_event where case_id = ?::uuid and dispatched_at is null", UUID.fromString(caseId)) == 0);

        // The consumer breaks: the events stay pending, in the database, until it works again.
        consumer.failing(true);
        act(partner, first, "receive", null).then().statusCode(200);
        act(partner, first, "accept", null).then().statusCode(200);
        String second = createReferral(referent, referral(caseId, "PLATFORM", World.P_LYON, true)).id();
        await("the three events written", () -> TestDb.count(
                "select count(*) from outbox_event where case_id = ?::uuid", UUID.fromString(caseId)) == 4);
        // The relay offers them again and again (after each commit and on every poll), and is refused each time.
        await("the relay to be refused twice", () -> consumer.refusals() >= 2);
        assertEquals(3, TestDb.count("select count(*) from outbox_event where case_id = ?::uuid and dispatched_at is null",
                UUID.fromString(caseId)));
        assertEquals(1, consumer.seen(caseId).size());

        consumer.failing(false);
        await("the pending events to be handed over", () -> consumer.seen(caseId).size() == 4);
        List<RecordingConsumer.Seen> seen = consumer.seen(caseId);
        assertEquals(List.of("referral.submitted", "referral.received", "referral.accepted"),
                seen.stream().filter(s -> s.referralId().toString().equals(first)).map(RecordingConsumer.Seen::type).toList());
        assertEquals(List.of("referral.submitted"),
                seen.stream().filter(s -> s.referralId().toString().equals(second)).map(RecordingConsumer.Seen::type).toList());
        for (int i = 1; i < seen.size(); i++) {
            assertTrue(seen.get(i - 1).seq() < seen.get(i).seq(), "handed over in seq order");
        }
    }

    private static void await(String what, BooleanSupplier condition) {
        Instant deadline = Instant.now().plusSeconds(30);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("timed out waiting for " + what);
            }
            sleep(Duration.ofMillis(50));
        }
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
