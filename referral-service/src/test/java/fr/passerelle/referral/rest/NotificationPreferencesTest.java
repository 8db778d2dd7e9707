package fr.passerelle.referral.rest;

import static fr.passerelle.referral.support.Api.as;
import static org.hamcrest.Matchers.aMapWithSize;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import fr.passerelle.referral.support.Api;
import fr.passerelle.referral.support.DirectoryStub;
import fr.passerelle.referral.support.MailSink;
import fr.passerelle.referral.support.ReferralDatabase;
import fr.passerelle.referral.support.TestDb;
import fr.passerelle.referral.support.World;
import fr.passerelle.testing.ContractCheck;
import fr.passerelle.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** GET/PUT /api/v1/me/notifications: who may, what is saved (address from the token), what is refused. */
@QuarkusTest
@QuarkusTestResource(ReferralDatabase.class)
@QuarkusTestResource(DirectoryStub.class)
@QuarkusTestResource(MailSink.class)
class NotificationPreferencesTest {

    private static final String PATH = "/api/v1/me/notifications";

    private final String subject = Api.freshName("partner");
    private final String partner = TestTokens.user(subject).role("partner").claim("organisation", World.ORG_RELAIS.toString())
            .claim("email", subject + "@relais.test").sign();

    @Test
    void someoneWhoNeverChoseReceivesNothing() {
        as(partner).get(PATH).then().statusCode(200)
                .body("email", equalTo(subject + "@relais.test"))
                .body("role", equalTo("partner"))
                .body("attachment", equalTo("organisation:" + World.ORG_RELAIS))
                .body("defaultMode", equalTo("OFF"))
                .body("events", aMapWithSize(16))
                .body("events.values()", everyItem(equalTo("OFF")))
                .body("updatedAt", nullValue());
        assertEquals(0, TestDb.count("select count(*) from notification_preference where subject = ?", subject));
    }

    @Test
    void savedWithTheTokensAddressRoleAndAttachment() {
        as(partner).body(Map.of("defaultMode", "DAILY_DIGEST", "events",
                        Map.of("referral.submitted", "IMMEDIATE", "referral.completed", "OFF")))
                .put(PATH).then().statusCode(200)
                .body("defaultMode", equalTo("DAILY_DIGEST"))
                .body("'events'.'referral.submitted'", equalTo("IMMEDIATE"))
                .body("'events'.'referral.completed'", equalTo("OFF"))
                .body("'events'.'referral.accepted'", equalTo("DAILY_DIGEST"))
                .body("updatedAt", notNullValue());
        as(partner).get(PATH).then().statusCode(200)
                .body("email", equalTo(subject + "@relais.test"))
                .body("'events'.'referral.submitted'", equalTo("IMMEDIATE"));
        assertEquals(List.of("partner|organisation:" + World.ORG_RELAIS + "|" + subject + "@relais.test"),
                TestDb.strings("select role || '|' || attachment || '|' || email from notification_preference where subject = ?", subject));

        // Sending back what was read is accepted; a body cannot choose another address.
        as(partner).body(Map.of("email", subject + "@relais.test", "defaultMode", "OFF", "events", Map.of()))
                .put(PATH).then().statusCode(200).body("defaultMode", equalTo("OFF"));
        as(partner).body(Map.of("email", "someone-else@example.org", "defaultMode", "IMMEDIATE"))
                .put(PATH).then().statusCode(422).contentType("application/problem+json")
                .body("violations.code", hasItem("EMAIL_FROM_ACCOUNT"));
        assertEquals(List.of(subject + "@relais.test"),
                TestDb.strings("select email from notification_preference where subject = ?", subject));
    }

