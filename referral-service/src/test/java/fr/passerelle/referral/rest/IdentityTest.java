package fr.passerelle.referral.rest;

import static fr.passerelle.referral.support.Api.as;
import static fr.passerelle.referral.support.Api.createCase;
import static fr.passerelle.referral.support.Api.createReferral;
import static fr.passerelle.referral.support.Api.pupil;
import static fr.passerelle.referral.support.Api.referent;
import static fr.passerelle.referral.support.Api.referral;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.passerelle.referral.domain.Ine;
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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;

/**
 * DESIGN.md, "Identity, search and reporting": near duplicates answered at creation (never another school's), the
 * coordinator's merge with both timelines kept, search by name prefix / birth date / assignee, the INE's check letter.
 */
@QuarkusTest
@QuarkusTestResource(ReferralDatabase.class)
@QuarkusTestResource(DirectoryStub.class)
class IdentityTest {

    private final String uai = Api.freshUai();
    private final String referent = referent(uai);
    private final String coordinator = Api.coordinator(World.P_LYON);

    /** A birth date of a 15-year-old no other test is likely to use. */
    private static String birthDate() {
        return LocalDate.now().minusYears(15).minusDays(ThreadLocalRandom.current().nextInt(1, 300)).toString();
    }

    private static Map<String, Object> person(Map<String, Object> base, String first, String last, String birthDate) {
        Map<String, Object> body = new HashMap<>(base);
        body.put("firstName", first);
        body.put("lastName", last);
        body.put("birthDate", birthDate);
        return body;
    }

    // ------------------------------------------------------------------ near duplicates

    @Test
    void aNearMatchIsCreatedWithItsPossibleDuplicatesButNeverAnotherSchoolsCase() {
        String last = Api.freshName("Analyste");
        String born = birthDate();
        String otherUai = Api.freshUai();
        // The same young person at another school: that referent's case, which this referent may not see.
        String elsewhere = createCase(referent(otherUai), person(pupil(otherUai), "Inès", last, born)).id();
        String first = createCase(referent, person(pupil(uai), "Inès", last, born)).id();

        // Exact once case and accents are ignored: still 409 naming the existing case, nothing created.
        NothingWritten.check(() -> as(referent).body(person(pupil(uai), "INES", last.toUpperCase(), born)).post("/api/v1/cases")
                .then().statusCode(409).body("existingId", equalTo(first)));

        // Swapped names, a typo, a missing part of a compound name: created, and the answer names the case this referent sees.
        for (Map<String, Object> near : List.of(
                person(pupil(uai), last, "Ines", born),
                person(pupil(uai), "Inès", last.substring(0, last.length() - 1), born),
                person(pupil(uai), "Inès-Marie", last, born))) {
            Response r = as(referent).body(near).post("/api/v1/cases");
            r.then().statusCode(201).body("possibleDuplicates", hasItem(first)).body("possibleDuplicates", not(hasItem(elsewhere)));
        }
        // Another birth date, or a sibling's first name: nothing near, the member is there and empty.
        as(referent).body(person(pupil(uai), "Inès", last, LocalDate.parse(born).minusDays(1).toString())).post("/api/v1/cases")
                .then().statusCode(201).body("possibleDuplicates", empty());
        as(referent).body(person(pupil(uai), "Noé", last, born)).post("/api/v1/cases").then().statusCode(201)
                .body("possibleDuplicates", empty());
        // The list and the read do not carry the member (it belongs to the answers of a creation or a correction).
        as(referent).get("/api/v1/cases/" + first).then().statusCode(200).body("$", not(org.hamcrest.Matchers.hasKey("possibleDuplicates")));
        // The ids answered were audited as such.
        assertTrue(TestDb.count("select count(*) from audit_event where operation = 'CASE_DUPLICATE_CHECK' and case_id = ?::uuid",
                UUID.fromString(first)) >= 3);
        // Names are never in the audit trail, the timeline or the outbox.
        assertEquals(0, TestDb.count("select count(*) from case_event where payload::text ilike ?", "%" + last + "%"));
        assertEquals(0, TestDb.count("select count(*) from outbox_event where data::text ilike ?", "%" + last + "%"));
    }

