package fr.passerelle.referral.rest;

import static fr.passerelle.referral.support.Api.act;
import static fr.passerelle.referral.support.Api.as;
import static fr.passerelle.referral.support.Api.createCase;
import static fr.passerelle.referral.support.Api.createReferral;
import static fr.passerelle.referral.support.Api.pupil;
import static fr.passerelle.referral.support.Api.referent;
import static fr.passerelle.referral.support.Api.referral;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.github.tomakehurst.wiremock.client.WireMock;
import fr.passerelle.referral.support.Accounts;
import fr.passerelle.referral.support.Api;
import fr.passerelle.referral.support.DirectoryStub;
import fr.passerelle.referral.support.NothingWritten;
import fr.passerelle.referral.support.ReferralDatabase;
import fr.passerelle.referral.support.TestClock;
import fr.passerelle.referral.support.TestDb;
import fr.passerelle.referral.support.World;
import fr.passerelle.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * DESIGN.md, "Action needed": GET /inbox/summary counts, over the caller's scope, the open referrals on which the
 * caller can move the lifecycle forward now, and the scope's open referrals by status. A fresh platform with its own
 * member organisations, so the counts are exact.
 */
@QuarkusTest
@QuarkusTestResource(ReferralDatabase.class)
@QuarkusTestResource(DirectoryStub.class)
class InboxSummaryTest {

    private static final String TODAY = LocalDate.now(ZoneId.of("Europe/Paris")).toString();

    @Inject
    TestClock clock;
    private final WireMock directory = World.wireMock();
    private final String uai = Api.freshUai();
    private final String referent = referent(uai);
    private final UUID platform = UUID.randomUUID();
    private final UUID org = UUID.randomUUID();
    private final UUID programme = UUID.randomUUID();
    /** A CTO programme of an organisation without a partner account. */
    private final UUID orgWithoutAccount = UUID.randomUUID();
    private final UUID ctoProgramme = UUID.randomUUID();
    private final String partnerSub = "kc-partner-" + org;
    private final String partner = TestTokens.user(partnerSub).role("partner").claim("organisation", org.toString()).sign();
    private final String coordinator = Api.coordinator(platform);

    @BeforeEach
    void aPlatformOfItsOwn() {
        World.platform(directory, platform, "PSAD de test", List.of(World.VILLEURBANNE), List.of(), List.of(org, orgWithoutAccount));
        new World.Programme(programme, org, "Dispositif direct", List.of(platform)).register(directory);
        new World.Programme(ctoProgramme, orgWithoutAccount, "Dispositif CTO", List.of(platform)).admission("CTO").register(directory);
        Accounts.partnerAccount(directory, org, partnerSub);
    }

    private String file(UUID target, String type, boolean submit) {
        String caseId = createCase(referent, pupil(uai)).id();
        return createReferral(referent, referral(caseId, type, target, submit)).id();
    }

    private static JsonPath summary(String token, String query) {
        return as(token).get("/api/v1/inbox/summary" + query).then().statusCode(200).extract().jsonPath();
    }

    private static Map<String, Integer> byStatus(int draft, int submitted, int received, int waitlisted, int accepted, int inProgress) {
        Map<String, Integer> m = new LinkedHashMap<>();
        m.put("DRAFT", draft);
        m.put("SUBMITTED", submitted);
        m.put("RECEIVED", received);
        m.put("WAITLISTED", waitlisted);
        m.put("ACCEPTED", accepted);
        m.put("IN_PROGRESS", inProgress);
        return m;
    }

    @Test
    void overdueCountsTheReferralsPastTheirDeadline() {
        String submitted = file(programme, "PROGRAMME", true);
        String received = file(programme, "PROGRAMME", true);
        act(partner, received, "receive", null).then().statusCode(200);
        String inProgress = file(programme, "PROGRAMME", true);
        act(partner, inProgress, "receive", null).then().statusCode(200);
        act(partner, inProgress, "accept", Map.of()).then().statusCode(200);
        act(partner, inProgress, "start", Map.of("startDate", TODAY)).then().statusCode(200);
        assertEquals(0, summary(partner, "").getInt("overdue"));
        try {
            // Five working days are at most eleven calendar days, ten at most sixteen: both have passed after 20 days;
            // a referral in progress has no deadline.
            clock.advance(Duration.ofDays(20));
            JsonPath p = summary(partner, "");
            assertEquals(2, p.getInt("overdue"));
            assertEquals(3, p.getInt("actionNeeded"));
            as(partner).get("/api/v1/referrals?overdue=true&size=100").then().statusCode(200)
                    .body("items.id", containsInAnyOrder(submitted, received));
        } finally {
            clock.reset();
        }
    }

