package fr.passerelle.referral.rest;

import static fr.passerelle.referral.support.Api.as;
import static fr.passerelle.referral.support.Api.createCase;
import static fr.passerelle.referral.support.Api.createReferral;
import static fr.passerelle.referral.support.Api.pupil;
import static fr.passerelle.referral.support.Api.referent;
import static fr.passerelle.referral.support.Api.referral;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.passerelle.referral.support.Api;
import fr.passerelle.referral.support.DirectoryStub;
import fr.passerelle.referral.support.NothingWritten;
import fr.passerelle.referral.support.Raw;
import fr.passerelle.referral.support.ReferralDatabase;
import fr.passerelle.referral.support.TestDb;
import fr.passerelle.referral.support.World;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Input is parsed strictly (DESIGN: "The API as a contract"): text with control characters, lenient JSON, bodies that
 * are not UTF-8 JSON, undeclared or repeated query parameters and weak or wildcard If-Match are refused, and a refused
 * request writes nothing.
 */
@QuarkusTest
@QuarkusTestResource(ReferralDatabase.class)
@QuarkusTestResource(DirectoryStub.class)
class StrictInputTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, String> JSON_TYPE = Map.of("Content-Type", "application/json");

    private final String uai = Api.freshUai();
    private final String referent = referent(uai);

    // ------------------------------------------------------------------ text with control characters

    @Test
    void nulInAnyStoredTextIsRefusedNamingTheField() {
        refused(body -> body.put("firstName", "A\u0000B"), "firstName", "CONTROL_CHARACTER");
        refused(body -> body.put("guardians", List.of(Map.of("firstName", "Nadia", "lastName", "Mar\u0000tin",
                "relationship", "MOTHER"))), "guardians[0].lastName", "CONTROL_CHARACTER");
        refused(body -> body.put("consent", Map.of("givenBy", "GUARDIAN", "givenAt", LocalDate.now().toString(),
                "purpose", "REFERRAL\u0000")), "consent.purpose", "CONTROL_CHARACTER");

        String caseId = createCase(referent, pupil(uai)).id();
        Map<String, Object> filed = new HashMap<>(referral(caseId, "PROGRAMME", World.PROG_OPEN, true));
        filed.put("context", "Absences\u0000");
        NothingWritten.check(() -> as(referent).body(filed).post("/api/v1/referrals").then().statusCode(400)
                .body("violations[0].field", equalTo("context")).body("violations[0].code", equalTo("CONTROL_CHARACTER")));

        var created = createReferral(referent, referral(caseId, "PROGRAMME", World.PROG_OPEN, true));
        NothingWritten.check(() -> as(referent).body(Map.of("entryDate", LocalDate.now().toString(), "kind", "MEETING",
                        "visibility", "ALL_PARTIES", "text", "Entretien\u0000")).post("/api/v1/referrals/" + created.id() + "/follow-ups")
                .then().statusCode(400).body("violations[0].field", equalTo("text")));
        NothingWritten.check(() -> as(referent).header("If-Match", created.etag())
                .body(Map.of("reason", "NO_LONGER_NEEDED", "comment", "\u001b[31m")).post("/api/v1/referrals/" + created.id() + "/cancel")
                .then().statusCode(400).body("violations[0].field", equalTo("comment")));

        var toCorrect = createCase(referent, pupil(uai));
        NothingWritten.check(() -> as(referent).header("If-Match", toCorrect.etag()).body(Map.of("lastName", "Du\u0000rand"))
                .patch("/api/v1/cases/" + toCorrect.id()).then().statusCode(400).body("violations[0].field", equalTo("lastName")));

        NothingWritten.check(() -> as(Api.auditor()).body(Map.of("firstName", "Lina\u0000", "lastName", "Martin",
                        "birthDate", "2010-03-14")).post("/api/v1/audit/subject-access")
                .then().statusCode(400).body("violations[0].field", equalTo("firstName")));
    }

    @Test
    void lineBreaksAreFreeTextOnly() {
        refused(body -> body.put("lastName", "Mar\ttin"), "lastName", "CONTROL_CHARACTER");
        refused(body -> body.put("firstName", "Li\nna"), "firstName", "CONTROL_CHARACTER");
        String caseId = createCase(referent, pupil(uai)).id();
        Map<String, Object> filed = new HashMap<>(referral(caseId, "PROGRAMME", World.PROG_OPEN, true));
        filed.put("context", "Absences répétées.\r\n\t- depuis la rentrée\n\t- le lundi surtout");
        as(referent).body(filed).post("/api/v1/referrals").then().statusCode(201)
                .body("context", equalTo("Absences répétées.\r\n\t- depuis la rentrée\n\t- le lundi surtout"));
    }

    // ------------------------------------------------------------------ lenient JSON

    @Test
    void dataAfterTheJsonValueIsRefused() {
        String body = json(pupil(uai));
        assertProblem(NothingWritten.checkRaw(() -> Raw.json("POST", "/api/v1/cases", referent, JSON_TYPE, body + "{}")),
                400, "body", "TRAILING_DATA");
        assertProblem(NothingWritten.checkRaw(() -> Raw.json("POST", "/api/v1/cases", referent, JSON_TYPE, body + " garbage")),
                400, "body", "MALFORMED_JSON");
    }

    @Test
    void aKeyGivenTwiceIsRefused() {
        String body = json(pupil(uai));
        assertProblem(NothingWritten.checkRaw(() -> Raw.json("POST", "/api/v1/cases", referent, JSON_TYPE,
                "{\"firstName\":\"Zoé\"," + body.substring(1))), 400, "firstName", "DUPLICATE_PROPERTY");
        Map<String, Object> pupil = pupil(uai);
        pupil.put("consent", Map.of("givenBy", "GUARDIAN", "givenAt", LocalDate.now().toString(), "purpose", "REFERRAL"));
        String nested = json(pupil).replace("\"purpose\":\"REFERRAL\"", "\"purpose\":\"REFERRAL\",\"purpose\":\"REFERRAL\"");
        assertProblem(NothingWritten.checkRaw(() -> Raw.json("POST", "/api/v1/cases", referent, JSON_TYPE, nested)),
                400, "consent.purpose", "DUPLICATE_PROPERTY");
    }

    @Test
    void textThatIsNotUnicodeIsRefusedNotReplaced() {
        Map<String, Object> pupil = pupil(uai);
        pupil.put("firstName", "A@@B");
        String body = json(pupil);
        // Overlong "/" (C0 AF), read as "/" by Jackson; an encoded surrogate, stored as "?" by PostgreSQL.
        for (byte[] bad : List.of(new byte[] {(byte) 0xC0, (byte) 0xAF}, new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
                new byte[] {(byte) 0xFF})) {
            assertProblem(NothingWritten.checkRaw(() -> Raw.send("POST", "/api/v1/cases", referent, JSON_TYPE, splice(body, bad))),
                    400, "body", "INVALID_ENCODING");
        }
        assertProblem(NothingWritten.checkRaw(() -> Raw.json("POST", "/api/v1/cases", referent, JSON_TYPE,
                body.replace("@@", "\\ud800"))), 400, "firstName", "INVALID_ENCODING");
        assertProblem(NothingWritten.checkRaw(() -> Raw.json("POST", "/api/v1/cases", referent, JSON_TYPE,
                body.replace("@@", "\\udc00\\ud800"))), 400, "firstName", "INVALID_ENCODING");
        // A pair written as escapes is one character, and welcome.
        Raw.Answer ok = Raw.json("POST", "/api/v1/cases", referent, JSON_TYPE, body.replace("@@", "\\ud83d\\ude00"));
        assertEquals(201, ok.status(), ok.body());
    }

    @Test
    void aBodyMustSayItIsUtf8Json() {
        String body = json(pupil(uai));
        assertEquals(415, NothingWritten.checkRaw(() -> Raw.json("POST", "/api/v1/cases", referent, Map.of(), body)).status());
        assertEquals(415, NothingWritten.checkRaw(() -> Raw.json("POST", "/api/v1/cases", referent,
                Map.of("Content-Type", "application/json; charset=ISO-8859-1"), body)).status());
        assertEquals(415, NothingWritten.checkRaw(() -> Raw.json("POST", "/api/v1/cases", referent,
                Map.of("Content-Type", "text/plain"), body)).status());
        var created = createCase(referent, pupil(uai));
        assertEquals(415, NothingWritten.checkRaw(() -> Raw.json("PATCH", "/api/v1/cases/" + created.id(), referent,
                Map.of("If-Match", created.etag()), "{\"lastName\":\"Durand\"}")).status());

        Raw.Answer utf8 = Raw.json("POST", "/api/v1/cases", referent, Map.of("Content-Type", "application/json; charset=UTF-8"), body);
        assertEquals(201, utf8.status(), utf8.body());
        // An action without a body needs no Content-Type.
        String draft = createReferral(referent, referral(created.id(), "PROGRAMME", World.PROG_OPEN, false)).id();
        Raw.Answer cancelled = Raw.send("POST", "/api/v1/referrals/" + draft + "/cancel", referent,
                Map.of("If-Match", Api.etag(referent, "/api/v1/referrals/" + draft)), null);
        assertEquals(200, cancelled.status(), cancelled.body());
    }

    // ------------------------------------------------------------------ query parameters

    @Test
    void queryParametersAreDeclaredSingleAndClean() {
        String caseId = createCase(referent, pupil(uai)).id();
        badParameter(referent, "/api/v1/referrals?status=SUBMITTED%00", "status", "CONTROL_CHARACTER");
        badParameter(referent, "/api/v1/referrals?caseId=" + caseId, "caseId", "UNKNOWN_PARAMETER");
        badParameter(referent, "/api/v1/referrals?status=SUBMITTED&status=RECEIVED", "status", "REPEATED_PARAMETER");
        badParameter(referent, "/api/v1/cases/" + caseId + "?view=FULL", "view", "UNKNOWN_PARAMETER");
        badParameter(referent, "/api/v1/cases?status=OPEN&size=10&size=100", "size", "REPEATED_PARAMETER");
        badParameter(referent, "/api/v1/stats?from=2026-01-01%C0%AF", "from", "INVALID_ENCODING");
        badParameter(Api.coordinator(World.P_LYON), "/api/v1/triage?status=SUBMITTED&sort=urgency", "sort", "UNKNOWN_PARAMETER");
        badParameter(Api.auditor(), "/api/v1/audit?operation=FOO", "operation", "UNKNOWN_VALUE");
        // Typed parameters (one per kind): the wrong type or a value out of bounds is 400 naming the parameter, never a 404.
        badParameter(referent, "/api/v1/cases?size=twenty", "size", "WRONG_TYPE");
        badParameter(referent, "/api/v1/cases?size=101", "size", "MAX");
        badParameter(referent, "/api/v1/cases?page=-1", "page", "MIN");
        badParameter(referent, "/api/v1/cases?status=SHUT", "status", "UNKNOWN_VALUE");
        badParameter(referent, "/api/v1/referrals?overdue=yes", "overdue", "WRONG_TYPE");
        badParameter(referent, "/api/v1/referrals?updatedSince=yesterday", "updatedSince", "WRONG_TYPE");
        badParameter(referent, "/api/v1/stats?from=2026-13-01", "from", "WRONG_TYPE");
        badParameter(referent, "/api/v1/stats?platformId=lyon", "platformId", "WRONG_TYPE");
        badParameter(Api.auditor(), "/api/v1/audit?caseId=42", "caseId", "WRONG_TYPE");
        badParameter(Api.coordinator(World.P_LYON), "/api/v1/triage?urgency=URGENT", "urgency", "UNKNOWN_VALUE");
        badParameter(Api.coordinator(World.P_LYON), "/api/v1/triage?cursor=" + "a".repeat(201), "cursor", "SIZE");
        badParameter(Api.auditor(), "/api/v1/audit?subject=" + "s".repeat(256), "subject", "SIZE");
        // A write with an undeclared parameter is refused before anything is written.
        NothingWritten.check(() -> as(referent).body(pupil(uai)).post("/api/v1/cases?dryRun=true").then().statusCode(400)
                .body("violations[0].field", equalTo("dryRun")));

        as(referent).get("/api/v1/referrals?status=SUBMITTED&updatedSince=2026-01-01&page=0&size=5").then().statusCode(200);
        as(referent).get("/api/v1/referrals?updatedSince=2026-01-01T08:00:00Z&overdue=false").then().statusCode(200);
        as(referent).get("/api/v1/stats?from=2026-01-01&to=2026-12-31").then().statusCode(200);
        as(Api.auditor()).get("/api/v1/audit?operation=CASE_READ&caseId=" + caseId).then().statusCode(200);
    }

    // ------------------------------------------------------------------ If-Match

    @Test
    void onlyTheCurrentStrongEtagUnlocksAPatch() {
        var created = createCase(referent, pupil(uai));
        String path = "/api/v1/cases/" + created.id();
        assertEquals("\"v0\"", created.etag());
        NothingWritten.check(() -> as(referent).header("If-Match", "W/\"v0\"").body(Map.of("schoolLevel", "SECONDE"))
                .patch(path).then().statusCode(412));
        NothingWritten.check(() -> as(referent).header("If-Match", "*").body(Map.of("schoolLevel", "SECONDE"))
                .patch(path).then().statusCode(428));
        assertEquals(0L, TestDb.count("select version from pupil_case where id = ?", UUID.fromString(created.id())));
        as(referent).header("If-Match", "\"v0\"").body(Map.of("schoolLevel", "SECONDE")).patch(path).then().statusCode(200)
                .header("ETag", "\"v1\"");
    }

    @Test
    void onlyTheCurrentStrongEtagUnlocksALifecycleAction() {
        String caseId = createCase(referent, pupil(uai)).id();
        var draft = createReferral(referent, referral(caseId, "PROGRAMME", World.PROG_OPEN, false));
        String submit = "/api/v1/referrals/" + draft.id() + "/submit";
        NothingWritten.check(() -> as(referent).header("If-Match", "W/" + draft.etag()).post(submit).then().statusCode(412));
        NothingWritten.check(() -> as(referent).header("If-Match", "*").post(submit).then().statusCode(428));
        as(referent).get("/api/v1/referrals/" + draft.id()).then().body("status", equalTo("DRAFT"));
        as(referent).header("If-Match", draft.etag()).post(submit).then().statusCode(200).body("status", equalTo("SUBMITTED"));
    }

    // ------------------------------------------------------------------ helpers

    private void refused(java.util.function.Consumer<Map<String, Object>> change, String field, String code) {
        Map<String, Object> body = new HashMap<>(pupil(uai));
        change.accept(body);
        NothingWritten.check(() -> as(referent).body(body).post("/api/v1/cases").then().statusCode(400)
                .body("violations[0].field", equalTo(field)).body("violations[0].code", equalTo(code)));
    }

    private static void badParameter(String token, String pathAndQuery, String field, String code) {
        NothingWritten.check(() -> as(token).urlEncodingEnabled(false).get(pathAndQuery).then().statusCode(400)
                .body("violations[0].field", equalTo(field)).body("violations[0].code", equalTo(code)));
    }

    private static void assertProblem(Raw.Answer answer, int status, String field, String code) {
        assertEquals(status, answer.status(), answer.body());
        assertEquals(field, answer.json().getString("violations[0].field"), answer.body());
        assertEquals(code, answer.json().getString("violations[0].code"), answer.body());
    }

    private static String json(Map<String, Object> body) {
        try {
            return JSON.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The body's UTF-8 bytes with "@@" replaced by raw bytes. */
    private static byte[] splice(String body, byte[] raw) {
        int at = body.indexOf("@@");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(body.substring(0, at).getBytes(StandardCharsets.UTF_8));
        out.writeBytes(raw);
        out.writeBytes(body.substring(at + 2).getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }
}
