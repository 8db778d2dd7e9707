package fr.passerelle.referral.rest;

import static fr.passerelle.referral.support.Api.as;
import static fr.passerelle.referral.support.Api.createCase;
import static fr.passerelle.referral.support.Api.createReferral;
import static fr.passerelle.referral.support.Api.pupil;
import static fr.passerelle.referral.support.Api.referent;
import static fr.passerelle.referral.support.Api.referral;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.passerelle.referral.support.Api;
import fr.passerelle.referral.support.DirectoryStub;
import fr.passerelle.referral.support.ReferralDatabase;
import fr.passerelle.referral.support.TestDb;
import fr.passerelle.referral.support.World;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(ReferralDatabase.class)
@QuarkusTestResource(DirectoryStub.class)
class AuditTrailTest {

    /** The application's own pool: every connection works as the restricted role referral_app. */
    @Inject
    DataSource applicationDataSource;

    private final String uai = Api.freshUai();
    private final String referent = referent(uai);

    @Test
    void listsWriteExactlyOneRowPerCaseTheyReturn() {
        List<String> cases = List.of(createCase(referent, pupil(uai)).id(), createCase(referent, pupil(uai)).id(),
                createCase(referent, pupil(uai)).id());
        long before = rows();
        as(referent).get("/api/v1/cases").then().statusCode(200).body("items.size()", equalTo(3));
        assertEquals(before + 3, rows());
        assertEquals(3, TestDb.count("select count(*) from audit_event where attachment = ? and operation = 'CASE_LIST'", "uai:" + uai));

        // Three referrals over two cases: the inbox touches two cases.
        createReferral(referent, referral(cases.get(0), "PROGRAMME", World.PROG_OPEN, true));
        createReferral(referent, referral(cases.get(0), "PLATFORM", World.P_LYON, true));
        createReferral(referent, referral(cases.get(1), "PROGRAMME", World.PROG_OPEN, true));
        before = rows();
        as(referent).get("/api/v1/referrals").then().statusCode(200).body("items.size()", equalTo(3));
        assertEquals(before + 2, rows());

        // The timeline is one case.
        before = rows();
        as(referent).get("/api/v1/cases/" + cases.get(0) + "/timeline").then().statusCode(200);
        assertEquals(before + 1, rows());

        // Triage: as many rows as distinct cases on the page.
        String coordinator = Api.coordinator(World.P_LYON);
        long platformRows = TestDb.count("select count(*) from audit_event where attachment = ?", "platform:" + World.P_LYON);
        Response page = as(coordinator).get("/api/v1/triage?size=100");
        page.then().statusCode(200);
        long distinctCases = new HashSet<>(page.jsonPath().getList("items.caseId")).size();
        assertEquals(platformRows + distinctCases,
                TestDb.count("select count(*) from audit_event where attachment = ?", "platform:" + World.P_LYON));

        // An empty list touches no case.
        String emptyUai = Api.freshUai();
        long total = TestDb.count("select count(*) from audit_event");
        as(referent(emptyUai)).get("/api/v1/cases").then().body("items.size()", equalTo(0));
        assertEquals(total, TestDb.count("select count(*) from audit_event"));
    }

    @Test
    void aRowSaysWhoWhenWhatWhyAndWhichRequestButNeverAName() {
        Map<String, Object> body = pupil(uai);
        String caseId = createCase(referent, body).id();
        String requestId = "audit-" + UUID.randomUUID();
        as(referent).header("X-Request-Id", requestId).get("/api/v1/cases/" + caseId).then().statusCode(200)
                .header("X-Request-Id", requestId);
        List<String> row = TestDb.strings("select concat_ws('|', subject, role, attachment, operation, purpose, case_id)"
                + " from audit_event where request_id = ?", requestId);
        assertEquals(List.of(String.join("|", "referent-" + uai, "referent", "uai:" + uai, "CASE_READ", "REFERRAL_MANAGEMENT",
                caseId)), row);
        assertEquals(0, TestDb.count("select count(*) from audit_event a where cast(row_to_json(a) as text) ilike ?",
                "%" + body.get("lastName") + "%"));
    }

    @Test
    void theApplicationsRoleCannotRewriteOrDeleteTheAuditTrail() throws SQLException {
        createCase(referent, pupil(uai));
        try (Connection c = applicationDataSource.getConnection(); Statement st = c.createStatement()) {
            try (ResultSet rs = st.executeQuery("select current_user")) {
                rs.next();
                assertEquals("referral_app", rs.getString(1));
            }
            SQLException update = assertThrows(SQLException.class,
                    () -> st.executeUpdate("update audit_event set subject = 'someone-else'"));
            assertEquals("42501", update.getSQLState(), update.getMessage());
            SQLException delete = assertThrows(SQLException.class, () -> st.executeUpdate("delete from audit_event"));
            assertEquals("42501", delete.getSQLState());
            SQLException truncate = assertThrows(SQLException.class, () -> st.executeUpdate("truncate audit_event"));
            assertEquals("42501", truncate.getSQLState());
        }
        // Second layer: even the owner's connection hits the append-only trigger.
        try (Connection c = TestDb.connect(); Statement st = c.createStatement()) {
            SQLException e = assertThrows(SQLException.class, () -> st.executeUpdate("update audit_event set subject = 'x'"));
            assertTrue(e.getMessage().contains("append-only"), e.getMessage());
        }
    }