    @Test
    void aCorrectionThatBringsTwoCasesNearAnswersThem() {
        String last = Api.freshName("Dubois");
        String born = birthDate();
        String first = createCase(referent, person(pupil(uai), "Marie-Claire", last, born)).id();
        var other = createCase(referent, person(pupil(uai), "Chloé", last, born));
        other.response().then().body("possibleDuplicates", empty());
        as(referent).header("If-Match", other.etag()).body(Map.of("firstName", "Marie Claire")).patch("/api/v1/cases/" + other.id())
                .then().statusCode(200).body("possibleDuplicates", contains(first));
    }

    // ------------------------------------------------------------------ merge

    private record Pair(String survivor, String duplicate, String duplicateReferral) {
    }

    /** Two cases of the coordinator's platform for one young person; the duplicate has a submitted referral. */
    private Pair coordinatorsDuplicates() {
        String last = Api.freshName("Garcia");
        Map<String, Object> adult = Api.youngAdult();
        String survivor = createCase(coordinator, person(adult, "Théo", last, (String) adult.get("birthDate"))).id();
        Response dup = as(coordinator).body(person(adult, last, "Theo", (String) adult.get("birthDate"))).post("/api/v1/cases");
        dup.then().statusCode(201).body("possibleDuplicates", contains(survivor));
        String duplicate = dup.jsonPath().getString("id");
        String referralId = createReferral(coordinator, referral(duplicate, "PROGRAMME", World.PROG_OPEN, true)).id();
        return new Pair(survivor, duplicate, referralId);
    }

    private static Response merge(String token, String survivor, String etag, Object body) {
        var spec = as(token);
        if (etag != null) {
            spec = spec.header("If-Match", etag);
        }
        return spec.body(body).post("/api/v1/cases/" + survivor + "/merge");
    }

    @Test
    void aCoordinatorMergesADuplicateAndTheSurvivorKeepsBothHistories() {
        Pair p = coordinatorsDuplicates();
        String etag = Api.etag(coordinator, "/api/v1/cases/" + p.survivor());
        Map<String, Object> body = Map.of("duplicateId", p.duplicate(), "reason", "Même personne, saisie deux fois.");

        // The unhappy paths first: nothing changes.
        NothingWritten.check(() -> merge(coordinator, p.survivor(), null, body).then().statusCode(428));
        NothingWritten.check(() -> merge(coordinator, p.survivor(), "\"v99\"", body).then().statusCode(412));
        NothingWritten.check(() -> merge(coordinator, p.survivor(), etag, Map.of("duplicateId", p.survivor())).then().statusCode(422)
                .body("violations[0].field", equalTo("duplicateId")));
        NothingWritten.check(() -> merge(coordinator, p.survivor(), etag, Map.of()).then().statusCode(422)
                .body("violations[0].field", equalTo("duplicateId")));
        NothingWritten.check(() -> merge(Api.coordinator(World.P_LOIRE), p.survivor(), etag, body).then().statusCode(404));
        NothingWritten.check(() -> merge(coordinator, p.survivor(), etag, Map.of("duplicateId", UUID.randomUUID().toString()))
                .then().statusCode(404));
        NothingWritten.check(() -> merge(Api.partner(World.ORG_RELAIS), p.survivor(), etag, body).then().statusCode(403));

        Response merged = merge(coordinator, p.survivor(), etag, body);
        merged.then().statusCode(200).body("id", equalTo(p.survivor())).body("status", equalTo("OPEN"))
                .body("referrals.id", contains(p.duplicateReferral()));

        // One timeline with both histories and the merge, which names the merged case by its id only.
        Response timeline = as(coordinator).get("/api/v1/cases/" + p.survivor() + "/timeline?size=100");
        timeline.then().statusCode(200).body("items.type", hasItems("CASE_CREATED", "REFERRAL_SUBMITTED", "CASE_MERGED"));
        List<String> types = timeline.jsonPath().getList("items.type");
        assertEquals(2, types.stream().filter("CASE_CREATED"::equals).count(), types.toString());
        assertEquals(p.duplicate(), timeline.jsonPath().getString("items.find { it.type == 'CASE_MERGED' }.details.mergedCaseId"));
        // The referral now belongs to the survivor.
        as(coordinator).get("/api/v1/referrals/" + p.duplicateReferral()).then().statusCode(200).body("caseId", equalTo(p.survivor()));

        // The duplicate is gone from lists and reads, with a pointer to the survivor for who may read it.
        as(coordinator).get("/api/v1/cases/" + p.duplicate()).then().statusCode(404).contentType("application/problem+json")
                .body("existingId", equalTo(p.survivor()));
        as(coordinator).get("/api/v1/cases?size=100").then().statusCode(200).body("items.id", not(hasItem(p.duplicate())));
        assertEquals(List.of("CLOSED/MERGED/" + p.survivor()), TestDb.strings(
                "select status || '/' || close_reason || '/' || merged_into from pupil_case where id = ?::uuid",
                UUID.fromString(p.duplicate())));
        // Audited with both ids.
        assertEquals(2, TestDb.count("select count(*) from audit_event where operation = 'CASE_MERGED' and case_id in (?::uuid, ?::uuid)",
                UUID.fromString(p.survivor()), UUID.fromString(p.duplicate())));

        // Twice: the duplicate was already merged.
        String now = merged.header("ETag");
        NothingWritten.check(() -> merge(coordinator, p.survivor(), now, body).then().statusCode(409)
                .body("type", org.hamcrest.Matchers.endsWith("case-already-merged")));
    }

