package fr.passerelle.referral.support;

import static io.restassured.RestAssured.given;

import fr.passerelle.testing.ContractCheck;
import fr.passerelle.testing.TestTokens;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/** Short-hands for calling the API as the product's users. */
public final class Api {

    private static final AtomicInteger SEQ = new AtomicInteger();

    private Api() {
    }

    public static RequestSpecification as(String token) {
        return given().filter(ContractCheck.INSTANCE).auth().oauth2(token).contentType(ContentType.JSON).accept(ContentType.JSON);
    }

    public static String referent(String uai) {
        return TestTokens.referent(uai);
    }

    public static String coordinator(UUID platform) {
        return TestTokens.coordinator(platform);
    }

    public static String partner(UUID organisation) {
        return TestTokens.partner(organisation);
    }

    public static String auditor() {
        return TestTokens.auditor();
    }

    public static String admin() {
        return TestTokens.directoryAdmin();
    }

    /** A UAI no other test uses, so a test's lists hold only its own cases. */
    public static String freshUai() {
        int n = (int) (System.nanoTime() % 900_000) + 100_000 + SEQ.incrementAndGet();
        return String.format("%07d", n % 10_000_000) + (char) ('A' + SEQ.get() % 26);
    }

    /** A name no other test uses (letters only). */
    public static String freshName(String prefix) {
        StringBuilder sb = new StringBuilder(prefix);
        long v = System.nanoTime() + SEQ.incrementAndGet();
        for (int i = 0; i < 8; i++) {
            sb.append((char) ('a' + (v % 26)));
            v /= 26;
        }
        return sb.toString();
    }

    /** A pupil of 15, consent by a guardian, living in Villeurbanne. */
    public static Map<String, Object> pupil(String uai) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("firstName", freshName("Lina"));
        body.put("lastName", freshName("Martin"));
        body.put("birthDate", LocalDate.now().minusYears(15).minusDays(20).toString());
        if (uai != null) {
            body.put("schoolUai", uai);
        }
        body.put("schoolLevel", "TROISIEME");
        body.put("homeCommuneCode", World.VILLEURBANNE);
        body.put("guardians", List.of(Map.of("firstName", "Nadia", "lastName", "Martin", "relationship", "MOTHER",
                "phone", "06 12 34 56 78")));
        body.put("consent", Map.of("givenBy", "GUARDIAN", "givenAt", LocalDate.now().minusDays(1).toString(), "purpose", "REFERRAL"));
        return body;
    }

    /** A young person of 19 who left school (coordinator's case). */
    public static Map<String, Object> youngAdult() {
        Map<String, Object> body = new HashMap<>(pupil(null));
        body.put("birthDate", LocalDate.now().minusYears(19).toString());
        body.put("schoolLevel", "NONE");
        body.put("guardians", List.of());
        body.put("consent", Map.of("givenBy", "YOUNG_PERSON", "givenAt", LocalDate.now().toString(), "purpose", "REFERRAL"));
        return body;
    }

    public record Created(String id, String etag, Response response) {
    }

    public static Created createCase(String token, Map<String, Object> body) {
        Response r = as(token).body(body).post("/api/v1/cases");
        r.then().statusCode(201);
        return new Created(r.jsonPath().getString("id"), r.header("ETag"), r);
    }

    public static Map<String, Object> referral(String caseId, String targetType, UUID targetId, boolean submit) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("caseId", caseId);
        body.put("targetType", targetType);
        body.put("targetId", targetId.toString());
        body.put("reason", "ABSENTEEISM");
        body.put("urgency", "HIGH");
        body.put("context", "Absences répétées depuis la rentrée.");
        body.put("submit", submit);
        return body;
    }

    public static Created createReferral(String token, Map<String, Object> body) {
        Response r = as(token).body(body).post("/api/v1/referrals");
        r.then().statusCode(201);
        return new Created(r.jsonPath().getString("id"), r.header("ETag"), r);
    }

    public static String etag(String token, String path) {
        Response r = as(token).get(path);
        r.then().statusCode(200);
        return r.header("ETag");
    }

    /** POST a lifecycle action with the referral's current ETag (read first with the same token). */
    public static Response act(String token, String referralId, String action, Object body) {
        String etag = etag(token, "/api/v1/referrals/" + referralId);
        RequestSpecification spec = as(token).header("If-Match", etag);
        if (body != null) {
            spec = spec.body(body);
        }
        return spec.post("/api/v1/referrals/" + referralId + "/" + action);
    }
}
