package fr.passerelle.e2e;

import static fr.passerelle.e2e.support.Api.as;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.passerelle.e2e.support.Api;
import fr.passerelle.e2e.support.E2e;
import fr.passerelle.e2e.support.Keycloak;
import fr.passerelle.e2e.support.WebhookReceiver;
import io.restassured.response.Response;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * Nobody polls: partner1's organisation system, subscribed as {@code partner-system}, is told of a new referral by a
 * signed webhook, gets what happened while it was down once it is back, and never hears of another organisation's
 * referrals.
 */
@E2e
@Order(2)
class NotificationsIT {

    @Test
    void partnerSystemIsToldOfNewReferralsEvenAfterBeingDownAndNeverOfAnotherOrganisations() throws Exception {
        try (WebhookReceiver receiver = WebhookReceiver.start(freePort())) {
            Response created = as(Keycloak.PARTNER_SYSTEM).body(Map.of("url", receiver.url(), "events", List.of("*"),
                    "description", "Système d'information d'Apprentis d'Auteuil (e2e)")).post("/api/v1/webhooks");
            assertEquals(201, created.statusCode(), created.asString());
            String subscription = created.jsonPath().getString("id");
            receiver.secret(created.jsonPath().getString("secret"));
            try {
                // 1. referent1 files to partner1's « Le Fil d'Ariane »: a signed referral.submitted arrives.
                String mine = file(Api.FIL_D_ARIANE, "Notif");
                Instant filed = Instant.now();
                WebhookReceiver.Delivery d = receiver.await(x -> mine.equals(x.referralId()) && x.type().equals("referral.submitted"),
                        Duration.ofSeconds(30));
                assertNotNull(d, "referral.submitted for " + mine + " reached the subscriber");
                System.out.printf("notifications: referral.submitted reached the subscriber %d ms after the 201%n",
                        Duration.between(filed, d.receivedAt()).toMillis());
                assertTrue(d.signatureValid(), "signed with the subscription's secret (Standard Webhooks)");
                assertEquals("SUBMITTED", d.data().path("status").asText());
                assertEquals(Api.PARTNER1_ORGANISATION, d.data().path("targetOrganisationId").asText());
                assertTrue(!d.data().toString().contains(fr.passerelle.e2e.support.Run.MARKER) && !d.data().has("context"),
                        "no name, no free text in the payload: " + d.data());

                // 2. The receiver is down for a minute; meanwhile another referral is filed. Back up, it gets it.
                receiver.down();
                String whileDown = file(Api.FIL_D_ARIANE, "Notifdown");
                Thread.sleep(60_000);
                receiver.up();
                Instant back = Instant.now();
                WebhookReceiver.Delivery late = receiver.await(x -> whileDown.equals(x.referralId()), Duration.ofSeconds(150));
                assertNotNull(late, "the event filed while the receiver was down reached it once it was back");
                System.out.printf("notifications: after a minute down, the event arrived %d ms after the receiver was back%n",
                        Duration.between(back, late.receivedAt()).toMillis());
                assertTrue(late.signatureValid());

                // 3. A referral to another organisation's programme: never delivered to partner1's system.
                String other = file(otherOrganisationsProgramme(), "Notifother");
                String after = file(Api.FIL_D_ARIANE, "Notifafter");
                assertNotNull(receiver.await(x -> after.equals(x.referralId()), Duration.ofSeconds(30)),
                        "a later referral of partner1's organisation arrives");
                Thread.sleep(3_000);
                assertEquals(List.of(), receiver.deliveries(x -> other.equals(x.referralId())),
                        "nothing about another organisation's referral");
                // The deliveries log shows the attempts, the failed ones of the down minute included.
                Response log = as(Keycloak.PARTNER_SYSTEM).get("/api/v1/webhooks/" + subscription + "/deliveries?size=100");
                assertEquals(200, log.statusCode(), log.asString());
            } finally {
                as(Keycloak.PARTNER_SYSTEM).delete("/api/v1/webhooks/" + subscription);
            }
        }
    }

    /** referent1 files a submitted referral of a new marker pupil to the programme; returns its id. */
    private static String file(String programmeId, String marker) {
        String caseId = Api.newCase("referent1", marker);
        Map<String, Object> body = Api.referralBody(caseId, programmeId, true);
        body.put("eligibilityOverrideReason", "Orientation proposée après l'entretien de situation.");
        Response r = as("referent1").header("Idempotency-Key", UUID.randomUUID().toString()).body(body).post("/api/v1/referrals");
        assertEquals(201, r.statusCode(), r.asString());
        return r.jsonPath().getString("id");
    }

    /** An open programme of the platform run by another organisation than partner1's. */
    private static String otherOrganisationsProgramme() {
        List<Map<String, Object>> items = as("referent1")
                .body(Map.of("age", 17, "schoolLevel", "PREMIERE", "schoolingStatus", "AT_RISK", "communeCode", Api.VILLEURBANNE))
                .post("/api/v1/programmes/match").then().statusCode(200).extract().jsonPath().getList("items.programme");
        return items.stream().filter(p -> !Api.PARTNER1_ORGANISATION.equals(p.get("organisationId")))
                .map(p -> (String) p.get("id")).findFirst().orElseThrow(() -> new AssertionError("no other organisation's programme"));
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
