package fr.passerelle.e2e.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.passerelle.e2e.support.Api;
import fr.passerelle.e2e.support.E2e;
import fr.passerelle.e2e.support.Keycloak;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * The private directory-service stopped, then started again, behind the private gateway and referral-service:
 * <ul>
 * <li>everything held by referral-service keeps working (a referral, its case, the timeline, inboxes, the triage
 *     queue, and a lifecycle action), quickly;</li>
 * <li>the directory's own routes answer 502 or 503 problem+json through the gateway (503 with Retry-After), quickly;</li>
 * <li>filing a referral to a programme the service cannot confirm answers 503 with Retry-After and writes nothing;</li>
 * <li>once directory-service is ready again, its routes and that creation (retried with its key) come back by themselves.</li>
 * </ul>
 */
@E2e
@Order(10)
class DirectoryOutageIT extends FaultTest {

    /** A read or an action that does not need the directory answers within this. */
    private static final double QUICK_SECONDS = 5.0;

    @Test
    void readsKeepWorkingDirectoryRoutesAnswerProblemsAndBothComeBackAfterARestart() throws Exception {
        String referent = Keycloak.freshToken("referent1");
        String coordinator = Keycloak.freshToken("coordinator1");
        String partner = Keycloak.freshToken("partner1");
        String programme = Pupils.programmeNotYetUsed(cell, referent, 0);

        // Before: a case and a referral to « Le Fil d'Ariane », in partner1's inbox and coordinator1's queue.
        Http.Answer created = Http.post(cell.api("/api/v1/cases"), referent, Pupils.key(Pupils.newKey()), Pupils.pupil("dir", 0));
        Expect.status(201, created, "case creation with the directory up");
        String caseId = created.id();
        Http.Answer filed = Http.post(cell.api("/api/v1/referrals"), referent, Pupils.key(Pupils.newKey()),
                Pupils.referral(caseId, Api.FIL_D_ARIANE));
        Expect.status(201, filed, "referral creation with the directory up");
        String referralId = filed.id();

        long stopAsked = System.nanoTime();
        cell.directory.stop();
        long stopped = System.nanoTime();

        // What referral-service holds keeps working.
        Map<String, Supplier<Http.Answer>> reads = new LinkedHashMap<>();
        reads.put("referent1 reads the referral", () -> Http.get(cell.api("/api/v1/referrals/" + referralId), referent));
        reads.put("referent1 reads the case", () -> Http.get(cell.api("/api/v1/cases/" + caseId), referent));
        reads.put("referent1 reads the case's timeline", () -> Http.get(cell.api("/api/v1/cases/" + caseId + "/timeline"), referent));
        reads.put("referent1 lists the school's cases", () -> Http.get(cell.api("/api/v1/cases"), referent));
        reads.put("referent1 lists the referrals filed", () -> Http.get(cell.api("/api/v1/referrals"), referent));
        reads.put("coordinator1 reads the triage queue", () -> Http.get(cell.api("/api/v1/triage"), coordinator));
        reads.put("partner1 reads the referral", () -> Http.get(cell.api("/api/v1/referrals/" + referralId), partner));
        double slowestRead = 0;
        for (var read : reads.entrySet()) {
            Http.Answer answer = read.getValue().get();
            Expect.status(200, answer, read.getKey() + " with directory-service down");
            Expect.within(QUICK_SECONDS, answer, read.getKey() + " with directory-service down");
            slowestRead = Math.max(slowestRead, answer.seconds());
        }
        Http.Answer partnerRead = Http.get(cell.api("/api/v1/referrals/" + referralId), partner);
        Http.Answer received = Http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(
                        cell.api("/api/v1/referrals/" + referralId + "/receive")))
                .timeout(Http.CEILING).header("Authorization", "Bearer " + partner).header("Accept", "application/json")
                .header("Content-Type", "application/json").header("If-Match", partnerRead.header("ETag"))
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{}")));
        Expect.status(200, received, "partner1 receives the referral with directory-service down");
        assertEquals("RECEIVED", received.json().path("status").asText(), "the referral is RECEIVED");

