package fr.passerelle.e2e.support;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Requests through the gateway, as a demo user, and the few objects the tests need. */
public final class Api {

    public static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    public static final String PROBLEM_JSON = "application/problem+json";

    /** referent1's school (Lycée Magenta, Villeurbanne) and the commune the pupils live in. */
    public static final String MAGENTA_UAI = "0690047B";
    public static final String VILLEURBANNE = "69266";
    /** partner1's organisation (Apprentis d'Auteuil – Hello Persévérance) and coordinator1's platform (PSAD Lyon – Villeurbanne). */
    public static final String PARTNER1_ORGANISATION = "07a23e44-05c2-4269-8757-ada2582fb768";
    public static final String COORDINATOR1_PLATFORM = "43c92e43-b7d1-4693-a06d-67f3c4f0699b";
    /** « Le Fil d'Ariane » (partner1's organisation): 16–21, AT_RISK or LEFT_SCHOOL, Villeurbanne, admission DIRECT. */
    public static final String FIL_D_ARIANE = "505253b6-75da-4eaf-b941-3fca072d1ad5";

    private Api() {
    }

    public static RequestSpecification as(String who) {
        return given().baseUri(Stack.GATEWAY).auth().oauth2(Keycloak.token(who))
                .contentType(ContentType.JSON).accept(ContentType.JSON);
    }

    public static LocalDate today() {
        return LocalDate.now(PARIS);
    }

    /** A 17-year-old pupil of Lycée Magenta at risk of dropping out, living in Villeurbanne; names carry the run's marker. */
    public static Map<String, Object> pupil(String markerSuffix) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("firstName", Run.markerName(markerSuffix));
        body.put("lastName", Run.MARKER + "nom");
        body.put("birthDate", today().minusYears(17).minusMonths(3).toString());
        body.put("schoolUai", MAGENTA_UAI);
        body.put("schoolLevel", "PREMIERE");
        body.put("schoolingStatus", "AT_RISK");
        body.put("homeCommuneCode", VILLEURBANNE);
        body.put("guardians", List.of(Map.of("firstName", "Nadia", "lastName", Run.MARKER + "nom",
                "relationship", "MOTHER", "phone", "06 12 34 56 78")));
        body.put("consent", Map.of("givenBy", "GUARDIAN", "givenAt", today().toString(), "purpose", "REFERRAL"));
        return body;
    }

    /** referent1 creates a case for a new marker pupil; returns its id. */
    public static String newCase(String referent, String markerSuffix) {
        Response created = as(referent).header("Idempotency-Key", UUID.randomUUID().toString())
                .body(pupil(markerSuffix)).post("/api/v1/cases");
        if (created.statusCode() != 201) {
            throw new AssertionError("case creation: HTTP " + created.statusCode() + " " + created.asString());
        }
        return created.jsonPath().getString("id");
    }

    /** Files a referral of the case to a programme (submitted at once unless submit is false); returns the answer. */
    public static Response fileReferral(String who, String caseId, String programmeId, boolean submit, String idempotencyKey) {
        return as(who).header("Idempotency-Key", idempotencyKey).body(referralBody(caseId, programmeId, submit))
                .post("/api/v1/referrals");
    }

    /** The body of a referral of the case to a programme, as the walk-through files it. */
    public static Map<String, Object> referralBody(String caseId, String programmeId, boolean submit) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("caseId", caseId);
        body.put("targetType", "PROGRAMME");
        body.put("targetId", programmeId);
        body.put("reason", "ABSENTEEISM");
        body.put("urgency", "HIGH");
        body.put("context", "Absences répétées depuis la rentrée ; entretien avec la famille le mois dernier.");
        body.put("submit", submit);
        return body;
    }

    /** The ETag of a referral as this caller reads it. */
    public static String etag(String who, String referralId) {
        return as(who).get("/api/v1/referrals/" + referralId).then().statusCode(200).extract().header("ETag");
    }
}
