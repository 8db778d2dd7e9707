package fr.passerelle.referral.rest;

import static fr.passerelle.referral.support.Api.act;
import static fr.passerelle.referral.support.Api.as;
import static fr.passerelle.referral.support.Api.coordinator;
import static fr.passerelle.referral.support.Api.createCase;
import static fr.passerelle.referral.support.Api.createReferral;
import static fr.passerelle.referral.support.Api.partner;
import static fr.passerelle.referral.support.Api.pupil;
import static fr.passerelle.referral.support.Api.referent;
import static fr.passerelle.referral.support.Api.referral;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.github.tomakehurst.wiremock.client.WireMock;
import fr.passerelle.referral.support.Accounts;
import fr.passerelle.referral.support.Api;
import fr.passerelle.referral.support.DirectoryStub;
import fr.passerelle.referral.support.NothingWritten;
import fr.passerelle.referral.support.ReferralDatabase;
import fr.passerelle.referral.support.TestDb;
import fr.passerelle.referral.support.World;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * DESIGN.md, "Commission-admitted programmes": when the programme admits by CTO or departmental commission and its
 * organisation has no partner account (Keycloak says so), the platform coordinator receives the referral, records
 * the commission's decision, then its start and outcome; once the organisation has an account, those are the
 * partner's only. The referral never waits forever.
 */
@QuarkusTest
@QuarkusTestResource(ReferralDatabase.class)
@QuarkusTestResource(DirectoryStub.class)
class CommissionWithoutPartnerTest {

    private static final String TODAY = LocalDate.now(ZoneId.of("Europe/Paris")).toString();

    private final String uai = Api.freshUai();
    private final String referent = referent(uai);
    private final String coordinatorLyon = coordinator(World.P_LYON);
    private final WireMock keycloak = World.wireMock();

    private String fileTo(UUID programme) {
        String caseId = createCase(referent, pupil(uai)).id();
        return createReferral(referent, referral(caseId, "PROGRAMME", programme, true)).id();
    }

    private static io.restassured.response.Response post(String token, String id, String etag, String action, Object body) {
        return as(token).header("If-Match", etag).body(body).post("/api/v1/referrals/" + id + "/" + action);
    }

    @Test
    void theCoordinatorReceivesDecidesStartsAndCompletesWhenTheOrganisationHasNoAccount() {
        String id = fileTo(World.PROG_MLDS);
        as(coordinatorLyon).get("/api/v1/referrals/" + id).then().statusCode(200)
                .body("allowedActions", containsInAnyOrder("RECEIVE"));
        act(coordinatorLyon, id, "receive", null).then().statusCode(200).body("status", equalTo("RECEIVED"))
                .body("allowedActions", containsInAnyOrder("ACCEPT", "WAITLIST", "DECLINE"));
        act(coordinatorLyon, id, "accept", Map.of()).then().statusCode(422).body("violations[0].field", equalTo("commissionDate"));
        act(coordinatorLyon, id, "accept", Map.of("commissionDate", TODAY)).then().statusCode(200)
                .body("status", equalTo("ACCEPTED")).body("commissionDate", equalTo(TODAY))
                .body("allowedActions", containsInAnyOrder("START"));
        act(coordinatorLyon, id, "start", Map.of("startDate", TODAY)).then().statusCode(200)
                .body("status", equalTo("IN_PROGRESS")).body("startDate", equalTo(TODAY))
                .body("allowedActions", containsInAnyOrder("COMPLETE"));
        act(coordinatorLyon, id, "complete", Map.of("outcome", "QUALIFYING_TRAINING")).then().statusCode(200)
                .body("status", equalTo("COMPLETED")).body("positiveExit", equalTo(true));
        // Each step was announced, in order, and recorded on the case timeline as the coordinator's.
        assertEquals(List.of("referral.submitted", "referral.received", "referral.accepted", "referral.started",
                "referral.completed"), TestDb.strings("select type from outbox_event where referral_id = ?::uuid order by seq", id));
        assertEquals(List.of("coordinator", "coordinator", "coordinator", "coordinator"), TestDb.strings("select actor_role from"
                + " case_event where referral_id = ?::uuid and from_status is not null and to_status <> 'SUBMITTED'"
                + " order by occurred_at", id));
    }

    @Test
    void theCoordinatorMayNotStartBeforeTheDecision() {
        String id = fileTo(World.PROG_MLDS);
        act(coordinatorLyon, id, "receive", null).then().statusCode(200);
        // The coordinator may start such a referral, just not from RECEIVED: 409 with what it can do instead.
        String etag = Api.etag(coordinatorLyon, "/api/v1/referrals/" + id);
        NothingWritten.check(() -> post(coordinatorLyon, id, etag, "start", Map.of("startDate", TODAY)).then().statusCode(409)
                .body("allowedActions", containsInAnyOrder("ACCEPT", "WAITLIST", "DECLINE")));
    }

