package fr.passerelle.referral.rest;

import static fr.passerelle.referral.support.Api.act;
import static fr.passerelle.referral.support.Api.as;
import static fr.passerelle.referral.support.Api.createCase;
import static fr.passerelle.referral.support.Api.createReferral;
import static fr.passerelle.referral.support.Api.pupil;
import static fr.passerelle.referral.support.Api.referent;
import static fr.passerelle.referral.support.Api.referral;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import fr.passerelle.referral.support.Api;
import fr.passerelle.referral.support.DirectoryStub;
import fr.passerelle.referral.support.ReferralDatabase;
import fr.passerelle.referral.support.World;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(ReferralDatabase.class)
@QuarkusTestResource(DirectoryStub.class)
class CaseResourceTest {

    private final String uai = Api.freshUai();
    private final String referent = referent(uai);

    @Test
    void referentCreatesAndReadsACaseOfTheirSchool() {
        var created = createCase(referent, pupil(uai));
        created.response().then().header("Location", "/api/v1/cases/" + created.id()).header("ETag", "\"v0\"")
                .body("schoolingStatus", equalTo("AT_RISK"));
        as(referent).get("/api/v1/cases/" + created.id()).then().statusCode(200)
                .header("ETag", equalTo("\"v0\""))
                .body("id", equalTo(created.id()))
                .body("view", equalTo("FULL"))
                .body("schoolUai", equalTo(uai))
                .body("originUai", equalTo(uai))
                .body("guardians[0].relationship", equalTo("MOTHER"))
                .body("consent.givenBy", equalTo("GUARDIAN"))
                .body("createdAt", notNullValue());
    }

    @Test
    void aReferentsSchoolDefaultsToTheirOwnAndNeverToAnother() {
        Map<String, Object> body = pupil(null);
        as(referent).body(body).post("/api/v1/cases").then().statusCode(201).body("schoolUai", equalTo(uai));
        as(referent).body(pupil(Api.freshUai())).post("/api/v1/cases").then().statusCode(403)
                .contentType("application/problem+json");
    }

    @Test
    void aCoordinatorCreatesCasesOnlyForYoungPeopleWhoLeftSchool() {
        String coordinator = Api.coordinator(World.P_LYON);
        as(coordinator).body(Api.youngAdult()).post("/api/v1/cases").then().statusCode(201)
                .body("schoolUai", nullValue()).body("schoolingStatus", equalTo("LEFT_SCHOOL"))
                .body("originPlatform", equalTo(World.P_LYON.toString())).body("consent.givenBy", equalTo("YOUNG_PERSON"));
        as(coordinator).body(pupil(uai)).post("/api/v1/cases").then().statusCode(403);
        Map<String, Object> enrolled = new HashMap<>(Api.youngAdult());
        enrolled.put("schoolingStatus", "ENROLLED");
        as(coordinator).body(enrolled).post("/api/v1/cases").then().statusCode(422)
                .body("violations[0].field", equalTo("schoolingStatus"));
        as(Api.partner(World.ORG_RELAIS)).body(pupil(null)).post("/api/v1/cases").then().statusCode(403);
        as(Api.auditor()).body(pupil(null)).post("/api/v1/cases").then().statusCode(403);
    }

    @Test
    void consentIsTheGuardiansForAMinorAndTheYoungPersonsFrom18() {
        Map<String, Object> minorSelf = new HashMap<>(pupil(uai));
        minorSelf.put("consent", Map.of("givenBy", "YOUNG_PERSON", "givenAt", LocalDate.now().toString(), "purpose", "REFERRAL"));
        as(referent).body(minorSelf).post("/api/v1/cases").then().statusCode(422)
                .body("violations.field", contains("consent.givenBy")).body("violations[0].code", equalTo("GUARDIAN_REQUIRED"));
        Map<String, Object> adultByGuardian = new HashMap<>(Api.youngAdult());
        adultByGuardian.put("consent", Map.of("givenBy", "GUARDIAN", "givenAt", LocalDate.now().toString(), "purpose", "REFERRAL"));
        as(Api.coordinator(World.P_LYON)).body(adultByGuardian).post("/api/v1/cases").then().statusCode(422)
                .body("violations[0].code", equalTo("YOUNG_PERSON_REQUIRED"));
    }

