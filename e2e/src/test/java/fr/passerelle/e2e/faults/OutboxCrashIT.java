package fr.passerelle.e2e.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.passerelle.e2e.support.Api;
import fr.passerelle.e2e.support.E2e;
import fr.passerelle.e2e.support.Keycloak;
import fr.passerelle.e2e.support.WebhookReceiver;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * Both referral-service instances of the private stack are killed (SIGKILL) while a subscriber's deliveries are
 * still queued behind a slow receiver; one instance comes back. Every event the outbox holds for the test's
 * referrals still reaches the receiver, at least once, signed, and per referral in the order the changes happened.
 */
@E2e
@Order(11)
class OutboxCrashIT extends FaultTest {

    private static final int PUPILS = 6;

    @Test
    void eventsQueuedWhenEveryInstanceDiesAreDeliveredAfterRestartInOrderPerReferral() throws Exception {
        String referent = Keycloak.token("referent1");
        String partner = Keycloak.token("partner1");
        try (WebhookReceiver receiver = WebhookReceiver.start(Cell.freePort())) {
            Http.Answer created = Http.post(cell.api("/api/v1/webhooks"), partner, Map.of(),
                    Map.of("url", receiver.url(), "events", List.of("*"), "description", "crash test"));
            Expect.status(201, created, "subscribing partner1's organisation");
            receiver.secret(created.json().path("secret").asText());
            // Slow: the deliveries queue up behind it, so the kill falls in the middle of them.
            receiver.delay(Duration.ofMillis(400));

            List<String> referrals = new ArrayList<>();
            for (int i = 0; i < PUPILS; i++) {
                int n = i;
                String caseKey = Pupils.newKey();
                String referralKey = Pupils.newKey();
                // The fault test before may leave the directory breaker open for a few seconds: retry as a client does.
                Http.Answer c = until(() -> Http.post(cell.api("/api/v1/cases"), referent, Pupils.key(caseKey),
                        Pupils.pupil("Crash", n)), 201, 60);
                Http.Answer r = until(() -> Http.post(cell.api("/api/v1/referrals"), referent, Pupils.key(referralKey),
                        Pupils.referral(c.json().path("id").asText(), Api.FIL_D_ARIANE)), 201, 60);
                String id = r.json().path("id").asText();
                referrals.add(id);
                Http.Answer received = Http.post(cell.api("/api/v1/referrals/" + id + "/receive"), partner,
                        Map.of("If-Match", r.header("ETag")), Map.of());
                Expect.status(200, received, "receive " + i);
                Expect.status(200, Http.post(cell.api("/api/v1/referrals/" + id + "/accept"), partner,
                        Map.of("If-Match", received.header("ETag")), Map.of()), "accept " + i);
            }
            Map<String, List<String>> expected = outboxTypes(referrals);
            int total = expected.values().stream().mapToInt(List::size).sum();
            assertEquals(PUPILS * 3, total, "three events per referral in the outbox: " + expected);

            // Kill both instances once a few deliveries went through and most are still queued.
            Instant waitFrom = Instant.now();
            while (receiver.deliveries().size() < 2 && Instant.now().isBefore(waitFrom.plusSeconds(30))) {
                Thread.sleep(50);
            }
            cell.referral.kill();
            cell.replica.kill();
            int beforeCrash = receiver.deliveries().size();
            assertTrue(beforeCrash < total, "the kill fell before every delivery: " + beforeCrash + " of " + total);
            Cell.report("outbox crash: both referral-service instances killed after " + beforeCrash + " of " + total
                    + " deliveries");

            receiver.delay(Duration.ZERO);
            Instant restart = Instant.now();
            cell.referral.start();
            cell.referral.awaitReady(Duration.ofMinutes(3));
            cell.replica.start();
            cell.replica.awaitReady(Duration.ofMinutes(3));

            Instant deadline = Instant.now().plusSeconds(120);
            while (!allArrived(receiver, expected) && Instant.now().isBefore(deadline)) {
                Thread.sleep(200);
            }
            Cell.report("outbox crash: every event delivered " + Cell.seconds(Duration.between(restart, Instant.now()))
                    + " after the restart began; " + receiver.deliveries().size() + " deliveries for " + total
                    + " events (at least once)");
            for (String id : referrals) {
                // First arrival of each event, in arrival order: the referral's history as it happened.
                Set<String> firstArrivals = new LinkedHashSet<>();
                for (WebhookReceiver.Delivery d : receiver.deliveries(d -> id.equals(d.referralId()))) {
                    assertTrue(d.signatureValid(), "every delivery is signed with the subscription's secret: " + d);
                    firstArrivals.add(d.type());
                }
                assertEquals(expected.get(id), new ArrayList<>(firstArrivals), "referral " + id + ": every event, in order");
            }
        }
    }

    private static boolean allArrived(WebhookReceiver receiver, Map<String, List<String>> expected) {
        for (Map.Entry<String, List<String>> e : expected.entrySet()) {
            Set<String> types = new LinkedHashSet<>();
            receiver.deliveries(d -> e.getKey().equals(d.referralId())).forEach(d -> types.add(d.type()));
            if (!types.containsAll(e.getValue())) {
                return false;
            }
        }
        return true;
    }

    /** The outbox's events per referral, in seq order, read on the private database. */
    private static Map<String, List<String>> outboxTypes(List<String> referrals) throws Exception {
        Map<String, List<String>> types = new LinkedHashMap<>();
        try (Connection db = cell.postgres.connect(Cell.REFERRAL_DB);
             PreparedStatement ps = db.prepareStatement("select type from outbox_event where referral_id = ?::uuid order by seq")) {
            for (String id : referrals) {
                ps.setString(1, id);
                List<String> list = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        list.add(rs.getString(1));
                    }
                }
                types.put(id, list);
            }
        }
        return types;
    }
}