    @Test
    void eachPartySeesWhatNeedsItNow() {
        // To the direct programme: a draft, one referral at each open step, one completed, one cancelled.
        file(programme, "PROGRAMME", false);
        String submitted = file(programme, "PROGRAMME", true);
        String received = file(programme, "PROGRAMME", true);
        act(partner, received, "receive", null).then().statusCode(200);
        String waitlisted = file(programme, "PROGRAMME", true);
        act(partner, waitlisted, "receive", null).then().statusCode(200);
        act(partner, waitlisted, "waitlist", Map.of()).then().statusCode(200);
        String accepted = file(programme, "PROGRAMME", true);
        act(partner, accepted, "receive", null).then().statusCode(200);
        act(partner, accepted, "accept", Map.of()).then().statusCode(200);
        String inProgress = file(programme, "PROGRAMME", true);
        act(partner, inProgress, "receive", null).then().statusCode(200);
        act(partner, inProgress, "accept", Map.of()).then().statusCode(200);
        act(partner, inProgress, "start", Map.of("startDate", TODAY)).then().statusCode(200);
        String completed = file(programme, "PROGRAMME", true);
        act(partner, completed, "receive", null).then().statusCode(200);
        act(partner, completed, "accept", Map.of()).then().statusCode(200);
        act(partner, completed, "start", Map.of("startDate", TODAY)).then().statusCode(200);
        act(partner, completed, "complete", Map.of("outcome", "RETURN_TO_SCHOOL")).then().statusCode(200);
        act(referent, file(programme, "PROGRAMME", true), "cancel", Map.of("reason", "NO_LONGER_NEEDED")).then().statusCode(200);
        // To the platform itself, and to the CTO programme whose organisation has no account (accepted by the commission).
        String toPlatform = file(platform, "PLATFORM", true);
        String cto = file(ctoProgramme, "PROGRAMME", true);
        act(coordinator, cto, "receive", null).then().statusCode(200);
        act(coordinator, cto, "accept", Map.of("commissionDate", TODAY)).then().statusCode(200);

        // The partner: every open step of its referrals needs it (the draft is not its business yet).
        JsonPath p = summary(partner, "");
        assertEquals(5, p.getInt("actionNeeded"));
        assertEquals(0, p.getInt("overdue"));
        assertEquals(byStatus(0, 1, 1, 1, 1, 1), p.getMap("byStatus"));

        // The school: only its draft needs it; it sees all its open referrals.
        JsonPath s = summary(referent, "");
        assertEquals(1, s.getInt("actionNeeded"));
        assertEquals(byStatus(1, 2, 1, 1, 2, 1), s.getMap("byStatus"));

        // The coordinator: the referral to the platform, and the commission's accepted one it must start; the direct
        // programme's referrals are the partner's to move.
        JsonPath c = summary(coordinator, "");
        assertEquals(2, c.getInt("actionNeeded"));
        assertEquals(byStatus(0, 2, 1, 1, 2, 1), c.getMap("byStatus"));

        // assignee=me: the partner takes one referral.
        String etag = Api.etag(partner, "/api/v1/referrals/" + submitted);
        as(partner).header("If-Match", etag).body(Map.of("assigneeId", partnerSub)).post("/api/v1/referrals/" + submitted + "/assign")
                .then().statusCode(200);
        JsonPath mine = summary(partner, "?assignee=me");
        assertEquals(1, mine.getInt("actionNeeded"));
        assertEquals(byStatus(0, 1, 0, 0, 0, 0), mine.getMap("byStatus"));
        assertEquals(4, summary(partner, "?assignee=none").getInt("actionNeeded"));
        assertEquals(0, TestDb.count("select count(*) from referral where id = ?::uuid and assignee_id is null", UUID.fromString(submitted)));
        as(coordinator).get("/api/v1/referrals/" + toPlatform).then().statusCode(200);
    }

    @Test
    void itReadsNoPupilDataAndWritesNoAuditRow() {
        file(programme, "PROGRAMME", true);
        NothingWritten.check(() -> as(partner).get("/api/v1/inbox/summary?assignee=bogus").then().statusCode(400));
        long audit = TestDb.count("select count(*) from audit_event");
        as(partner).get("/api/v1/inbox/summary").then().statusCode(200).body("actionNeeded", equalTo(1));
        assertEquals(audit, TestDb.count("select count(*) from audit_event"));
    }

    @Test
    void theContractNamesTheNewOperationsAndTheActorActingForAPartnerlessOrganisation() {
        JsonPath doc = io.restassured.RestAssured.given().queryParam("format", "json").get("/q/openapi").then().statusCode(200)
                .extract().jsonPath();
        assertEquals("getInboxSummary", doc.getString("paths.'/api/v1/inbox/summary'.get.operationId"));
        assertEquals("assignReferral", doc.getString("paths.'/api/v1/referrals/{id}/assign'.post.operationId"));
        assertEquals(true, doc.getString("paths.'/api/v1/inbox/summary'.get.responses.'200'.content.'application/json'"
                + ".examples.partner.value").contains("actionNeeded"));
        assertEquals(true, doc.getMap("paths.'/api/v1/referrals/{id}/assign'.post.responses").keySet()
                .containsAll(List.of("200", "403", "404", "409", "412", "422", "428", "503")));
        String description = doc.getString("info.description");
        assertEquals(true, description.contains(
                "| ACCEPTED | `POST /referrals/{id}/start` | IN_PROGRESS | COMMISSION_ACTING_FOR_PARTNER, PROGRAMME_PARTNER |"),
                description);
        assertEquals(true, description.contains(
                "| SUBMITTED | `POST /referrals/{id}/receive` | RECEIVED | COMMISSION, PLATFORM_COORDINATOR, PROGRAMME_PARTNER |"),
                description);
    }

    @Test
    void rolesWithoutPupilDataAreRefusedAndSystemsNeedReferralsRead() {
        NothingWritten.check(() -> as(Api.auditor()).get("/api/v1/inbox/summary").then().statusCode(403));
        NothingWritten.check(() -> as(Api.admin()).get("/api/v1/inbox/summary").then().statusCode(403));
        NothingWritten.check(() -> as(Api.partner(org)).get("/api/v1/inbox/summary?unknown=1").then().statusCode(400));
        String withoutScope = TestTokens.user("service-account-x").role("partner").claim("organisation", org.toString())
                .claim("client_id", "x").claim("scope", "directory:read").sign();
        NothingWritten.check(() -> as(withoutScope).get("/api/v1/inbox/summary").then().statusCode(403));
        String system = TestTokens.user("service-account-y").role("partner").claim("organisation", org.toString())
                .claim("client_id", "y").claim("scope", "referrals:read").sign();
        as(system).get("/api/v1/inbox/summary").then().statusCode(200).body("actionNeeded", equalTo(0));
    }
}
