package fr.passerelle.e2e;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.passerelle.e2e.support.E2e;
import fr.passerelle.e2e.support.Jwts;
import fr.passerelle.e2e.support.Keycloak;
import fr.passerelle.e2e.support.Stack;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * The attachment claims are editable by realm admins only: referent1 trying to move itself to another
 * school through Keycloak's account API is refused or ignored, and its next token still says 0690047B.
 */
@E2e
@Order(5)
class AccountAttributesIT {

    private static final String ACCOUNT = Stack.ISSUER + "/account";
    private static final String OWN_UAI = "0690047B";
    private static final String OTHER_UAI = "0692326D";

    @Test
    void referent1CannotChangeItsOwnUai() {
        String token = Keycloak.freshToken("referent1");
        Response current = given().auth().oauth2(token).accept(ContentType.JSON).get(ACCOUNT);
        assertEquals(200, current.statusCode(), "referent1 reads its own account: " + current.asString());
        Map<String, Object> account = new HashMap<>(current.jsonPath().getMap("$"));
        account.remove("userProfileMetadata");
        Map<String, Object> attributes = new HashMap<>();
        Object existing = account.get("attributes");
        if (existing instanceof Map<?, ?> map) {
            map.forEach((k, v) -> attributes.put((String) k, v));
        }
        attributes.put("uai", List.of(OTHER_UAI));
        account.put("attributes", attributes);
        try {
            Response update = given().auth().oauth2(token).contentType(ContentType.JSON).accept(ContentType.JSON)
                    .body(account).post(ACCOUNT);
            int status = update.statusCode();
            System.out.println("[e2e] account API answered " + status + " to referent1 changing its uai");
            assertTrue(status == 400 || status == 403 || (status >= 200 && status < 300),
                    "refused (400/403) or ignored (2xx), never an error: " + status + " " + update.asString());
            // Whatever it answered: the realm still holds the old value and a fresh token carries it.
            String fresh = Keycloak.freshToken("referent1");
            assertEquals(OWN_UAI, Jwts.claims(fresh).path("uai").asText(), "a fresh token of referent1 still carries its school");
            Object after = given().auth().oauth2(fresh).accept(ContentType.JSON).get(ACCOUNT).then().statusCode(200)
                    .extract().jsonPath().get("attributes.uai");
            if (after != null) {
                assertEquals(List.of(OWN_UAI), after, "the account still shows the old uai");
            }
        } finally {
            restoreIfChanged();
        }
    }

    /** If the change went through (the test then fails), put the seeded value back for the rest of the suite. */
    private static void restoreIfChanged() {
        if (OWN_UAI.equals(Jwts.claims(Keycloak.freshToken("referent1")).path("uai").asText())) {
            return;
        }
        String admin = Keycloak.adminToken();
        List<Map<String, Object>> users = given().auth().oauth2(admin).queryParam("username", "referent1").queryParam("exact", true)
                .get(Keycloak.ADMIN_URL + "/users").jsonPath().getList("$");
        Map<String, Object> user = new HashMap<>(users.get(0));
        @SuppressWarnings("unchecked")
        Map<String, Object> attributes = new HashMap<>((Map<String, Object>) user.getOrDefault("attributes", Map.of()));
        attributes.put("uai", List.of(OWN_UAI));
        user.put("attributes", attributes);
        given().auth().oauth2(admin).contentType(ContentType.JSON).body(user)
                .put(Keycloak.ADMIN_URL + "/users/" + user.get("id")).then().statusCode(204);
    }
}
