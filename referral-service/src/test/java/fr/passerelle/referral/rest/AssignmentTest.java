package fr.passerelle.referral.rest;

import static fr.passerelle.referral.support.Api.act;
import static fr.passerelle.referral.support.Api.as;
import static fr.passerelle.referral.support.Api.coordinator;
import static fr.passerelle.referral.support.Api.createCase;
import static fr.passerelle.referral.support.Api.createReferral;
import static fr.passerelle.referral.support.Api.pupil;
import static fr.passerelle.referral.support.Api.referent;
import static fr.passerelle.referral.support.Api.referral;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import com.github.tomakehurst.wiremock.client.WireMock;
import fr.passerelle.referral.support.Accounts;
import fr.passerelle.referral.support.Api;
import fr.passerelle.referral.support.DirectoryStub;
import fr.passerelle.referral.support.NothingWritten;
import fr.passerelle.referral.support.ReferralDatabase;
import fr.passerelle.referral.support.TestDb;
import fr.passerelle.referral.support.World;
import fr.passerelle.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * DESIGN.md, "Ownership": a referral is assigned to a named colleague of the party responsible for it at its current
 * stage (checked with Keycloak), and lists filter assignee=me.
 */
@QuarkusTest
@QuarkusTestResource(ReferralDatabase.class)
@QuarkusTestResource(DirectoryStub.class)
class AssignmentTest {

    private static final String TODAY = LocalDate.now(ZoneId.of("Europe/Paris")).toString();

    private final String uai = Api.freshUai();
    private final String referent = referent(uai);
    private final WireMock keycloak = World.wireMock();
    /** A fresh organisation with its own programme in Lyon, so that its lists hold this test's referrals only. */
    private final UUID org = UUID.randomUUID();
    private final UUID programme = UUID.randomUUID();
    private final String julien = "kc-julien-" + org;
    private final String amina = "kc-amina-" + org;
    private final String partnerJulien = TestTokens.user(julien).role("partner").claim("organisation", org.toString()).sign();
    private final String partnerAmina = TestTokens.user(amina).role("partner").claim("organisation", org.toString()).sign();

    private String submitted() {
        new World.Programme(programme, org, "Accompagnement", List.of(World.P_LYON)).register(keycloak);
        Accounts.user(keycloak, julien, true, "organisation", org.toString(), "partner", "default-roles-passerelle");
        Accounts.user(keycloak, amina, true, "organisation", org.toString(), "partner");
        String caseId = createCase(referent, pupil(uai)).id();
        return createReferral(referent, referral(caseId, "PROGRAMME", programme, true)).id();
    }

    private static Response assign(String token, String id, String assigneeId) {
        return assign(token, id, Api.etag(token, "/api/v1/referrals/" + id), assigneeId);
    }

    private static Response assign(String token, String id, String etag, String assigneeId) {
        Map<String, Object> body = new HashMap<>();
        body.put("assigneeId", assigneeId);
        return as(token).header("If-Match", etag).body(body).post("/api/v1/referrals/" + id + "/assign");
    }