    @Test
    void aSecondOpenCaseOfTheSamePersonAnswers409WithTheExistingId() {
        Map<String, Object> body = new HashMap<>(pupil(uai));
        body.put("ine", "1234567" + (System.nanoTime() % 90 + 10) + "AB");
        String first = createCase(referent, body).id();
        // Same INE, even with other names: the same pupil.
        Map<String, Object> sameIne = new HashMap<>(pupil(uai));
        sameIne.put("ine", body.get("ine"));
        as(referent).body(sameIne).post("/api/v1/cases").then().statusCode(409)
                .body("existingId", equalTo(first)).body("type", equalTo("https://passerelle.example.org/problems/duplicate-case"));
        // Same names, birth date and school, no INE.
        Map<String, Object> sameIdentity = new HashMap<>(body);
        sameIdentity.remove("ine");
        sameIdentity.put("firstName", body.get("firstName").toString().toUpperCase());
        as(referent).body(sameIdentity).post("/api/v1/cases").then().statusCode(409).body("existingId", equalTo(first));
        // The same names at another school are another case (a pupil who changes school gets a new case).
        String otherUai = Api.freshUai();
        Map<String, Object> elsewhere = new HashMap<>(sameIdentity);
        elsewhere.put("schoolUai", otherUai);
        as(referent(otherUai)).body(elsewhere).post("/api/v1/cases").then().statusCode(201);
    }

