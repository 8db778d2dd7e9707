package fr.passerelle.e2e;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.passerelle.e2e.support.Api;
import fr.passerelle.e2e.support.E2e;
import fr.passerelle.e2e.support.Jwts;
import fr.passerelle.e2e.support.Keycloak;
import fr.passerelle.e2e.support.Metrics;
import fr.passerelle.e2e.support.Run;
import fr.passerelle.e2e.support.Stack;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.security.KeyPair;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * The gateway refuses missing and bad tokens itself, with 401 and WWW-Authenticate, and nothing reaches a
 * service: each service's own request counter (http_server_requests_seconds_count on its /q/metrics) moves
 * only by the one valid request sent after the bad ones.
 */
@E2e
@Order(3)
class AuthenticationIT {

    private static final String CLIENT_PREFIX = "e2e-";
    private static final KeyPair FOREIGN_KEY = Jwts.rsaKeyPair();

    /** Clients created in Keycloak for this class (internal id → clientId), deleted after it. */
    private static final Map<String, String> TEMPORARY_CLIENTS = new java.util.LinkedHashMap<>();

    /**
     * A public client of realm passerelle with direct access grants and exactly these default scopes,
     * created through the dev admin API (deleted after the class); returns its clientId.
     */
    private static String temporaryClient(String name, List<String> scopes, Map<String, String> attributes) {
        String admin = Keycloak.adminToken();
        if (TEMPORARY_CLIENTS.isEmpty()) {
            Keycloak.deleteClientsStartingWith(admin, CLIENT_PREFIX); // left by an interrupted run
        }
        String clientId = CLIENT_PREFIX + name + "-" + Run.letters(6);
        TEMPORARY_CLIENTS.put(Keycloak.createPublicClient(admin, clientId, scopes, attributes), clientId);
        return clientId;
    }

    @AfterAll
    static void deleteTemporaryClients() {
        if (!TEMPORARY_CLIENTS.isEmpty()) {
            String admin = Keycloak.adminToken();
            TEMPORARY_CLIENTS.keySet().forEach(id -> Keycloak.deleteClient(admin, id));
        }
    }

    @Test
    void aValidTokenReachesBothServices() {
        long directory = Metrics.apiRequests(Stack.DIRECTORY_MANAGEMENT);
        long referral = Metrics.apiRequests(Stack.REFERRAL_MANAGEMENT);
        sendOneValidRequestToEachService();
        awaitCounts(directory + 1, referral + 1);
    }

    @Test
    void noToken() {
        assertRejectedAtTheGateway(null, "Bearer");
    }

    @Test
    void garbageTokens() {
        assertRejectedAtTheGateway("Bearer not-a-jwt", "Bearer");
        assertRejectedAtTheGateway("Bearer eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl", "Bearer");
    }

    @Test
    void algNone() {
        String real = Keycloak.token("referent1");
        ObjectNode header = Jwts.JSON.createObjectNode().put("alg", "none").put("typ", "JWT");
        assertRejectedAtTheGateway("Bearer " + Run.token(Jwts.unsigned(header, Jwts.claims(real))), "Bearer");
        // Same, keeping Keycloak's kid: still no signature.
        ObjectNode withKid = Jwts.header(real).put("alg", "none");
        assertRejectedAtTheGateway("Bearer " + Run.token(Jwts.unsigned(withKid, Jwts.claims(real))), "Bearer");
    }

    @Test
    void wrongSignature() {
        String real = Keycloak.token("referent1");
        // Keycloak's header (its kid) and claims, signed with a key Keycloak never had.
        String foreign = Jwts.signRs256(Jwts.header(real), Jwts.claims(real), FOREIGN_KEY.getPrivate());
        assertRejectedAtTheGateway("Bearer " + Run.token(foreign), "Bearer");
        // Keycloak's signature over claims changed afterwards (another school's uai).
        String[] parts = real.split("\\.");
        ObjectNode claims = Jwts.claims(real).put("uai", "0692326D");
        String tampered = parts[0] + "." + Jwts.encode(claims) + "." + parts[2];
        assertRejectedAtTheGateway("Bearer " + Run.token(tampered), "Bearer");
    }

    @Test
    void expiredTokenSignedByKeycloak() {
        // Same scopes as passerelle-cli, but access tokens live 2 s: Keycloak signs a token that then expires.
        String client = temporaryClient("short-lived", List.of("basic", "roles", "profile", "passerelle-api", "passerelle-attachment"),
                Map.of("access.token.lifespan", "2"));
        String token = Keycloak.accessToken(Keycloak.passwordGrant(client, "referent1", "referent1", null),
                "referent1 (short-lived client)");
        ObjectNode claims = Jwts.claims(token);
        assertTrue(claims.path("aud").toString().contains("passerelle-api"), "the short-lived token is for the API: " + claims.path("aud"));
        long exp = claims.path("exp").asLong();
        assertTrue(exp - claims.path("iat").asLong() <= 5, "Keycloak honoured the short lifespan");
        // Wait (bounded) until it has expired: a precondition, not an assertion on timing.
        Stack.await("the short-lived token to expire", Duration.ofSeconds(15), () -> Instant.now().getEpochSecond() > exp + 1);
        assertRejectedAtTheGateway("Bearer " + token, "Bearer");
    }

