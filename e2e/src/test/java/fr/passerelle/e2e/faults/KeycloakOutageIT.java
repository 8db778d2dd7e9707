package fr.passerelle.e2e.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.passerelle.e2e.support.E2e;
import fr.passerelle.e2e.support.Jwts;
import fr.passerelle.e2e.support.Keycloak;
import fr.passerelle.e2e.support.Run;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Map;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * Keycloak unreachable for the private stack (its relay cut; the shared stack is untouched):
 * <ul>
 * <li>tokens already issued keep working: the gateway and the services check them with the keys they cached;</li>
 * <li>a new token request fails at once (connection refused);</li>
 * <li>a token whose key id nobody knows is refused with 401 problem+json, quickly;</li>
 * <li>referral-service calls the directory with its own client-credentials token: while that token is valid the
 *     calls go on; a replica that has none yet answers 503 problem+json with Retry-After, quickly, writes nothing,
 *     and succeeds (same Idempotency-Key) once Keycloak is back.</li>
 * </ul>
 */
@E2e
// Before DirectoryOutageIT: right after the directory restarts in the same cell, referral-service asked Keycloak for a
// new directory token at the first look-up after the cut (503 here). Cause not found yet; the order keeps the test
// about what it tests.
@Order(9)
class KeycloakOutageIT extends FaultTest {

    @Test
    void issuedTokensKeepWorkingAndWhatNeedsKeycloakFailsFastAndClearly() throws Exception {
        String referent = Keycloak.freshToken("referent1");
        String programme = Pupils.programmeNotYetUsed(cell, referent, 1);
        Http.Answer created = Http.post(cell.api("/api/v1/cases"), referent, Pupils.key(Pupils.newKey()), Pupils.pupil("kc", 0));
        Expect.status(201, created, "case creation with Keycloak up");
        String caseId = created.id();
        Expect.status(200, Http.get(cell.replica.url() + "/api/v1/cases", referent), "the replica answers with Keycloak up");
        assertTrue(cell.keycloak.accepted() > 0, "the private parts reach Keycloak through the relay");
        String foreign = unknownKid(referent);

        cell.keycloak.cut();

        // Tokens already issued: checked with the cached keys.
        Http.Answer listed = Http.get(cell.api("/api/v1/cases"), referent);
        Expect.status(200, listed, "an issued token through the gateway, Keycloak down");
        Http.Answer replicaListed = Http.get(cell.replica.url() + "/api/v1/cases", referent);
        Expect.status(200, replicaListed, "an issued token at the replica, Keycloak down");

        // A new token: refused at once.
        String relayTokenUrl = "http://" + cell.keycloak.address() + "/realms/passerelle/protocol/openid-connect/token";
        Http.Answer tokenRequest = Http.send(HttpRequest.newBuilder(URI.create(relayTokenUrl)).timeout(Http.CEILING)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=password&client_id=passerelle-cli&username=referent1&password=referent1",
                        StandardCharsets.US_ASCII)));
        assertEquals(-1, tokenRequest.status(), "a token request to the stopped Keycloak fails: " + tokenRequest);
        Expect.within(1, tokenRequest, "a token request to the stopped Keycloak");

        // A key id nobody knows: the keys cannot be fetched again; 401, quickly, at the gateway and at the service.
        Http.Answer unknownAtGateway = Http.get(cell.api("/api/v1/cases"), foreign);
        Expect.status(401, unknownAtGateway, "an unknown kid at the gateway, Keycloak down");
        Expect.problem(unknownAtGateway, "an unknown kid at the gateway, Keycloak down");
        Expect.within(5, unknownAtGateway, "an unknown kid at the gateway, Keycloak down");
        Http.Answer unknownAtService = Http.get(cell.referral.url() + "/api/v1/cases", foreign);
        Expect.status(401, unknownAtService, "an unknown kid at referral-service, Keycloak down");
        Expect.within(5, unknownAtService, "an unknown kid at referral-service, Keycloak down");
        Http.Answer afterUnknown = Http.get(cell.api("/api/v1/cases"), referent);
        Expect.status(200, afterUnknown, "a good token right after an unknown kid, Keycloak down");

        // referral-service's own token for the directory, still valid (taken by the earlier directory calls): calls go on.
        long beforeLog = Files.size(cell.logs.resolve("directory-service.log"));
        Http.Answer filed = Http.post(cell.api("/api/v1/referrals"), referent, Pupils.key(Pupils.newKey()),
                Pupils.referral(caseId, programme));
        Expect.status(201, filed, "a referral needing a directory look-up, with the service's token still valid, Keycloak down");
        assertTrue(logSince(cell.logs.resolve("directory-service.log"), beforeLog).contains("/api/v1/programmes/" + programme),
                "the directory was really called (its access log shows the look-up)");

        // The replica has no token of its own yet: it needs Keycloak for one.
        String key = Pupils.newKey();
        Map<String, Object> pupil = Pupils.pupil("kc", 1);
        Http.Answer noToken = Http.post(cell.replica.url() + "/api/v1/cases", referent, Pupils.key(key), pupil);
        Expect.unavailable(noToken, "a case needing a directory look-up at a replica with no token yet, Keycloak down");
        Expect.within(10, noToken, "a case needing a directory look-up at a replica with no token yet, Keycloak down");
        assertEquals(0, count("select count(*) from pupil_case where first_name = ?", (String) pupil.get("firstName")),
                "nothing was written for the refused case");

        cell.keycloak.open();
        long back = System.nanoTime();
        Http.Answer retried = until(
                () -> Http.post(cell.replica.url() + "/api/v1/cases", referent, Pupils.key(key), pupil), 201, 40);
        long retriedAt = System.nanoTime();
        assertEquals(1, count("select count(*) from pupil_case where first_name = ?", (String) pupil.get("firstName")),
                "the retried case was written once");

        Cell.report(String.format(java.util.Locale.ROOT,
                "keycloak down: issued token accepted in %.2f s (gateway) and %.2f s (replica); new token request refused in %.3f s;"
                        + " unknown kid 401 in %.2f s (gateway) and %.2f s (referral-service); referral-service's own token still valid:"
                        + " referral needing the directory 201 in %.2f s; replica with no token yet: 503 Retry-After %s in %.2f s,"
                        + " then 201 (same key) %s after Keycloak was back",
                listed.seconds(), replicaListed.seconds(), tokenRequest.seconds(), unknownAtGateway.seconds(),
                unknownAtService.seconds(), filed.seconds(), noToken.header("Retry-After"), noToken.seconds(),
                Cell.seconds(retriedAt - back)));
        assertEquals(caseId, Http.get(cell.api("/api/v1/cases/" + caseId), referent).json().path("id").asText());
        assertTrue(retried.id() != null, "the retried case has an id");
        // Last, so that the measures above are taken even while it fails: a service's own 401 is problem+json too.
        Expect.problem(unknownAtService, "an unknown kid at referral-service, Keycloak down");
    }

    /** The claims of a real token, with a key id Keycloak never had, signed with a key of ours. */
    private static String unknownKid(String real) {
        ObjectNode header = Jwts.header(real).put("kid", "faults-" + Run.letters(12));
        return Run.token(Jwts.signRs256(header, Jwts.claims(real), Jwts.rsaKeyPair().getPrivate()));
    }

    private static String logSince(java.nio.file.Path log, long offset) throws java.io.IOException {
        byte[] all = Files.readAllBytes(log);
        return new String(all, (int) Math.min(offset, all.length), (int) Math.max(0, all.length - offset), StandardCharsets.ISO_8859_1);
    }
}