    @Test
    void concurrentDuplicatesLeaveOneCaseAndNoNameInTheLogs() throws Exception {
        Map<String, Object> body = pupil(uai);
        String marker = (String) body.get("lastName");
        java.util.List<String> logLines = new java.util.concurrent.CopyOnWriteArrayList<>();
        java.util.logging.Handler capture = new java.util.logging.Handler() {
            @Override
            public void publish(java.util.logging.LogRecord r) {
                logLines.add(r.getLoggerName() + " " + r.getMessage() + " " + java.util.Arrays.toString(r.getParameters())
                        + (r.getThrown() == null ? "" : " " + r.getThrown()));
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        java.util.logging.Logger.getLogger("").addHandler(capture);
        try {
            var answers = fr.passerelle.referral.support.Concurrent.post(10, "/api/v1/cases", referent, Map.of(),
                    new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(body));
            java.util.Map<Integer, Long> statuses = answers.stream().collect(java.util.stream.Collectors.groupingBy(
                    java.net.http.HttpResponse::statusCode, java.util.stream.Collectors.counting()));
            org.junit.jupiter.api.Assertions.assertEquals(java.util.Map.of(201, 1L, 409, 9L), statuses);
        } finally {
            java.util.logging.Logger.getLogger("").removeHandler(capture);
        }
        org.junit.jupiter.api.Assertions.assertEquals(1L, fr.passerelle.referral.support.TestDb.count(
                "select count(*) from pupil_case where last_name = ?", marker));
        org.junit.jupiter.api.Assertions.assertTrue(logLines.stream().noneMatch(l -> l.toLowerCase().contains(marker.toLowerCase())),
                String.join("\n", logLines));
    }

    @Test
    void patchCorrectsIdentityAndRecordsWhichFieldsChangedNotTheirValues() {
        var created = createCase(referent, pupil(uai));
        as(referent).header("If-Match", created.etag()).body(Map.of("lastName", "Durand", "schoolLevel", "SECONDE"))
                .patch("/api/v1/cases/" + created.id()).then().statusCode(200)
                .header("ETag", "\"v1\"").body("lastName", equalTo("Durand")).body("schoolLevel", equalTo("SECONDE"));
        as(referent).get("/api/v1/cases/" + created.id() + "/timeline").then()
                .body("items.find { it.type == 'CASE_UPDATED' }.details.fields", contains("lastName", "schoolLevel"))
                .body("toString()", not(org.hamcrest.Matchers.containsString("Durand")));
        as(referent).header("If-Match", "\"v1\"").body(Map.of("schoolUai", "0690047B")).patch("/api/v1/cases/" + created.id())
                .then().statusCode(400).body("violations[0].code", equalTo("UNKNOWN_PROPERTY"));
        as(referent).header("If-Match", "\"v1\"").body(Map.of("homeCommuneCode", World.UNKNOWN_COMMUNE))
                .patch("/api/v1/cases/" + created.id()).then().statusCode(422).body("violations[0].code", equalTo("UNKNOWN_COMMUNE"));
        as(Api.partner(World.ORG_RELAIS)).header("If-Match", "*").body(Map.of("lastName", "X"))
                .patch("/api/v1/cases/" + created.id()).then().statusCode(404);
    }

    @Test
    void aCaseClosesOnlyWithoutOpenReferralsAndThenStaysClosed() {
        var created = createCase(referent, pupil(uai));
        String referralId = createReferral(referent, referral(created.id(), "PROGRAMME", World.PROG_OPEN, true)).id();
        as(referent).header("If-Match", created.etag()).body(Map.of("reason", "SUPPORT_ENDED"))
                .post("/api/v1/cases/" + created.id() + "/close").then().statusCode(409)
                .body("openReferralIds", contains(referralId));
        act(referent, referralId, "cancel", Map.of("reason", "NO_LONGER_NEEDED")).then().statusCode(200);
        as(referent).header("If-Match", created.etag()).body(Map.of("reason", "SUPPORT_ENDED"))
                .post("/api/v1/cases/" + created.id() + "/close").then().statusCode(200)
                .body("status", equalTo("CLOSED")).body("closedAt", notNullValue());
        String etag = Api.etag(referent, "/api/v1/cases/" + created.id());
        as(referent).header("If-Match", etag).body(Map.of("schoolLevel", "SECONDE")).patch("/api/v1/cases/" + created.id())
                .then().statusCode(409).body("type", equalTo("https://passerelle.example.org/problems/case-closed"));
        as(referent).body(referral(created.id(), "PROGRAMME", World.PROG_OPEN, true)).post("/api/v1/referrals").then().statusCode(409);
        // A closed case frees the identity: the person may have a new case.
        as(referent).get("/api/v1/cases?status=CLOSED").then().statusCode(200).body("items.id", hasItem(created.id()));
    }

    @Test
    void consentWithdrawalCancelsEveryOpenReferralAndClosesTheCase() {
        var created = createCase(referent, pupil(uai));
        String inProgress = createReferral(referent, referral(created.id(), "PROGRAMME", World.PROG_OPEN, true)).id();
        String partner = Api.partner(World.ORG_RELAIS);
        act(partner, inProgress, "receive", null).then().statusCode(200);
        act(partner, inProgress, "accept", null).then().statusCode(200);
        act(partner, inProgress, "start", Map.of("startDate", LocalDate.now().toString())).then().statusCode(200);
        String submitted = createReferral(referent, referral(created.id(), "PLATFORM", World.P_LYON, true)).id();

        as(referent).header("If-Match", created.etag()).body(Map.of("withdrawnBy", "GUARDIAN"))
                .post("/api/v1/cases/" + created.id() + "/consent/withdraw").then().statusCode(200)
                .body("status", equalTo("CLOSED")).body("consentWithdrawnAt", notNullValue());
        for (String id : List.of(inProgress, submitted)) {
            as(referent).get("/api/v1/referrals/" + id).then().body("status", equalTo("CANCELLED"))
                    .body("cancelReason", equalTo("CONSENT_WITHDRAWN"));
        }
        as(referent).get("/api/v1/cases/" + created.id() + "/timeline").then()
                .body("items.type", hasItem("CONSENT_WITHDRAWN"));
    }

    @Test
    void listsArePagedAndCheckTheirParameters() {
        String ownUai = Api.freshUai();
        for (int i = 0; i < 3; i++) {
            createCase(referent(ownUai), pupil(ownUai));
        }
        as(referent(ownUai)).get("/api/v1/cases?size=2").then().statusCode(200)
                .body("items.size()", equalTo(2)).body("totalItems", equalTo(3)).body("page", equalTo(0)).body("size", equalTo(2));
        as(referent(ownUai)).get("/api/v1/cases?size=2&page=1").then().body("items.size()", equalTo(1));
        as(referent(ownUai)).get("/api/v1/cases?size=101").then().statusCode(400).body("violations[0].field", equalTo("size"));
        as(referent(ownUai)).get("/api/v1/cases?status=ARCHIVED").then().statusCode(400)
                .body("violations[0].code", equalTo("UNKNOWN_VALUE"));
    }

    @Test
    void searchFindsByNamePartOrIneIgnoringCaseAndAccentsButNeverOutsideTheScope() {
        String ownUai = Api.freshUai();
        String otherUai = Api.freshUai();
        String stem = Api.freshName("Zo");
        Map<String, Object> zoe = new HashMap<>(pupil(ownUai));
        zoe.put("firstName", "Inès");
        zoe.put("lastName", stem + "é");
        String ine = String.format("%09d", Math.floorMod(System.nanoTime(), 1_000_000_000L)) + "CD";
        zoe.put("ine", ine);
        String found = createCase(referent(ownUai), zoe).id();
        createCase(referent(ownUai), pupil(ownUai));
        // The same name at another school: never found by this referent, whatever they type.
        Map<String, Object> elsewhere = new HashMap<>(zoe);
        elsewhere.put("schoolUai", otherUai);
        elsewhere.remove("ine");
        String otherSchools = createCase(referent(otherUai), elsewhere).id();

        for (String q : List.of(stem.toUpperCase() + "E", "INES " + stem.substring(0, 4), stem.toLowerCase() + "é inès", ine.toLowerCase())) {
            as(referent(ownUai)).queryParam("q", q).get("/api/v1/cases").then().statusCode(200)
                    .body("totalItems", equalTo(1)).body("items.id", contains(found));
        }
        as(referent(ownUai)).queryParam("q", "%").get("/api/v1/cases").then().statusCode(200).body("totalItems", equalTo(0));
        as(referent(ownUai)).queryParam("q", stem).queryParam("status", "CLOSED").get("/api/v1/cases").then()
                .body("totalItems", equalTo(0));
        as(referent(otherUai)).queryParam("q", stem).get("/api/v1/cases").then().body("items.id", contains(otherSchools));
        as(referent(ownUai)).queryParam("q", "x".repeat(101)).get("/api/v1/cases").then().statusCode(400)
                .body("violations[0].field", equalTo("q"));
    }
}