    @Test
    void thePartnerAssignsAColleagueWhoFindsItUnderAssigneeMe() {
        String id = submitted();
        String before = Api.etag(partnerJulien, "/api/v1/referrals/" + id);
        Response r = assign(partnerJulien, id, amina);
        r.then().statusCode(200).body("assigneeId", equalTo(amina)).body("assignedAt", notNullValue())
                .body("status", equalTo("SUBMITTED"));
        assertNotEquals(before, r.header("ETag"));
        as(partnerAmina).get("/api/v1/referrals?assignee=me").then().statusCode(200).body("items.id", equalTo(List.of(id)));
        as(partnerJulien).get("/api/v1/referrals?assignee=me").then().statusCode(200).body("totalItems", equalTo(0));
        as(partnerJulien).get("/api/v1/referrals?assignee=none").then().statusCode(200).body("items.id", not(hasItem(id)));
        // On the timeline and in the outbox: the staff ids, nothing about the pupil.
        assertEquals(List.of(julien), TestDb.strings("select actor_subject from case_event where referral_id = ?::uuid"
                + " and type = 'REFERRAL_ASSIGNED' and payload->>'assigneeId' = ?", UUID.fromString(id), amina));
        assertEquals(List.of(amina), TestDb.strings("select data->>'assigneeId' from outbox_event where referral_id = ?::uuid"
                + " and type = 'referral.assigned'", UUID.fromString(id)));
        assertEquals(List.of("SUBMITTED"), TestDb.strings("select data->>'status' from outbox_event where referral_id = ?::uuid"
                + " and type = 'referral.assigned'", UUID.fromString(id)));

        // The assignment follows the referral through the partner's steps; unassigning empties it.
        act(partnerAmina, id, "receive", null).then().statusCode(200).body("assigneeId", equalTo(amina));
        assign(partnerAmina, id, null).then().statusCode(200).body("assigneeId", nullValue()).body("assignedAt", nullValue());
        as(partnerAmina).get("/api/v1/referrals?assignee=me").then().statusCode(200).body("totalItems", equalTo(0));
        as(partnerAmina).get("/api/v1/referrals?assignee=none").then().statusCode(200).body("items.id", hasItem(id));
        assertEquals(List.of(amina), TestDb.strings("select data->>'previousAssigneeId' from outbox_event where referral_id = ?::uuid"
                + " and type = 'referral.assigned' and data->>'assigneeId' is null", UUID.fromString(id)));
    }

    @Test
    void aPersonTakesAReferralThemselvesAndTheSameAssignmentAgainChangesNothing() {
        String id = submitted();
        String self = "kc-self-" + org;
        String token = TestTokens.user(self).role("partner").claim("organisation", org.toString()).sign();
        // Not known to the Keycloak stub: the token itself proves role and attachment.
        Response first = assign(token, id, self);
        first.then().statusCode(200).body("assigneeId", equalTo(self));
        long events = TestDb.count("select count(*) from outbox_event where referral_id = ?::uuid", UUID.fromString(id));
        Response again = assign(token, id, self);
        again.then().statusCode(200).body("assigneeId", equalTo(self));
        assertEquals(first.header("ETag"), again.header("ETag"));
        assertEquals(events, TestDb.count("select count(*) from outbox_event where referral_id = ?::uuid", UUID.fromString(id)));
    }

    @Test
    void anAssigneeWhoIsNotAnActiveColleagueIs422AndNothingChanges() {
        String id = submitted();
        String otherOrg = "kc-other-" + org;
        Accounts.user(keycloak, otherOrg, true, "organisation", World.ORG_RELAIS.toString(), "partner");
        String disabled = "kc-disabled-" + org;
        Accounts.user(keycloak, disabled, false, "organisation", org.toString(), "partner");
        String wrongRole = "kc-referent-" + org;
        Accounts.user(keycloak, wrongRole, true, "organisation", org.toString(), "referent");
        String etag = Api.etag(partnerJulien, "/api/v1/referrals/" + id);
        for (String assignee : List.of(otherOrg, disabled, wrongRole, "kc-unknown-" + org, "../../users", "x".repeat(101))) {
            NothingWritten.check(() -> assign(partnerJulien, id, etag, assignee).then()
                    .statusCode(422).body("violations[0].field", equalTo("assigneeId")));
        }
        as(partnerJulien).get("/api/v1/referrals/" + id).then().body("assigneeId", nullValue());
    }

