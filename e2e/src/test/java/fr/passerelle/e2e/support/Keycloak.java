package fr.passerelle.e2e.support;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Tokens from the real Keycloak of the stack: password grant through the dev public client
 * {@code passerelle-cli} (demo users, password = user name), client credentials for {@code partner-system},
 * and the master realm's dev admin (deploy/local/lib.sh: admin/admin unless PASSERELLE_KC_ADMIN_* say otherwise)
 * for the few checks that need a client of their own.
 */
public final class Keycloak {

    public static final String TOKEN_URL = Stack.ISSUER + "/protocol/openid-connect/token";
    public static final String ADMIN_URL = Stack.KEYCLOAK + "/admin/realms/passerelle";
    public static final String PARTNER_SYSTEM = "partner-system";
    private static final String PARTNER_SYSTEM_SECRET = "partner-system-dev-secret";

    private record Cached(String token, long expiresAtEpochSecond) {
    }

    private static final Map<String, Cached> CACHE = new ConcurrentHashMap<>();

    private Keycloak() {
    }

    /** A valid access token (cached while it has more than 30 s left) for a demo user or partner-system. */
    public static String token(String who) {
        Cached cached = CACHE.get(who);
        if (cached != null && cached.expiresAtEpochSecond - 30 > Instant.now().getEpochSecond()) {
            return cached.token;
        }
        String token = freshToken(who);
        CACHE.put(who, new Cached(token, Jwts.claims(token).path("exp").asLong()));
        return token;
    }

    /** A new access token, never cached. */
    public static String freshToken(String who) {
        Response response = PARTNER_SYSTEM.equals(who)
                ? given().contentType(ContentType.URLENC).formParam("grant_type", "client_credentials")
                .formParam("client_id", PARTNER_SYSTEM).formParam("client_secret", PARTNER_SYSTEM_SECRET).post(TOKEN_URL)
                : passwordGrant("passerelle-cli", who, who, null);
        return accessToken(response, who);
    }

    public static Response passwordGrant(String clientId, String user, String password, String scope) {
        var spec = given().contentType(ContentType.URLENC).formParam("grant_type", "password")
                .formParam("client_id", clientId).formParam("username", user).formParam("password", password);
        if (scope != null) {
            spec.formParam("scope", scope);
        }
        return spec.post(TOKEN_URL);
    }

    public static String accessToken(Response response, String who) {
        if (response.statusCode() != 200) {
            throw new AssertionError("Keycloak refused a token for " + who + ": HTTP " + response.statusCode()
                    + " " + response.asString());
        }
        return Run.token(response.jsonPath().getString("access_token"));
    }

    // ---- dev admin (master realm) -----------------------------------------------------------------

    public static String adminToken() {
        String user = System.getenv().getOrDefault("PASSERELLE_KC_ADMIN_USER", "admin");
        String password = System.getenv().getOrDefault("PASSERELLE_KC_ADMIN_PASSWORD", "admin");
        Response response = given().contentType(ContentType.URLENC).formParam("grant_type", "password")
                .formParam("client_id", "admin-cli").formParam("username", user).formParam("password", password)
                .post(Stack.KEYCLOAK + "/realms/master/protocol/openid-connect/token");
        return accessToken(response, "the master realm's admin");
    }

    /**
     * Creates a public client with direct access grants in realm passerelle, with exactly these default
     * client scopes and these attributes; returns its internal id (delete it with {@link #deleteClient}).
     */
    public static String createPublicClient(String admin, String clientId, List<String> defaultScopes,
                                            Map<String, String> attributes) {
        Response created = given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body(Map.of("clientId", clientId, "enabled", true, "publicClient", true,
                        "directAccessGrantsEnabled", true, "standardFlowEnabled", false, "fullScopeAllowed", true,
                        "attributes", attributes))
                .post(ADMIN_URL + "/clients");
        if (created.statusCode() != 201) {
            throw new AssertionError("could not create client " + clientId + ": " + created.statusCode() + " " + created.asString());
        }
        String location = created.header("Location");
        String id = location.substring(location.lastIndexOf('/') + 1);
        List<Map<String, Object>> scopes = given().auth().oauth2(admin).get(ADMIN_URL + "/client-scopes").jsonPath().getList("$");
        List<Map<String, Object>> current = given().auth().oauth2(admin).get(ADMIN_URL + "/clients/" + id + "/default-client-scopes")
                .jsonPath().getList("$");
        for (Map<String, Object> scope : current) {
            if (!defaultScopes.contains((String) scope.get("name"))) {
                given().auth().oauth2(admin).delete(ADMIN_URL + "/clients/" + id + "/default-client-scopes/" + scope.get("id"))
                        .then().statusCode(204);
            }
        }
        for (String name : defaultScopes) {
            Object scopeId = scopes.stream().filter(s -> name.equals(s.get("name"))).findFirst()
                    .orElseThrow(() -> new AssertionError("no client scope " + name + " in realm passerelle")).get("id");
            given().auth().oauth2(admin).put(ADMIN_URL + "/clients/" + id + "/default-client-scopes/" + scopeId)
                    .then().statusCode(204);
        }
        return id;
    }

    public static void deleteClient(String admin, String id) {
        given().auth().oauth2(admin).delete(ADMIN_URL + "/clients/" + id);
    }

    /** Deletes clients left by an interrupted earlier run (their clientId starts with the prefix). */
    public static void deleteClientsStartingWith(String admin, String prefix) {
        List<Map<String, Object>> clients = given().auth().oauth2(admin).queryParam("clientId", prefix).queryParam("search", true)
                .get(ADMIN_URL + "/clients").jsonPath().getList("$");
        for (Map<String, Object> client : clients) {
            if (((String) client.get("clientId")).startsWith(prefix)) {
                deleteClient(admin, (String) client.get("id"));
            }
        }
    }
}