        // The directory's own routes: 502 (refused) or 503 (circuit open, with Retry-After), problem+json, quickly.
        List<String> directoryRoutes = List.of("/api/v1/programmes", "/api/v1/programmes/" + Api.FIL_D_ARIANE,
                "/api/v1/platforms/" + Api.COORDINATOR1_PLATFORM, "/api/v1/territories/communes/" + Api.VILLEURBANNE);
        Map<Integer, Integer> routeStatuses = new TreeMap<>();
        double slowestRoute = 0;
        for (int round = 0; round < 2; round++) {
            for (String route : directoryRoutes) {
                Http.Answer answer = Http.get(cell.api(route), referent);
                assertTrue(answer.status() == 502 || answer.status() == 503, route + " with directory-service down: " + answer);
                if (answer.status() == 503) {
                    Expect.unavailable(answer, route + " with directory-service down");
                } else {
                    Expect.problem(answer, route + " with directory-service down");
                }
                Expect.within(QUICK_SECONDS, answer, route + " with directory-service down");
                routeStatuses.merge(answer.status(), 1, Integer::sum);
                slowestRoute = Math.max(slowestRoute, answer.seconds());
            }
        }

        // Filing a referral the directory must confirm: 503 with Retry-After, nothing written.
        String key = Pupils.newKey();
        Map<String, Object> body = Pupils.referral(caseId, programme);
        Http.Answer refused = Http.post(cell.api("/api/v1/referrals"), referent, Pupils.key(key), body);
        Expect.unavailable(refused, "filing a referral the directory cannot confirm");
        Expect.within(10, refused, "filing a referral the directory cannot confirm");
        assertEquals(0, referralsTo(caseId, programme), "nothing was written for the refused referral");
        assertEquals(0, keyRecords(key), "the refused request's Idempotency-Key is free for its retry");

        // Started again: how long until its routes and the creation work again, by themselves.
        long startAsked = System.nanoTime();
        cell.directory.start();
        cell.directory.awaitReady(Duration.ofMinutes(3));
        long ready = System.nanoTime();
        Http.Answer routeBack = until(() -> Http.get(cell.api("/api/v1/programmes/" + Api.FIL_D_ARIANE), referent), 200, 30);
        long routeBackAt = System.nanoTime();
        Http.Answer filedBack = until(() -> Http.post(cell.api("/api/v1/referrals"), referent, Pupils.key(key), body), 201, 40);
        long filedBackAt = System.nanoTime();
        assertEquals(programme, filedBack.json().path("targetId").asText(), "the retried referral is the one refused");
        assertEquals(1, referralsTo(caseId, programme), "the retried creation wrote exactly one referral");

        Cell.report(String.format(java.util.Locale.ROOT,
                "directory-service stop and restart: down %s (stop %s, start to ready %s); while down, referral-service's reads"
                        + " answered 200 (slowest %.2f s), the directory's routes %s through the gateway (slowest %.2f s),"
                        + " a referral it must confirm 503 Retry-After %s in %.2f s; after it was ready, directory routes back in %s,"
                        + " that referral (same key) 201 in %s",
                Cell.seconds(ready - stopAsked), Cell.seconds(stopped - stopAsked), Cell.seconds(ready - startAsked), slowestRead,
                routeStatuses, slowestRoute, refused.header("Retry-After"), refused.seconds(),
                Cell.seconds(routeBackAt - ready), Cell.seconds(filedBackAt - ready)));
        assertFalse(routeBack.isProblem(), "the directory answers again");
    }

    private static int referralsTo(String caseId, String programme) throws Exception {
        return count("select count(*) from referral where case_id = ?::uuid and target_id = ?::uuid", caseId, programme);
    }

    private static int keyRecords(String key) throws Exception {
        return count("select count(*) from idempotency_record where idem_key = ?", key);
    }
}