    @Test
    void aReferentMayNotMerge() {
        String last = Api.freshName("Petit");
        String born = birthDate();
        var a = createCase(referent, person(pupil(uai), "Léa", last, born));
        String b = createCase(referent, person(pupil(uai), "Lea", last + "e", born)).id();
        NothingWritten.check(() -> merge(referent, a.id(), a.etag(), Map.of("duplicateId", b)).then().statusCode(403));
        // A coordinator of the platform does not see these cases (no referral to it yet): 404, not a hint they exist.
        NothingWritten.check(() -> merge(coordinator, a.id(), a.etag(), Map.of("duplicateId", b)).then().statusCode(404));
    }

    @Test
    void aPupilsCasesAtTwoSchoolsAreMergedByTheCoordinatorWhoSeesBoth() {
        String last = Api.freshName("Martin");
        String born = birthDate();
        String otherUai = Api.freshUai();
        String otherReferent = referent(otherUai);
        String atA = createCase(referent, person(pupil(uai), "Lina", last, born)).id();
        String atB = createCase(otherReferent, person(pupil(otherUai), "Lina", last, born)).id();
        createReferral(referent, referral(atA, "PROGRAMME", World.PROG_OPEN, true));
        String fromB = createReferral(otherReferent, referral(atB, "PROGRAMME", World.PROG_CTO, true)).id();

        String etag = Api.etag(coordinator, "/api/v1/cases/" + atA);
        merge(coordinator, atA, etag, Map.of("duplicateId", atB)).then().statusCode(200)
                .body("referrals.id", hasItem(fromB)).body("referrals.size()", equalTo(2));
        // School B's referent no longer finds the case it created: it lives on in the survivor, at school A.
        as(otherReferent).get("/api/v1/cases/" + atB).then().statusCode(404);
        as(otherReferent).get("/api/v1/cases").then().body("items.id", not(hasItem(atB)));
    }

    @Test
    void twoOpenReferralsToTheSameTargetAre409() {
        String last = Api.freshName("Roux");
        Map<String, Object> adult = Api.youngAdult();
        String a = createCase(coordinator, person(adult, "Hugo", last, (String) adult.get("birthDate"))).id();
        String b = createCase(coordinator, person(adult, "Hugo", last + "x", (String) adult.get("birthDate"))).id();
        createReferral(coordinator, referral(a, "PROGRAMME", World.PROG_OPEN, true));
        createReferral(coordinator, referral(b, "PROGRAMME", World.PROG_OPEN, true));
        String etag = Api.etag(coordinator, "/api/v1/cases/" + a);
        NothingWritten.check(() -> merge(coordinator, a, etag, Map.of("duplicateId", b)).then().statusCode(409)
                .body("openReferralIds.size()", equalTo(1)));
    }

    // ------------------------------------------------------------------ search

