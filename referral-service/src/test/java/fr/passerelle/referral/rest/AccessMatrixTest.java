package fr.passerelle.referral.rest;

import static fr.passerelle.referral.support.Api.act;
import static fr.passerelle.referral.support.Api.as;
import static fr.passerelle.referral.support.Api.createCase;
import static fr.passerelle.referral.support.Api.createReferral;
import static fr.passerelle.referral.support.Api.pupil;
import static fr.passerelle.referral.support.Api.referral;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import fr.passerelle.referral.support.Api;
import fr.passerelle.referral.support.DirectoryStub;
import fr.passerelle.referral.support.ReferralDatabase;
import fr.passerelle.referral.support.World;
import fr.passerelle.testing.ContractCheck;
import fr.passerelle.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every role × attachment × operation on one case of school A, with a referral to a programme of the Lyon
 * platform (R1) and a draft referral to the Lyon platform (R2, the school's own work). Outside one's scope
 * the answer is 404; visible but not one's to act on, 403; roles without pupil data, 403.
 */
@QuarkusTest
@QuarkusTestResource(ReferralDatabase.class)
@QuarkusTestResource(DirectoryStub.class)
class AccessMatrixTest {

    private String uaiA;
    private String caseId;
    private String r1;
    private String r2;

    private final Map<String, String> callers = new LinkedHashMap<>();

    @BeforeEach
    void aCaseOfSchoolAWithReferrals() {
        uaiA = Api.freshUai();
        callers.put("referent of school A", Api.referent(uaiA));
        callers.put("referent of school B", Api.referent(Api.freshUai()));
        callers.put("coordinator of Lyon (coordinates R1)", Api.coordinator(World.P_LYON));
        callers.put("coordinator of Loire", Api.coordinator(World.P_LOIRE));
        callers.put("partner running R1's programme", Api.partner(World.ORG_RELAIS));
        callers.put("partner of another Lyon member", Api.partner(World.ORG_E2C));
        callers.put("partner in Loire", Api.partner(World.ORG_LOIRE));
        callers.put("auditor", Api.auditor());
        callers.put("directory-admin", Api.admin());
        callers.put("referent token without uai", TestTokens.user("referent-x").role("referent").sign());

        String referent = callers.get("referent of school A");
        caseId = createCase(referent, pupil(uaiA)).id();
        r1 = createReferral(referent, referral(caseId, "PROGRAMME", World.PROG_OPEN, true)).id();
        r2 = createReferral(referent, referral(caseId, "PLATFORM", World.P_LYON, false)).id();
    }

    @Test
    void everyRoleAttachmentAndOperation() {
        // Expected status per caller, in the order of OPERATIONS below:
        //                                        case tmln patch  R1   R2  fups recv inbox cases triage
        Map<String, String> expected = new LinkedHashMap<>();
        expected.put("referent of school A",                 "200 200 200 200 200 200 403 200 200 403");
        expected.put("referent of school B",                 "404 404 404 404 404 404 404 200 200 403");
        expected.put("coordinator of Lyon (coordinates R1)", "200 200 403 200 404 200 403 200 200 200");
        expected.put("coordinator of Loire",                 "404 404 404 404 404 404 404 200 200 200");
        expected.put("partner running R1's programme",       "200 200 403 200 404 200 200 200 200 403");
        expected.put("partner of another Lyon member",       "404 404 404 404 404 404 404 200 200 403");
        expected.put("partner in Loire",                     "404 404 404 404 404 404 404 200 200 403");
        expected.put("auditor",                              "403 403 403 403 403 403 403 403 403 403");
        expected.put("directory-admin",                      "403 403 403 403 403 403 403 403 403 403");
        expected.put("referent token without uai",           "403 403 403 403 403 403 403 403 403 403");

        Map<String, Function<String, Response>> operations = new LinkedHashMap<>();
        operations.put("case", t -> as(t).get("/api/v1/cases/" + caseId));
        operations.put("tmln", t -> as(t).get("/api/v1/cases/" + caseId + "/timeline"));
        // If-Match: the current ETag, read by the case's own referent, so that only access decides the answer.
        String owner = callers.get("referent of school A");
        operations.put("patch", t -> as(t).header("If-Match", Api.etag(owner, "/api/v1/cases/" + caseId))
                .body(Map.of("livesInQpv", false)).patch("/api/v1/cases/" + caseId));
        operations.put("R1", t -> as(t).get("/api/v1/referrals/" + r1));
        operations.put("R2", t -> as(t).get("/api/v1/referrals/" + r2));
        operations.put("fups", t -> as(t).get("/api/v1/referrals/" + r1 + "/follow-ups"));
        // The receiving partner goes last in the map order, so the 403/404 attempts before it find R1 SUBMITTED.
        operations.put("recv", t -> as(t).header("If-Match", Api.etag(owner, "/api/v1/referrals/" + r1))
                .post("/api/v1/referrals/" + r1 + "/receive"));
        operations.put("inbox", t -> as(t).get("/api/v1/referrals"));
        operations.put("cases", t -> as(t).get("/api/v1/cases"));
        operations.put("triage", t -> as(t).get("/api/v1/triage?size=100"));

        List<String> mismatches = new ArrayList<>();
        for (var caller : expected.entrySet()) {
            String token = callers.get(caller.getKey());
            String[] statuses = caller.getValue().split("\\s+");
            int i = 0;
            for (var op : operations.entrySet()) {
                Response r = op.getValue().apply(token);
                int want = Integer.parseInt(statuses[i++]);
                if (r.statusCode() != want) {
                    mismatches.add(caller.getKey() + " " + op.getKey() + ": " + r.statusCode() + " instead of " + want);
                }
                if (r.statusCode() >= 400 && !r.contentType().startsWith("application/problem+json")) {
                    mismatches.add(caller.getKey() + " " + op.getKey() + ": not problem+json");
                }
                // Lists: visible exactly when the case is.
                if (want == 200 && (op.getKey().equals("inbox") || op.getKey().equals("cases") || op.getKey().equals("triage"))) {
                    boolean listed = r.jsonPath().getList("items.caseId").contains(caseId)
                            || r.jsonPath().getList("items.id").contains(caseId);
                    boolean seesCase = statuses[0].equals("200");
                    if (listed != seesCase && !(op.getKey().equals("triage") && !listed)) {
                        mismatches.add(caller.getKey() + " " + op.getKey() + ": listed=" + listed);
                    }
                }
            }
        }
        assertEquals(List.of(), mismatches);
    }

    @Test
    void aPartnerSeesAMinimisedCaseAndGuardiansOnlyOnceItAccepts() {
        String partner = callers.get("partner running R1's programme");
        as(partner).get("/api/v1/cases/" + caseId).then().statusCode(200)
                .body("view", equalTo("MINIMAL")).body("$", not(hasKey("ine"))).body("$", not(hasKey("consent")))
                .body("$", not(hasKey("guardians"))).body("referrals.id", contains(r1));
        as(partner).get("/api/v1/referrals/" + r1).then().body("pupil.firstName", not(nullValue()));
        // Its timeline: only its own referral's events, none of the case's own or the draft's.
        as(partner).get("/api/v1/cases/" + caseId + "/timeline").then().statusCode(200)
                .body("items.referralId", everyItem(equalTo(r1)));

        act(partner, r1, "receive", null).then().statusCode(200);
        act(partner, r1, "accept", null).then().statusCode(200);
        as(partner).get("/api/v1/cases/" + caseId).then().statusCode(200)
                .body("guardians[0].relationship", equalTo("MOTHER")).body("$", not(hasKey("ine")));
    }

    @Test
    void aCoordinatingPlatformThatDidNotCreateTheCaseGetsTheMinimisedViewToo() {
        String coordinator = callers.get("coordinator of Lyon (coordinates R1)");
        as(coordinator).get("/api/v1/cases/" + caseId).then().statusCode(200)
                .body("view", equalTo("MINIMAL")).body("$", not(hasKey("ine"))).body("$", not(hasKey("guardians")))
                .body("referrals.id", contains(r1));
        as(coordinator).get("/api/v1/cases/" + caseId + "/timeline").then().statusCode(200)
                .body("items.referralId", everyItem(equalTo(r1)));
        // Its own case (a young person who left school): the whole of it.
        String own = createCase(coordinator, Api.youngAdult()).id();
        as(coordinator).get("/api/v1/cases/" + own).then().statusCode(200).body("view", equalTo("FULL"))
                .body("consent.givenBy", equalTo("YOUNG_PERSON"));
    }

    @Test
    void theSchoolSeesTheWholeCaseWithAllItsReferrals() {
        as(callers.get("referent of school A")).get("/api/v1/cases/" + caseId).then().statusCode(200)
                .body("view", equalTo("FULL")).body("consent.givenBy", equalTo("GUARDIAN"))
                .body("referrals.size()", equalTo(2));
    }

    @Test
    void anotherSystemNeedsTheScopeForWhatItDoes() {
        String readOnly = TestTokens.system("school-erp", "referrals:read", "referent");
        String reader = TestTokens.user("service-account-school-erp").claim("client_id", "school-erp")
                .claim("scope", "referrals:read").claim("uai", uaiA).role("referent").sign();
        as(reader).get("/api/v1/cases/" + caseId).then().statusCode(200);
        as(reader).body(pupil(uaiA)).post("/api/v1/cases").then().statusCode(403);
        String writer = TestTokens.user("service-account-school-erp").claim("client_id", "school-erp")
                .claim("scope", "referrals:read referrals:write").claim("uai", uaiA).role("referent").sign();
        as(writer).body(pupil(uaiA)).post("/api/v1/cases").then().statusCode(201);
        String noScope = TestTokens.user("service-account-other").claim("client_id", "other").claim("uai", uaiA)
                .role("referent").sign();
        as(noScope).get("/api/v1/cases/" + caseId).then().statusCode(403);
        as(readOnly).get("/api/v1/stats").then().statusCode(200);
        as(TestTokens.system("dashboard", "directory:read", "referent")).get("/api/v1/stats").then().statusCode(403);
    }

    @Test
    void withoutAValidTokenNothingAnswersButA401Problem() {
        io.restassured.RestAssured.given().filter(ContractCheck.INSTANCE).get("/api/v1/cases/" + caseId).then().statusCode(401)
                .contentType("application/problem+json");
        io.restassured.RestAssured.given().filter(ContractCheck.INSTANCE).auth().oauth2("not-a-jwt").get("/api/v1/referrals").then().statusCode(401);
        String wrongAudience = TestTokens.user("referent-x").role("referent").claim("uai", uaiA).audience("another-api").sign();
        io.restassured.RestAssured.given().filter(ContractCheck.INSTANCE).auth().oauth2(wrongAudience).get("/api/v1/cases/" + caseId).then().statusCode(401);
        String expired = TestTokens.user("referent-x").role("referent").claim("uai", uaiA).expiresIn(-120).sign();
        io.restassured.RestAssured.given().filter(ContractCheck.INSTANCE).auth().oauth2(expired).get("/api/v1/cases/" + caseId).then().statusCode(401);
    }
}