    @Test
    void expiredTokenForgedWithOwnKey() {
        // Keycloak cannot be asked for an old token; this one is also a wrong signature (our key).
        String real = Keycloak.token("referent1");
        long now = Instant.now().getEpochSecond();
        ObjectNode claims = Jwts.claims(real).put("iat", now - 900).put("exp", now - 600);
        assertRejectedAtTheGateway("Bearer " + Run.token(Jwts.signRs256(Jwts.header(real), claims, FOREIGN_KEY.getPrivate())), "Bearer");
    }

    @Test
    void wrongAudienceSignedByKeycloak() {
        // Without the passerelle-api scope: Keycloak signs an access token for another audience.
        String client = temporaryClient("no-api-audience", List.of("basic", "roles", "profile", "passerelle-attachment"), Map.of());
        String token = Keycloak.accessToken(Keycloak.passwordGrant(client, "referent1", "referent1", null),
                "referent1 (client without the API audience)");
        ObjectNode claims = Jwts.claims(token);
        assertFalse(claims.path("aud").toString().contains("passerelle-api"), "no API audience: " + claims.path("aud"));
        assertEquals(Stack.ISSUER, claims.path("iss").asText());
        assertEquals("0690047B", claims.path("uai").asText(), "otherwise a normal referent1 token");
        assertRejectedAtTheGateway("Bearer " + token, "Bearer");
        // An ID token of passerelle-cli (aud = passerelle-cli) is no access token for the API either.
        String idToken = Keycloak.passwordGrant("passerelle-cli", "referent1", "referent1", "openid")
                .then().statusCode(200).extract().jsonPath().getString("id_token");
        assertRejectedAtTheGateway("Bearer " + Run.token(idToken), "Bearer");
    }

    /**
     * Sends the Authorization value (none if null) to a directory route and to referral routes (read and
     * write): each answers 401 problem+json with WWW-Authenticate; then one valid request per service, and
     * each service's counter has moved by exactly that one request.
     */
    private static void assertRejectedAtTheGateway(String authorization, String challengePrefix) {
        long directory = Metrics.apiRequests(Stack.DIRECTORY_MANAGEMENT);
        long referral = Metrics.apiRequests(Stack.REFERRAL_MANAGEMENT);
        send(authorization, s -> s.queryParam("q", "mission locale"), "GET", "/api/v1/programmes", challengePrefix);
        send(authorization, s -> s.body(Map.of("age", 17, "schoolLevel", "PREMIERE", "schoolingStatus", "AT_RISK",
                "communeCode", Api.VILLEURBANNE)), "POST", "/api/v1/programmes/match", challengePrefix);
        send(authorization, s -> s, "GET", "/api/v1/cases", challengePrefix);
        send(authorization, s -> s.body(Api.pupil("auth")), "POST", "/api/v1/cases", challengePrefix);
        send(authorization, s -> s, "GET", "/api/v1/triage", challengePrefix);
        sendOneValidRequestToEachService();
        awaitCounts(directory + 1, referral + 1);
        assertEquals(directory + 1, Metrics.apiRequests(Stack.DIRECTORY_MANAGEMENT),
                "directory-service served only the valid request, none of the refused ones");
        assertEquals(referral + 1, Metrics.apiRequests(Stack.REFERRAL_MANAGEMENT),
                "referral-service served only the valid request, none of the refused ones");
    }

    private static void send(String authorization, UnaryOperator<RequestSpecification> shape, String method, String path,
                             String challengePrefix) {
        RequestSpecification spec = given().baseUri(Stack.GATEWAY).contentType(ContentType.JSON).accept(ContentType.JSON);
        if (authorization != null) {
            spec.header("Authorization", authorization);
        }
        shape.apply(spec).request(method, path).then()
                .statusCode(401)
                .header("WWW-Authenticate", startsWith(challengePrefix))
                .contentType(Api.PROBLEM_JSON)
                .body("status", equalTo(401));
    }

    /** One request per service that must reach it (a valid token): the sentinel after the refused ones. */
    private static void sendOneValidRequestToEachService() {
        Api.as("referent1").get("/api/v1/programmes/codes").then().statusCode(200);
        Api.as("referent1").queryParam("size", 1).get("/api/v1/cases").then().statusCode(200);
    }

    private static void awaitCounts(long directory, long referral) {
        Stack.await("the services' request counters to reach " + directory + " / " + referral, Duration.ofSeconds(20),
                () -> Metrics.apiRequests(Stack.DIRECTORY_MANAGEMENT) >= directory && Metrics.apiRequests(Stack.REFERRAL_MANAGEMENT) >= referral);
    }
}