    @Test
    void searchIsANamePrefixWithBirthDateAndAssigneeFiltersWithinTheScope() {
        String stem = Api.freshName("Zo");
        String born = birthDate();
        String found = createCase(referent, person(pupil(uai), "Anne-Sophie", stem + "é", born)).id();
        String sameDay = createCase(referent, person(pupil(uai), "Paul", Api.freshName("Durand"), born)).id();
        String otherDay = createCase(referent, person(pupil(uai), "Paul", Api.freshName("Durand"),
                LocalDate.parse(born).minusDays(3).toString())).id();
        String otherUai = Api.freshUai();
        createCase(referent(otherUai), person(pupil(otherUai), "Anne-Sophie", stem + "é", born));

        for (String q : List.of(stem.substring(0, 4).toUpperCase(), "anne", "ANNE-SO", "anne-sophie " + stem.substring(0, 3),
                stem + "e anne")) {
            as(referent).queryParam("q", q).get("/api/v1/cases").then().statusCode(200).body("items.id", contains(found));
        }
        // A prefix, not any part: the middle of a name finds nothing.
        as(referent).queryParam("q", stem.substring(2, 6)).get("/api/v1/cases").then().statusCode(200).body("totalItems", equalTo(0));

        as(referent).queryParam("birthDate", born).get("/api/v1/cases").then().statusCode(200)
                .body("items.id", containsInAnyOrder(found, sameDay));
        as(referent).queryParam("birthDate", born).queryParam("q", "paul").get("/api/v1/cases").then()
                .body("items.id", contains(sameDay));
        as(referent).queryParam("birthDate", "2010-02-30").get("/api/v1/cases").then().statusCode(400);
        as(referent).get("/api/v1/cases?size=100").then().body("items.id", hasItem(otherDay));

        // assignee: the cases with a referral the caller took, or none of their party's.
        UUID org = UUID.randomUUID();
        UUID programme = UUID.randomUUID();
        new World.Programme(programme, org, "Accompagnement", List.of(World.P_LYON)).register(World.wireMock());
        String referralId = createReferral(referent, referral(sameDay, "PROGRAMME", programme, true)).id();
        createReferral(referent, referral(found, "PROGRAMME", programme, true));
        String self = "kc-self-" + org;
        String partner = TestTokens.user(self).role("partner").claim("organisation", org.toString()).sign();
        as(partner).header("If-Match", Api.etag(partner, "/api/v1/referrals/" + referralId)).body(Map.of("assigneeId", self))
                .post("/api/v1/referrals/" + referralId + "/assign").then().statusCode(200);
        as(partner).queryParam("assignee", "me").get("/api/v1/cases").then().statusCode(200).body("items.id", contains(sameDay));
        as(partner).queryParam("assignee", "none").get("/api/v1/cases").then().statusCode(200).body("items.id", contains(found));
        as(partner).queryParam("assignee", "someone").get("/api/v1/cases").then().statusCode(400)
                .body("violations[0].field", equalTo("assignee"));
        // Each listed case is audited as a list.
        assertTrue(TestDb.count("select count(*) from audit_event where operation = 'CASE_LIST' and case_id = ?::uuid",
                UUID.fromString(sameDay)) >= 1);
    }

    // ------------------------------------------------------------------ INE

    @Test
    void anIneWithAWrongCheckLetterIs400OnTheFieldAndNothingIsWritten() {
        String digits = String.format("%010d", ThreadLocalRandom.current().nextLong(1_000_000_000L, 9_999_999_999L));
        char good = Ine.beaCheckLetter(digits);
        char bad = good == 'A' ? 'B' : 'A';
        Map<String, Object> body = new HashMap<>(pupil(uai));
        body.put("ine", digits + bad);
        NothingWritten.check(() -> as(referent).body(body).post("/api/v1/cases").then().statusCode(400)
                .contentType("application/problem+json").body("violations[0].field", equalTo("ine"))
                .body("violations[0].code", equalTo("CHECKSUM")));
        body.put("ine", digits + good);
        var created = createCase(referent, body);
        created.response().then().body("ine", equalTo(digits + good));
        NothingWritten.check(() -> as(referent).header("If-Match", created.etag()).body(Map.of("ine", digits + bad))
                .patch("/api/v1/cases/" + created.id()).then().statusCode(400).body("violations[0].field", equalTo("ine")));
    }
}
