package fr.passerelle.e2e;

import static fr.passerelle.e2e.support.Api.as;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.passerelle.e2e.support.Api;
import fr.passerelle.e2e.support.E2e;
import fr.passerelle.e2e.support.Jwts;
import fr.passerelle.e2e.support.Keycloak;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The README's walk-through, through the gateway with real tokens: referent1 finds a programme with
 * match, creates a case and files a referral; coordinator1 sees it in the triage queue; partner1
 * receives, accepts, starts and completes it; referent1 (and partner1's own system) see the outcome.
 */
@E2e
@Order(2)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WalkThroughIT {

    @Test
    void tokensFromTheRealKeycloakCarryTheDemoAttachments() {
        var referent = Jwts.claims(Keycloak.token("referent1"));
        assertEquals("0690047B", referent.path("uai").asText(), "referent1's uai claim");
        assertTrue(referent.path("realm_access").path("roles").toString().contains("\"referent\""), "referent1 has the referent role");
        var coordinator = Jwts.claims(Keycloak.token("coordinator1"));
        assertEquals(Api.COORDINATOR1_PLATFORM, coordinator.path("platform").asText(), "coordinator1's platform claim");
        var partner = Jwts.claims(Keycloak.token("partner1"));
        assertEquals(Api.PARTNER1_ORGANISATION, partner.path("organisation").asText(), "partner1's organisation claim");
        var system = Jwts.claims(Keycloak.token(Keycloak.PARTNER_SYSTEM));
        assertEquals(Api.PARTNER1_ORGANISATION, system.path("organisation").asText(), "partner-system's organisation claim");
    }

    @Test
    void aReferralGoesFromTheSchoolToThePartnerAndBackWithItsOutcome() {
        // 1. referent1 asks the directory which programmes can take a 17-year-old at risk living in Villeurbanne.
        JsonPath match = as("referent1")
                .body(Map.of("age", 17, "schoolLevel", "PREMIERE", "schoolingStatus", "AT_RISK", "communeCode", Api.VILLEURBANNE))
                .post("/api/v1/programmes/match")
                .then().statusCode(200).extract().jsonPath();
        List<Map<String, Object>> items = match.getList("items");
        assertFalse(items.isEmpty(), "match finds programmes for a pupil of Villeurbanne");
        List<String> partnerProgrammes = match.getList("items.findAll { it.programme.organisationId == '"
                + Api.PARTNER1_ORGANISATION + "' }.programme.id");
        assertTrue(partnerProgrammes.contains(Api.FIL_D_ARIANE),
                "« Le Fil d'Ariane » (partner1's organisation, 16–21, Villeurbanne) is among the matches: " + partnerProgrammes);
        String programme = Api.FIL_D_ARIANE;

        // 2. referent1 creates the case (school defaults to the token's uai) and files a submitted referral.
        String caseId = Api.newCase("referent1", "walk");
        String key = UUID.randomUUID().toString();
        Response filed = Api.fileReferral("referent1", caseId, programme, true, key);
        filed.then().statusCode(201)
                .header("ETag", notNullValue())
                .body("status", equalTo("SUBMITTED"))
                .body("targetId", equalTo(programme))
                .body("originUai", equalTo(Api.MAGENTA_UAI));
        String referralId = filed.jsonPath().getString("id");
        // A client retrying with the same Idempotency-Key and body gets the same referral, not a second one.
        Api.fileReferral("referent1", caseId, programme, true, key)
                .then().statusCode(201).body("id", equalTo(referralId));

        // 3. coordinator1's platform (PSAD Lyon – Villeurbanne) has partner1's organisation as a member and
        //    Villeurbanne in its territory: the referral is in its triage queue.
        assertTrue(inTriageQueue("coordinator1", referralId), "the referral is in coordinator1's triage queue");
        as("coordinator1").get("/api/v1/referrals/" + referralId).then().statusCode(200)
                .body("triagePlatformId", equalTo(Api.COORDINATOR1_PLATFORM));

        // 4. partner1 finds it in its inbox, receives, accepts, starts and completes it, each with If-Match.
        as("partner1").queryParam("status", "SUBMITTED").queryParam("size", 100).get("/api/v1/referrals")
                .then().statusCode(200).body("items.id", hasItem(referralId));
        String etag = Api.etag("partner1", referralId);
        etag = action("partner1", referralId, "receive", etag, null, "RECEIVED");
        // Without If-Match, an action is refused (428) and changes nothing.
        as("partner1").body(Map.of()).post("/api/v1/referrals/" + referralId + "/accept").then().statusCode(428);
        etag = action("partner1", referralId, "accept", etag, Map.of("comment", "Entretien d'accueil fixé."), "ACCEPTED");
        etag = action("partner1", referralId, "start", etag, Map.of("startDate", Api.today().toString()), "IN_PROGRESS");
        action("partner1", referralId, "complete", etag,
                Map.of("outcome", "RETURN_TO_SCHOOL", "outcomeDate", Api.today().toString(), "comment", "Retour en classe."),
                "COMPLETED");

        // 5. referent1 sees how it ended; so does partner1's own system (client credentials).
        as("referent1").get("/api/v1/referrals/" + referralId).then().statusCode(200)
                .body("status", equalTo("COMPLETED"))
                .body("outcome", equalTo("RETURN_TO_SCHOOL"))
                .body("positiveExit", equalTo(true));
        as(Keycloak.PARTNER_SYSTEM).get("/api/v1/referrals/" + referralId).then().statusCode(200)
                .body("status", equalTo("COMPLETED"));
        // Completed, it has left the triage queue.
        assertFalse(inTriageQueue("coordinator1", referralId), "a completed referral leaves the triage queue");
    }

    /** POST /api/v1/referrals/{id}/{action} with If-Match; asserts the new status and a new ETag; returns it. */
    private static String action(String who, String referralId, String action, String etag, Map<String, Object> body, String status) {
        assertNotNull(etag, "an ETag before " + action);
        Response response = as(who).header("If-Match", etag).body(body == null ? Map.of() : body)
                .post("/api/v1/referrals/" + referralId + "/" + action);
        response.then().statusCode(200).body("status", equalTo(status));
        String next = response.header("ETag");
        assertNotNull(next, action + " answers a new ETag");
        assertNotEquals(etag, next, action + " changes the ETag");
        return next;
    }

    /** Walks the coordinator's cursor-paginated queue (bounded) looking for the referral. */
    static boolean inTriageQueue(String coordinator, String referralId) {
        String cursor = null;
        for (int page = 0; page < 50; page++) {
            var spec = as(coordinator).queryParam("size", 100);
            if (cursor != null) {
                spec.queryParam("cursor", cursor);
            }
            JsonPath queue = spec.get("/api/v1/triage").then().statusCode(200).extract().jsonPath();
            List<String> ids = queue.getList("items.id");
            if (ids.contains(referralId)) {
                return true;
            }
            cursor = queue.getString("nextCursor");
            if (cursor == null) {
                return false;
            }
        }
        throw new AssertionError("the triage queue has more than 5000 items: cannot tell");
    }
}