    @Test
    void aPersonMovedToAnotherOrganisationIsToldAboutTheNewOneOnly() {
        as(partner).body(Map.of("defaultMode", "IMMEDIATE")).put(PATH).then().statusCode(200);
        String moved = TestTokens.user(subject).role("partner").claim("organisation", World.ORG_E2C.toString())
                .claim("email", subject + "@e2c.test").sign();
        as(moved).get(PATH).then().statusCode(200)
                .body("attachment", equalTo("organisation:" + World.ORG_E2C))
                .body("email", equalTo(subject + "@e2c.test"))
                .body("defaultMode", equalTo("IMMEDIATE"));
        assertEquals(List.of("organisation:" + World.ORG_E2C + "|" + subject + "@e2c.test"),
                TestDb.strings("select attachment || '|' || email from notification_preference where subject = ?", subject));
    }

    @Test
    void anUnknownEventTypeOrModeIs400AndSavesNothing() {
        as(partner).body(Map.of("defaultMode", "OFF", "events", Map.of("referral.exploded", "IMMEDIATE")))
                .put(PATH).then().statusCode(400).contentType("application/problem+json")
                .body("violations[0].field", equalTo("events.referral.exploded"))
                .body("violations[0].code", equalTo("UNKNOWN_EVENT_TYPE"));
        as(partner).body("{\"defaultMode\":\"OFF\",\"events\":{\"referral.submitted\":\"WEEKLY\"}}")
                .put(PATH).then().statusCode(400).contentType("application/problem+json");
        as(partner).body("{\"defaultMode\":\"SOMETIMES\"}").put(PATH).then().statusCode(400).contentType("application/problem+json");
        as(partner).body("{\"events\":{}}").put(PATH).then().statusCode(422).contentType("application/problem+json")
                .body("violations.field", hasItem("defaultMode"));
        assertEquals(0, TestDb.count("select count(*) from notification_preference where subject = ?", subject));
    }

    @Test
    void withoutAnAddressOnlyOffCanBeChosen() {
        String noMail = TestTokens.user(Api.freshName("ref")).role("referent").claim("uai", Api.freshUai()).sign();
        as(noMail).get(PATH).then().statusCode(200).body("email", nullValue());
        as(noMail).body(Map.of("defaultMode", "IMMEDIATE")).put(PATH).then().statusCode(422)
                .body("violations.code", hasItem("NO_EMAIL"));
        as(noMail).body(Map.of("defaultMode", "OFF", "events", Map.of("referral.completed", "DAILY_DIGEST"))).put(PATH)
                .then().statusCode(422);
        as(noMail).body(Map.of("defaultMode", "OFF")).put(PATH).then().statusCode(200).body("email", nullValue());

        String unverified = TestTokens.user(Api.freshName("ref")).role("referent").claim("uai", Api.freshUai())
                .claim("email", "not-verified@ecole.test").claim("email_verified", false).sign();
        as(unverified).get(PATH).then().statusCode(200).body("email", nullValue());
    }

    @Test
    void auditorsDirectoryEditorsAndOtherSystemsAreRefused() {
        Map<String, String> refused = Map.of(
                "auditor", TestTokens.user("auditor-n").role("auditor").claim("email", "dpo@passerelle.test").sign(),
                "directory-admin", TestTokens.user("admin-n").role("directory-admin").claim("email", "admin@passerelle.test").sign(),
                "partner system", TestTokens.user("service-account-partner-system").role("partner")
                        .claim("organisation", World.ORG_RELAIS.toString()).claim("client_id", "partner-system")
                        .claim("scope", "referrals:read referrals:write").sign(),
                "no role", TestTokens.user("nobody").claim("email", "nobody@passerelle.test").sign());
        refused.forEach((who, token) -> {
            as(token).get(PATH).then().statusCode(403).contentType("application/problem+json");
            as(token).body(Map.of("defaultMode", "OFF")).put(PATH).then().statusCode(403).contentType("application/problem+json");
        });
        RestAssured.given().filter(ContractCheck.INSTANCE).get(PATH).then().statusCode(401);
        assertEquals(0, TestDb.count("select count(*) from notification_preference where subject in "
                + "('auditor-n', 'admin-n', 'service-account-partner-system', 'nobody')"));
    }
}