    @Test
    void aReadWhoseAuditRowCannotBeWrittenFails() {
        String caseId = createCase(referent, pupil(uai)).id();
        TestDb.execute("revoke insert on audit_event from referral_app");
        try {
            as(referent).get("/api/v1/cases/" + caseId).then().statusCode(500).contentType("application/problem+json")
                    .body("detail", equalTo("An unexpected error occurred. Quote the request id when reporting it."));
        } finally {
            TestDb.execute("grant insert on audit_event to referral_app");
        }
        as(referent).get("/api/v1/cases/" + caseId).then().statusCode(200);
    }

    @Test
    void auditorsReadTheLogAndTheirReadsAreLoggedToo() {
        String caseId = createCase(referent, pupil(uai)).id();
        as(referent).get("/api/v1/cases/" + caseId).then().statusCode(200);
        long before = TestDb.count("select count(*) from audit_event where operation = 'AUDIT_LOG_READ' and case_id = ?::uuid", caseId);
        as(Api.auditor()).get("/api/v1/audit?caseId=" + caseId).then().statusCode(200)
                .body("items.operation", hasItems("CASE_CREATE", "CASE_READ")).body("items.caseId", everyItem(equalTo(caseId)))
                .body("items[0].requestId", notNullValue());
        assertEquals(before + 1,
                TestDb.count("select count(*) from audit_event where operation = 'AUDIT_LOG_READ' and case_id = ?::uuid", caseId));
        as(Api.auditor()).get("/api/v1/audit?operation=CASE_READ&size=5&from=" + LocalDate.now()).then().statusCode(200)
                .body("items.operation", everyItem(equalTo("CASE_READ")));
        as(referent).get("/api/v1/audit").then().statusCode(403);
        as(Api.coordinator(World.P_LYON)).get("/api/v1/audit").then().statusCode(403);
        as(Api.auditor()).get("/api/v1/audit?caseId=nope").then().statusCode(400);
    }

    @Test
    void theSubjectAccessExportHoldsEverythingAndIsItselfAudited() {
        Map<String, Object> body = new HashMap<>(pupil(uai));
        String ine = "98765" + String.format("%04d", (int) (System.nanoTime() % 10000)) + "ZZ";
        body.put("ine", ine);
        String caseId = createCase(referent, body).id();
        String referralId = createReferral(referent, referral(caseId, "PROGRAMME", World.PROG_OPEN, true)).id();
        as(Api.partner(World.ORG_RELAIS)).body(Map.of("entryDate", LocalDate.now().toString(), "kind", "PHONE_CALL",
                        "visibility", "AUTHOR_ORG", "text", "Note réservée à la structure"))
                .post("/api/v1/referrals/" + referralId + "/follow-ups").then().statusCode(201);

        as(Api.auditor()).body(Map.of("ine", ine, "reference", "DPO-2026-001")).post("/api/v1/audit/subject-access")
                .then().statusCode(200)
                .body("reference", equalTo("DPO-2026-001"))
                .body("cases.size()", equalTo(1))
                .body("cases[0].caseData.ine", equalTo(ine))
                .body("cases[0].caseData.guardians[0].phone", equalTo("06 12 34 56 78"))
                .body("cases[0].referrals.id", hasItem(referralId))
                .body("cases[0].timeline.type", hasItem("REFERRAL_SUBMITTED"))
                .body("cases[0].followUps.text", hasItem("Note réservée à la structure"))
                .body("cases[0].accessLog.operation", hasItem("CASE_CREATE"));
        assertEquals(1, TestDb.count("select count(*) from audit_event where operation = 'SUBJECT_ACCESS_EXPORT' and case_id = ?::uuid",
                caseId));
        as(Api.auditor()).body(Map.of("firstName", body.get("firstName"), "lastName", body.get("lastName"),
                "birthDate", body.get("birthDate"))).post("/api/v1/audit/subject-access").then().statusCode(200)
                .body("cases.size()", equalTo(1));
        as(Api.auditor()).body(Map.of("caseId", caseId, "ine", ine)).post("/api/v1/audit/subject-access").then().statusCode(422);
        as(Api.auditor()).body(Map.of("firstName", "Lina")).post("/api/v1/audit/subject-access").then().statusCode(422);
        as(referent).body(Map.of("caseId", caseId)).post("/api/v1/audit/subject-access").then().statusCode(403);
        assertFalse(TestDb.strings("select operation from audit_event where case_id = ?::uuid", caseId).isEmpty());
    }

    private long rows() {
        return TestDb.count("select count(*) from audit_event");
    }
}