    @Test
    void onlyTheResponsiblePartyAssigns() {
        String id = submitted();
        Accounts.user(keycloak, "kc-coord-lyon-2", true, "platform", World.P_LYON.toString(), "coordinator");
        // The school sees it but is done with it once submitted; the triage platform sees it but a partner decides.
        String etag = Api.etag(referent, "/api/v1/referrals/" + id);
        NothingWritten.check(() -> assign(referent, id, etag, null).then().statusCode(403));
        NothingWritten.check(() -> assign(coordinator(World.P_LYON), id, etag, "kc-coord-lyon-2").then().statusCode(403));
        // Another school, another organisation: it does not exist for them.
        NothingWritten.check(() -> as(referent(Api.freshUai())).header("If-Match", "\"v0\"").body(Map.of())
                .post("/api/v1/referrals/" + id + "/assign").then().statusCode(404));
        NothingWritten.check(() -> as(Api.partner(World.ORG_E2C)).header("If-Match", "\"v0\"").body(Map.of())
                .post("/api/v1/referrals/" + id + "/assign").then().statusCode(404));
        // Roles without pupil data.
        NothingWritten.check(() -> as(Api.auditor()).header("If-Match", "\"v0\"").body(Map.of())
                .post("/api/v1/referrals/" + id + "/assign").then().statusCode(403));
        // The organisation's system, with referrals:write, acts for the organisation.
        String system = TestTokens.user("service-account-org-" + org).role("partner").claim("organisation", org.toString())
                .claim("client_id", "org-" + org).claim("scope", "referrals:read referrals:write").sign();
        // A system is no person: even its own sub goes through Keycloak (unknown there: 422).
        assign(system, id, "service-account-org-" + org).then().statusCode(422);
        assign(system, id, amina).then().statusCode(200).body("assigneeId", equalTo(amina));
    }

    @Test
    void ifMatchIsRequiredAndAStaleOneChangesNothing() {
        String id = submitted();
        NothingWritten.check(() -> as(partnerJulien).body(Map.of("assigneeId", amina)).post("/api/v1/referrals/" + id + "/assign")
                .then().statusCode(428));
        NothingWritten.check(() -> as(partnerJulien).header("If-Match", "\"v999\"").body(Map.of("assigneeId", amina))
                .post("/api/v1/referrals/" + id + "/assign").then().statusCode(412));
    }

    @Test
    void aFinishedReferralIs409() {
        String id = submitted();
        act(referent, id, "cancel", Map.of("reason", "NO_LONGER_NEEDED")).then().statusCode(200);
        String etag = Api.etag(partnerJulien, "/api/v1/referrals/" + id);
        NothingWritten.check(() -> assign(partnerJulien, id, etag, amina).then().statusCode(409));
    }

    @Test
    void badInputIs400() {
        String id = submitted();
        String etag = Api.etag(partnerJulien, "/api/v1/referrals/" + id);
        NothingWritten.check(() -> as(partnerJulien).header("If-Match", etag).body("{\"assignee\":\"x\"}")
                .post("/api/v1/referrals/" + id + "/assign").then().statusCode(400));
        NothingWritten.check(() -> as(partnerJulien).header("If-Match", etag).body("{\"assigneeId\":12}")
                .post("/api/v1/referrals/" + id + "/assign").then().statusCode(400));
        NothingWritten.check(() -> as(partnerJulien).get("/api/v1/referrals?assignee=you").then().statusCode(400));
        NothingWritten.check(() -> as(coordinator(World.P_LYON)).get("/api/v1/triage?assignee=someone").then().statusCode(400));
    }

    @Test
    void whenKeycloakCannotConfirmTheColleague503AndNothingChanges() {
        String id = submitted();
        String flaky = "kc-flaky-" + org;
        Accounts.userFails(keycloak, flaky, 503);
        String etag = Api.etag(partnerJulien, "/api/v1/referrals/" + id);
        try {
            NothingWritten.check(() -> assign(partnerJulien, id, etag, flaky).then().statusCode(503)
                    .header("Retry-After", notNullValue()));
        } finally {
            // The breaker's delay is 1 s in tests: later tests find it half-open at worst.
            sleep(1200);
        }
    }