    @Test
    void theCommissionDeclinesWithItsDate() {
        String id = fileTo(World.PROG_MLDS);
        act(coordinatorLyon, id, "receive", null).then().statusCode(200);
        act(coordinatorLyon, id, "decline", Map.of("reason", "NOT_ELIGIBLE", "commissionDate", TODAY)).then().statusCode(200)
                .body("status", equalTo("DECLINED")).body("declineReason", equalTo("NOT_ELIGIBLE"))
                .body("commissionDate", equalTo(TODAY));
        assertEquals(1, TestDb.count("select count(*) from outbox_event where referral_id = ?::uuid and type = 'referral.declined'"
                + " and data->>'commissionDate' = ?", UUID.fromString(id), TODAY));
    }

    @Test
    void theCommissionWaitlistsThenAccepts() {
        String id = fileTo(World.PROG_MLDS);
        act(coordinatorLyon, id, "receive", null).then().statusCode(200);
        act(coordinatorLyon, id, "waitlist", Map.of()).then().statusCode(422).body("violations[0].field", equalTo("commissionDate"));
        act(coordinatorLyon, id, "waitlist", Map.of("commissionDate", TODAY)).then().statusCode(200)
                .body("status", equalTo("WAITLISTED")).body("allowedActions", containsInAnyOrder("ACCEPT", "DECLINE"));
        act(coordinatorLyon, id, "accept", Map.of("commissionDate", TODAY)).then().statusCode(200).body("status", equalTo("ACCEPTED"));
        act(coordinatorLyon, id, "start", Map.of("startDate", TODAY)).then().statusCode(200);
    }

    @Test
    void onceTheOrganisationHasAPartnerAccountStartAndCompleteAreThePartnersOnly() {
        // ORG_E2C has a partner account: the coordinator receives and decides, the partner runs the support.
        String id = fileTo(World.PROG_CTO);
        String partnerE2c = partner(World.ORG_E2C);
        act(coordinatorLyon, id, "receive", null).then().statusCode(200);
        act(coordinatorLyon, id, "accept", Map.of("commissionDate", TODAY)).then().statusCode(200)
                .body("allowedActions", not(hasItem("START")));
        String etag = Api.etag(coordinatorLyon, "/api/v1/referrals/" + id);
        NothingWritten.check(() -> post(coordinatorLyon, id, etag, "start", Map.of("startDate", TODAY)).then().statusCode(403));
        act(partnerE2c, id, "start", Map.of("startDate", TODAY)).then().statusCode(200);
        act(coordinatorLyon, id, "complete", Map.of("outcome", "APPRENTICESHIP")).then().statusCode(403);
        act(partnerE2c, id, "complete", Map.of("outcome", "APPRENTICESHIP")).then().statusCode(200);
    }

    @Test
    void anAccountCreatedAfterTheDecisionHandsTheSupportToThePartner() {
        UUID organisation = UUID.randomUUID();
        UUID programme = UUID.randomUUID();
        new World.Programme(programme, organisation, "Dispositif départemental", List.of(World.P_LYON))
                .admission("DEPARTMENTAL_COMMISSION").register(keycloak);
        String id = fileTo(programme);
        act(coordinatorLyon, id, "receive", null).then().statusCode(200);
        act(coordinatorLyon, id, "accept", Map.of("commissionDate", TODAY)).then().statusCode(200)
                .body("allowedActions", containsInAnyOrder("START"));
        // A realm admin creates the organisation's first partner account.
        Accounts.partnerAccount(keycloak, organisation, "kc-" + organisation);
        as(coordinatorLyon).get("/api/v1/referrals/" + id).then().statusCode(200).body("allowedActions", not(hasItem("START")));
        act(coordinatorLyon, id, "start", Map.of("startDate", TODAY)).then().statusCode(403);
        act(partner(organisation), id, "start", Map.of("startDate", TODAY)).then().statusCode(200);
    }

    @Test
    void whenKeycloakCannotSayTheCoordinatorsStartGets503AndReadsKeepWorking() throws InterruptedException {
        UUID organisation = UUID.randomUUID();
        UUID programme = UUID.randomUUID();
        new World.Programme(programme, organisation, "Dispositif CTO", List.of(World.P_LYON)).admission("CTO").register(keycloak);
        String id = fileTo(programme);
        act(coordinatorLyon, id, "receive", null).then().statusCode(200);
        act(coordinatorLyon, id, "accept", Map.of("commissionDate", TODAY)).then().statusCode(200);
        Accounts.searchFails(keycloak, organisation, 500);
        try {
            String etag = Api.etag(coordinatorLyon, "/api/v1/referrals/" + id);
            NothingWritten.check(() -> post(coordinatorLyon, id, etag, "start", Map.of("startDate", TODAY)).then().statusCode(503)
                    .header("Retry-After", notNullValue()));
            // Reads keep working; the action Keycloak cannot confirm is simply not offered.
            as(coordinatorLyon).get("/api/v1/referrals/" + id).then().statusCode(200)
                    .body("status", equalTo("ACCEPTED")).body("allowedActions", not(hasItem("START")));
        } finally {
            Accounts.registerNoAccount(keycloak, organisation);
            // The breaker's delay is 1 s in tests: later tests find it half-open at worst.
            Thread.sleep(1200);
        }
        act(coordinatorLyon, id, "start", Map.of("startDate", TODAY)).then().statusCode(200).body("status", equalTo("IN_PROGRESS"));
    }
}
