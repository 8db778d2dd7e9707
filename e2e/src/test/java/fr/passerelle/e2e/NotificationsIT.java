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
                assertEquals(List.of(), receiver.deliveries(x -> other.equals(x.referralId())),
                        "nothing about another organisation's referral");
                // The relay fans events out in commit order: had the other organisation's event been queued for this
                // subscription, its delivery would stand in the log by now, beside the ones received.
                Response log = as(Keycloak.PARTNER_SYSTEM).get("/api/v1/webhooks/" + subscription + "/deliveries?size=100");
                assertEquals(200, log.statusCode(), log.asString());
                assertEquals(receiver.deliveries().stream().map(WebhookReceiver.Delivery::webhookId).distinct().count(),
                        log.jsonPath().getList("items").size(), "one delivery per event received, none other: " + log.asString());
            } finally {
                as(Keycloak.PARTNER_SYSTEM).delete("/api/v1/webhooks/" + subscription);
            }
        }
    }

    @Test
    void partner1sOrganisationIsToldByEmailAndReferent1OfTheOutcomeWithoutThePupilsName() throws Exception {
        as("referent1").body(Map.of("defaultMode", "OFF", "events", Map.of("referral.completed", "IMMEDIATE")))
                .put("/api/v1/me/notifications").then().statusCode(200);
        try {
            String id = file(Api.FIL_D_ARIANE, "Mail");
            String reference = "ORI-" + id.substring(0, 8);
            String told = awaitMail("hello.perseverance@apprentis-auteuil.org", reference);
            assertTrue(told.contains("Nouvelle orientation"), told);
            assertTrue(!told.contains(fr.passerelle.e2e.support.Run.MARKER), "no pupil's name in the e-mail:\n" + told);
            for (String action : List.of("receive", "accept", "start", "complete")) {
                Object body = switch (action) {
                    case "start" -> Map.of("startDate", Api.today().toString());
                    case "complete" -> Map.of("outcome", "RETURN_TO_SCHOOL", "outcomeDate", Api.today().toString());
                    default -> Map.of();
                };
                as("partner1").header("If-Match", Api.etag("partner1", id)).body(body).post("/api/v1/referrals/" + id + "/" + action)
                        .then().statusCode(200);
            }
            String outcome = awaitMail("referent1@demo.passerelle.test", reference);
            assertTrue(outcome.contains("terminé"), outcome);
            assertTrue(!outcome.contains(fr.passerelle.e2e.support.Run.MARKER) && !outcome.contains("RETURN_TO_SCHOOL"), outcome);
        } finally {
            as("referent1").body(Map.of("defaultMode", "OFF", "events", Map.of())).put("/api/v1/me/notifications");
        }
    }

    @Test
    void aReferralToACommissionProgrammeWithoutPartnerAccountEndsInTheCommissionsDecision() {
        Map<String, Object> young = new java.util.LinkedHashMap<>(Api.pupil("Commission"));
        young.remove("schoolUai");
        young.put("schoolingStatus", "LEFT_SCHOOL");
        young.put("schoolLevel", "NONE");
        Response created = as("coordinator1").header("Idempotency-Key", UUID.randomUUID().toString()).body(young).post("/api/v1/cases");
        assertEquals(201, created.statusCode(), created.asString());
        Map<String, Object> body = Api.referralBody(created.jsonPath().getString("id"), MLDS_REMOBILISATION, true);
        body.put("eligibilityOverrideReason", "Situation présentée en CTO.");
        Response filed = as("coordinator1").header("Idempotency-Key", UUID.randomUUID().toString()).body(body).post("/api/v1/referrals");
        assertEquals(201, filed.statusCode(), filed.asString());
        String id = filed.jsonPath().getString("id");
        String today = Api.today().toString();
        // The coordinator receives it, records the CTO's decision, then (no partner account) the start and the outcome.
        for (Map.Entry<String, Map<String, Object>> step : List.of(Map.entry("receive", Map.<String, Object>of()),
                Map.entry("accept", Map.<String, Object>of("commissionDate", today)),
                Map.entry("start", Map.<String, Object>of("startDate", today)),
                Map.entry("complete", Map.<String, Object>of("outcome", "QUALIFYING_TRAINING", "outcomeDate", today)))) {
            Response r = as("coordinator1").header("If-Match", Api.etag("coordinator1", id)).body(step.getValue())
                    .post("/api/v1/referrals/" + id + "/" + step.getKey());
            assertEquals(200, r.statusCode(), step.getKey() + ": " + r.asString());
        }
        Response done = as("coordinator1").get("/api/v1/referrals/" + id);
        assertEquals("COMPLETED", done.jsonPath().getString("status"));
        assertEquals(today, done.jsonPath().getString("commissionDate"));
    }

    /** « MLDS – remobilisation et remise à niveau (académie de Lyon) »: admission by CTO; its organisation has no account. */
    private static final String MLDS_REMOBILISATION = "4c2f283a-5b08-4886-b997-5be0c8321e5f";

    /** What the local SMTP sink holds for this address, as the README's deploy/local/mails prints it, once it names the reference. */
    private static String awaitMail(String to, String reference) throws Exception {
        Instant deadline = Instant.now().plusSeconds(60);
        String out = "";
        while (Instant.now().isBefore(deadline)) {
            Process p = new ProcessBuilder(fr.passerelle.e2e.support.Stack.root().resolve("deploy/local/mails").toString(), "--to", to)
                    .redirectErrorStream(true).start();
            out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            p.waitFor();
            int at = out.indexOf(reference);
            if (at >= 0) {
                // The one message naming the reference, between the separators the script prints.
                int start = out.lastIndexOf("=====", at);
                int end = out.indexOf("=====", at);
                return out.substring(start < 0 ? 0 : start, end < 0 ? out.length() : end);
            }
            Thread.sleep(500);
        }
        throw new AssertionError("no e-mail to " + to + " naming " + reference + " within 60 s; deploy/local/mails printed:\n" + out);
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