    @Test
    void theCommissionsAssignmentIsReleasedWhenAPartnerWithAnAccountTakesOver() {
        // ORG_E2C has a partner account: after the commission's decision, the partner is responsible.
        String sub = "kc-coordinator-" + UUID.randomUUID();
        String coordinator = TestTokens.user(sub).role("coordinator").claim("platform", World.P_LYON.toString()).sign();
        String id = createReferral(referent, referral(createCase(referent, pupil(uai)).id(), "PROGRAMME", World.PROG_CTO, true)).id();
        act(coordinator, id, "receive", null).then().statusCode(200);
        assign(coordinator, id, sub).then().statusCode(200).body("assigneeId", equalTo(sub));
        act(coordinator, id, "accept", Map.of("commissionDate", TODAY)).then().statusCode(200).body("assigneeId", nullValue());
        as(Api.partner(World.ORG_E2C)).get("/api/v1/referrals?assignee=none&status=ACCEPTED").then().statusCode(200)
                .body("items.id", hasItem(id));
        // A finished referral keeps its assignee as a record of who handled it.
        String partnerSub = "kc-partner-" + UUID.randomUUID();
        String partnerE2c = TestTokens.user(partnerSub).role("partner").claim("organisation", World.ORG_E2C.toString()).sign();
        assign(partnerE2c, id, partnerSub).then().statusCode(200);
        act(partnerE2c, id, "start", Map.of("startDate", TODAY)).then().statusCode(200).body("assigneeId", equalTo(partnerSub));
        act(partnerE2c, id, "complete", Map.of("outcome", "EMPLOYMENT")).then().statusCode(200).body("assigneeId", equalTo(partnerSub));
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void theOriginAssignsItsDraftAndTheCommissionItsDecision() {
        // A DRAFT is the school's own work: a referent of the same school may take it over.
        String colleague = "kc-referent-" + uai;
        Accounts.user(keycloak, colleague, true, "uai", uai, "referent");
        String caseId = createCase(referent, pupil(uai)).id();
        String draft = createReferral(referent, referral(caseId, "PROGRAMME", World.PROG_OPEN, false)).id();
        assign(referent, draft, colleague).then().statusCode(200).body("assigneeId", equalTo(colleague));
        // Once submitted, the target is responsible: the school's assignment is released, the partner finds it unassigned.
        act(referent, draft, "submit", null).then().statusCode(200).body("assigneeId", nullValue());
        as(Api.partner(World.ORG_RELAIS)).get("/api/v1/referrals?assignee=none&status=SUBMITTED").then().statusCode(200)
                .body("items.id", hasItem(draft));
        assertEquals(List.of(colleague), TestDb.strings("select data->>'previousAssigneeId' from outbox_event where referral_id = ?::uuid"
                + " and type = 'referral.assigned' and data->>'reason' = 'RESPONSIBILITY_MOVED'", UUID.fromString(draft)));

        // A CTO programme without a partner account: the coordinator is responsible until the outcome.
        String coordinatorSub = "kc-coordinator-" + UUID.randomUUID();
        String coordinatorColleague = "kc-coordinator-" + UUID.randomUUID();
        Accounts.user(keycloak, coordinatorColleague, true, "platform", World.P_LYON.toString(), "coordinator");
        Accounts.user(keycloak, coordinatorSub, true, "platform", World.P_LYON.toString(), "coordinator");
        String coordinator = TestTokens.user(coordinatorSub).role("coordinator").claim("platform", World.P_LYON.toString()).sign();
        String colleagueToken = TestTokens.user(coordinatorColleague).role("coordinator")
                .claim("platform", World.P_LYON.toString()).sign();
        String cto = createReferral(referent, referral(createCase(referent, pupil(uai)).id(), "PROGRAMME", World.PROG_MLDS, true)).id();
        assign(coordinator, cto, coordinatorColleague).then().statusCode(200);
        as(colleagueToken).get("/api/v1/triage?assignee=me").then().statusCode(200).body("items.id", hasItem(cto))
                .body("items.find { it.id == '" + cto + "' }.assigneeId", equalTo(coordinatorColleague));
        as(coordinator).get("/api/v1/triage?assignee=me").then().statusCode(200).body("items.id", not(hasItem(cto)));
        act(colleagueToken, cto, "receive", null).then().statusCode(200);
        act(colleagueToken, cto, "accept", Map.of("commissionDate", TODAY)).then().statusCode(200);
        assign(colleagueToken, cto, coordinatorSub).then().statusCode(200).body("assigneeId", equalTo(coordinatorSub));
    }
}
