package fr.passerelle.referral.rest;

import static fr.passerelle.referral.support.Api.act;
import static fr.passerelle.referral.support.Api.as;
import static fr.passerelle.referral.support.Api.createReferral;
import static fr.passerelle.referral.support.Api.pupil;
import static fr.passerelle.referral.support.Api.referent;
import static fr.passerelle.referral.support.Api.referral;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.passerelle.referral.domain.DeadlinePolicy;
import fr.passerelle.referral.domain.WorkingDays;
import fr.passerelle.referral.service.DeadlineJob;
import fr.passerelle.referral.service.Deadlines;
import fr.passerelle.referral.support.Api;
import fr.passerelle.referral.support.DirectoryStub;
import fr.passerelle.referral.support.ReferralDatabase;
import fr.passerelle.referral.support.TestClock;
import fr.passerelle.referral.support.TestDb;
import fr.passerelle.referral.support.World;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Deadlines end to end: dueAt and overdue on reads, the inbox and triage; referral.overdue announced once per stage
 * and due date, even by concurrent passes; the training-obligation alert once per case.
 */
@QuarkusTest
@QuarkusTestResource(ReferralDatabase.class)
@QuarkusTestResource(DirectoryStub.class)
class DeadlineTest {

    @Inject
    TestClock clock;
    @Inject
    DeadlineJob job;
    @Inject
    Deadlines deadlines;

    private final String uai = Api.freshUai();
    private final String referent = referent(uai);
    private final String partner = Api.partner(World.ORG_RELAIS);
    private final String lyon = Api.coordinator(World.P_LYON);

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    static Instant paris(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(DeadlinePolicy.PARIS).toInstant();
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), DeadlinePolicy.PARIS);
    }

    private static List<JsonPath> overdueEvents(String referralId) {
        return TestDb.strings("select data::text from outbox_event where referral_id = ?::uuid and type = 'referral.overdue'"
                + " order by seq", referralId).stream().map(JsonPath::from).toList();
    }

    @Test
    void aReferralLeftSubmittedPastItsDeadlineIsOverdueEverywhereAndAnnouncedOnceThenTheNextStageRuns() {
        // Wednesday 5 May 2027, 18:00: Thursday 6 May is Ascension, so the 5th working day is Thursday 13 May.
        clock.moveTo(paris("2027-05-05T18:00"));
        Map<String, Object> body = new HashMap<>(pupil(uai));
        String firstName = (String) body.get("firstName");
        String lastName = (String) body.get("lastName");
        String caseId = Api.createCase(referent, body).id();
        String id = createReferral(referent, referral(caseId, "PROGRAMME", World.PROG_OPEN, true)).id();
        String due = "2027-05-13T21:59:59Z";
        as(referent).get("/api/v1/referrals/" + id).then().statusCode(200)
                .body("dueAt", equalTo(due)).body("overdue", equalTo(false));
        job.run();
        assertEquals(0, overdueEvents(id).size(), "not overdue yet");

        // Last second of the due day: still on time. Then midnight.
        clock.moveTo(paris("2027-05-13T23:59:00"));
        as(referent).get("/api/v1/referrals/" + id).then().body("overdue", equalTo(false));
        job.run();
        assertEquals(0, overdueEvents(id).size());
        clock.moveTo(paris("2027-05-14T00:00:05"));
        as(referent).get("/api/v1/referrals/" + id).then().statusCode(200)
                .body("dueAt", equalTo(due)).body("overdue", equalTo(true));
        as(referent).get("/api/v1/referrals?overdue=true&size=100").then().statusCode(200)
                .body("items.id", hasItem(id)).body("items.find { it.id == '" + id + "' }.overdue", equalTo(true));
        as(referent).get("/api/v1/referrals?overdue=false&size=100").then().statusCode(200).body("items.id", not(hasItem(id)));
        as(lyon).get("/api/v1/triage?status=SUBMITTED&size=100").then().statusCode(200)
                .body("items.find { it.id == '" + id + "' }.overdue", equalTo(true))
                .body("items.find { it.id == '" + id + "' }.dueAt", equalTo(due));

        String etagBefore = Api.etag(referent, "/api/v1/referrals/" + id);
        DeadlineJob.Report report = job.run();
        assertTrue(report.overdueAnnounced() >= 1, report.toString());
        List<JsonPath> events = overdueEvents(id);
        assertEquals(1, events.size());
        JsonPath data = events.get(0);
        assertEquals(id, data.getString("referralId"));
        assertEquals(caseId, data.getString("caseId"));
        assertEquals("SUBMITTED", data.getString("status"));
        assertEquals("RECEIPT", data.getString("stage"));
        assertEquals(due, data.getString("dueAt"));
        assertEquals("2027-05-13T22:00:00Z", data.getString("overdueSince"));
        assertEquals(World.P_LYON.toString(), data.getString("escalatedTo"));
        assertEquals(World.P_LYON.toString(), data.getString("triagePlatformId"));
        assertEquals("ORGANISATION", data.getString("responsiblePartyType"));
        assertEquals(World.ORG_RELAIS.toString(), data.getString("responsiblePartyId"));
        assertEquals(World.PROG_OPEN.toString(), data.getString("targetId"));
        assertEquals(uai, data.getString("originUai"));
        String raw = data.prettify();
        for (String personal : List.of(firstName, lastName, "Absences", "birthDate", "Martin")) {
            assertFalse(raw.contains(personal), "no personal data in the event: " + personal + " in " + raw);
        }
        assertEquals(1, TestDb.count("select count(*) from case_event where referral_id = ?::uuid and type = 'REFERRAL_OVERDUE'"
                + " and actor_subject = 'system:referral-service'", id));
        assertEquals(etagBefore, Api.etag(referent, "/api/v1/referrals/" + id), "the announcement does not change the ETag");

        job.run();
        assertEquals(1, overdueEvents(id).size(), "a second pass announces nothing");

        // Received on Friday 14 May: ten working days, Whit Monday (17 May) excluded: Monday 31 May.
        act(partner, id, "receive", null).then().statusCode(200)
                .body("status", equalTo("RECEIVED")).body("dueAt", equalTo("2027-05-31T21:59:59Z")).body("overdue", equalTo(false));
        as(referent).get("/api/v1/referrals?overdue=true&size=100").then().body("items.id", not(hasItem(id)));
        job.run();
        assertEquals(1, overdueEvents(id).size());
        clock.moveTo(paris("2027-06-01T08:00"));
        job.run();
        List<JsonPath> both = overdueEvents(id);
        assertEquals(2, both.size(), "one announcement per stage");
        assertEquals("DECISION", both.get(1).getString("stage"));
        assertEquals("RECEIVED", both.get(1).getString("status"));
        job.run();
        assertEquals(2, overdueEvents(id).size());

        // Declined: no deadline any more.
        act(partner, id, "decline", Map.of("reason", "NO_PLACE")).then().statusCode(200)
                .body("dueAt", nullValue()).body("overdue", equalTo(false));
        assertEquals(0, TestDb.count("select count(*) from referral where id = ?::uuid and due_at is not null", id));
    }

    @Test
    void aPlatformsOwnDelayAppliesAndTheEscalationGoesToThatPlatform() {
        // test profile: the Loire platform gives 2 working days for receipt.
        Map<String, Object> body = new HashMap<>(pupil(uai));
        body.put("homeCommuneCode", World.SAINT_ETIENNE);
        String caseId = Api.createCase(referent, body).id();
        String id = createReferral(referent, referral(caseId, "PLATFORM", World.P_LOIRE, true)).id();
        JsonPath view = as(referent).get("/api/v1/referrals/" + id).then().statusCode(200).extract().jsonPath();
        LocalDate submitted = Instant.parse(view.getString("submittedAt")).atZone(DeadlinePolicy.PARIS).toLocalDate();
        assertEquals(DeadlinePolicy.endOfDay(WorkingDays.addWorkingDays(submitted, 2)).toString(), view.getString("dueAt"));

        clock.advance(Duration.ofDays(8));
        job.run();
        List<JsonPath> events = overdueEvents(id);
        assertEquals(1, events.size());
        assertEquals(World.P_LOIRE.toString(), events.get(0).getString("escalatedTo"));
        assertEquals("PLATFORM", events.get(0).getString("responsiblePartyType"));
        assertEquals(World.P_LOIRE.toString(), events.get(0).getString("responsiblePartyId"));
    }

    @Test
    void concurrentPassesOnOneDatabaseAnnounceEachOverdueReferralExactlyOnce() throws Exception {
        String caseId = Api.createCase(referent, pupil(uai)).id();
        List<String> ids = new ArrayList<>();
        for (UUID target : List.of(World.PROG_OPEN, World.PROG_CTO, World.P_LYON)) {
            ids.add(createReferral(referent, referral(caseId, target.equals(World.P_LYON) ? "PLATFORM" : "PROGRAMME", target, true)).id());
        }
        clock.advance(Duration.ofDays(12));
        int passes = 4;
        ExecutorService pool = Executors.newFixedThreadPool(passes);
        CountDownLatch go = new CountDownLatch(1);
        try {
            List<Future<DeadlineJob.Report>> runs = new ArrayList<>();
            for (int i = 0; i < passes; i++) {
                runs.add(pool.submit(() -> {
                    go.await();
                    return job.run();
                }));
            }
            go.countDown();
            for (Future<DeadlineJob.Report> run : runs) {
                run.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        job.run();
        for (String id : ids) {
            assertEquals(1, overdueEvents(id).size(), "one referral.overdue for " + id);
            assertEquals(1, TestDb.count("select count(*) from case_event where referral_id = ?::uuid and type = 'REFERRAL_OVERDUE'", id));
        }
    }

    @Test
    void aSixteenToEighteenYearOldWhoLeftSchoolWithNoAcceptedReferralRaisesTheTrainingAlertOnceAfterSixtyDays() {
        Map<String, Object> seventeen = new HashMap<>(pupil(null));
        seventeen.put("birthDate", today().minusYears(17).minusDays(30).toString());
        String alerted = Api.createCase(lyon, seventeen).id();

        String fifteen = Api.createCase(lyon, pupil(null)).id();

        Map<String, Object> seventeenToo = new HashMap<>(pupil(null));
        seventeenToo.put("birthDate", today().minusYears(17).minusDays(40).toString());
        String supported = Api.createCase(lyon, seventeenToo).id();
        String referralId = createReferral(lyon, referral(supported, "PROGRAMME", World.PROG_OPEN, true)).id();
        act(partner, referralId, "receive", null).then().statusCode(200);
        act(partner, referralId, "accept", null).then().statusCode(200);
        act(partner, referralId, "start", Map.of("startDate", today().toString())).then().statusCode(200)
                .body("status", equalTo("IN_PROGRESS"));
        as(lyon).get("/api/v1/cases/" + alerted).then().statusCode(200).body("schoolingStatus", equalTo("LEFT_SCHOOL"));

        clock.advance(Duration.ofDays(59));
        job.run();
        assertEquals(0, alerts(alerted), "not before 60 days");

        clock.advance(Duration.ofDays(2));
        job.run();
        job.run();
        assertEquals(1, alerts(alerted), "once");
        assertEquals(0, alerts(fifteen), "a 15-year-old is not under the obligation");
        assertEquals(0, alerts(supported), "a referral is in progress");

        JsonPath data = JsonPath.from(TestDb.strings("select data::text from outbox_event where case_id = ?::uuid"
                + " and type = 'case.training_obligation_alert'", alerted).get(0));
        assertEquals(alerted, data.getString("caseId"));
        assertEquals(World.P_LYON.toString(), data.getString("platformId"));
        assertEquals("16-18", data.getString("ageBand"));
        assertEquals("LEFT_SCHOOL", data.getString("schoolingStatus"));
        String raw = data.prettify();
        for (String personal : List.of((String) seventeen.get("firstName"), (String) seventeen.get("lastName"),
                (String) seventeen.get("birthDate"), "birthDate", "Nadia")) {
            assertFalse(raw.contains(personal), "no personal data in the event: " + personal);
        }
        assertEquals(1, TestDb.count("select count(*) from case_event where case_id = ?::uuid and type = 'TRAINING_OBLIGATION_ALERT'",
                alerted));
        assertEquals(1, TestDb.count("select count(*) from audit_event where case_id = ?::uuid and operation = 'TRAINING_OBLIGATION_ALERT'",
                alerted));
    }

    @Test
    void aSchoolsCaseAlertsTheCoordinatorOfItsReferralsPlatform() {
        Map<String, Object> body = new HashMap<>(pupil(uai));
        body.put("birthDate", today().minusYears(16).minusDays(10).toString());
        body.put("schoolingStatus", "LEFT_SCHOOL");
        String caseId = Api.createCase(referent, body).id();
        String referralId = createReferral(referent, referral(caseId, "PROGRAMME", World.PROG_OPEN, true)).id();
        act(partner, referralId, "receive", null).then().statusCode(200);
        act(partner, referralId, "decline", Map.of("reason", "NO_PLACE")).then().statusCode(200);
        clock.advance(Duration.ofDays(61));
        job.run();
        assertEquals(1, alerts(caseId));
        JsonPath data = JsonPath.from(TestDb.strings("select data::text from outbox_event where case_id = ?::uuid"
                + " and type = 'case.training_obligation_alert'", caseId).get(0));
        assertEquals(World.P_LYON.toString(), data.getString("platformId"), "the triage platform of the case's referral");
        assertEquals(uai, data.getString("originUai"));
    }

    @Test
    void aReviewByWhoeverHoldsTheWaitingListRestartsItsThirtyDays() {
        String caseId = Api.createCase(referent, pupil(uai)).id();
        String id = createReferral(referent, referral(caseId, "PROGRAMME", World.PROG_OPEN, true)).id();
        act(partner, id, "receive", null).then().statusCode(200);
        act(partner, id, "waitlist", null).then().statusCode(200).body("status", equalTo("WAITLISTED"))
                .body("dueAt", equalTo(DeadlinePolicy.endOfDay(today().plusDays(30)).toString()));
        String etag = Api.etag(referent, "/api/v1/referrals/" + id);

        clock.advance(Duration.ofDays(10));
        String firstDue = DeadlinePolicy.endOfDay(today().minusDays(10).plusDays(30)).toString();
        // The entry date is validated against real time (bean validation), the review time is the service's clock.
        String entryDate = LocalDate.now(DeadlinePolicy.PARIS).toString();
        as(referent).body(Map.of("entryDate", entryDate, "kind", "PHONE_CALL", "visibility", "ALL_PARTIES",
                "text", "Appel à la famille")).post("/api/v1/referrals/" + id + "/follow-ups").then().statusCode(201);
        as(referent).get("/api/v1/referrals/" + id).then().body("dueAt", equalTo(firstDue));
        as(partner).body(Map.of("entryDate", entryDate, "kind", "MEETING", "visibility", "AUTHOR_ORG",
                "text", "Point liste d'attente")).post("/api/v1/referrals/" + id + "/follow-ups").then().statusCode(201);
        String reviewedDue = DeadlinePolicy.endOfDay(today().plusDays(30)).toString();
        as(referent).get("/api/v1/referrals/" + id).then().body("dueAt", equalTo(reviewedDue)).body("overdue", equalTo(false));
        assertEquals(etag, Api.etag(referent, "/api/v1/referrals/" + id), "a review is no change of state: same ETag");

        clock.advance(Duration.ofDays(25));
        job.run();
        assertEquals(0, overdueEvents(id).size(), "the first due date passed, but the review moved it");
        clock.advance(Duration.ofDays(7));
        job.run();
        List<JsonPath> events = overdueEvents(id);
        assertEquals(1, events.size());
        assertEquals("WAITLIST_REVIEW", events.get(0).getString("stage"));
        assertEquals(reviewedDue, events.get(0).getString("dueAt"));
    }

    @Test
    void aRedirectionStartsTheNewReferralsReceiptDeadlineAndConsentWithdrawalEndsEveryDeadline() {
        String caseId = Api.createCase(referent, pupil(uai)).id();
        String toPlatform = createReferral(referent, referral(caseId, "PLATFORM", World.P_LYON, true)).id();
        String other = createReferral(referent, referral(caseId, "PROGRAMME", World.PROG_OPEN, true)).id();
        act(lyon, toPlatform, "receive", null).then().statusCode(200)
                .body("dueAt", equalTo(DeadlinePolicy.endOfDay(WorkingDays.addWorkingDays(today(), 10)).toString()));
        String child = act(lyon, toPlatform, "redirect", Map.of("programmeId", World.PROG_RELAIS.toString()))
                .then().statusCode(200).body("status", equalTo("REDIRECTED")).body("dueAt", nullValue())
                .extract().path("redirectedToId");
        as(lyon).get("/api/v1/referrals/" + child).then().statusCode(200).body("status", equalTo("SUBMITTED"))
                .body("dueAt", equalTo(DeadlinePolicy.endOfDay(WorkingDays.addWorkingDays(today(), 5)).toString()));

        String caseEtag = Api.etag(referent, "/api/v1/cases/" + caseId);
        as(referent).header("If-Match", caseEtag).body(Map.of()).post("/api/v1/cases/" + caseId + "/consent/withdraw")
                .then().statusCode(200);
        assertEquals(0, TestDb.count("select count(*) from referral where case_id = ?::uuid and (due_at is not null"
                + " or deadline_stage is not null)", caseId), "cancelled referrals have no deadline");
        clock.advance(Duration.ofDays(40));
        job.run();
        for (String id : List.of(toPlatform, other, child)) {
            assertEquals(0, overdueEvents(id).size(), id);
        }
    }

    @Test
    void referralsWaitingBeforeDeadlinesExistedAreStampedByTheJob() {
        String caseId = Api.createCase(referent, pupil(uai)).id();
        String id = createReferral(referent, referral(caseId, "PROGRAMME", World.PROG_OPEN, true)).id();
        String due = as(referent).get("/api/v1/referrals/" + id).then().extract().path("dueAt");
        // As a row written before V8 looks.
        TestDb.execute("update referral set due_at = null, deadline_stage = null where id = '" + id + "'");
        as(referent).get("/api/v1/referrals/" + id).then().body("dueAt", nullValue()).body("overdue", equalTo(false));
        assertTrue(job.run().stamped() >= 1);
        as(referent).get("/api/v1/referrals/" + id).then().body("dueAt", equalTo(due));
        assertEquals(1, TestDb.count("select count(*) from referral where id = ?::uuid and deadline_stage = 'RECEIPT'", id));
    }

    @Test
    void theConfiguredDefaultsAreTheDesignsAndThePlatformOverrideOnlyTouchesItsOwnDelay() {
        assertEquals(DeadlinePolicy.Rules.DEFAULT, deadlines.rules(UUID.randomUUID()));
        assertEquals(DeadlinePolicy.Rules.DEFAULT, deadlines.rules(null));
        assertEquals(new DeadlinePolicy.Rules(2, 10, 30, 30), deadlines.rules(World.P_LOIRE));
    }

    @Test
    void theOpenApiDocumentCarriesTheDeadlineTable() {
        JsonPath doc = io.restassured.RestAssured.given().queryParam("format", "json").get("/q/openapi").then().statusCode(200)
                .extract().jsonPath();
        assertTrue(doc.getString("info.description").contains("| SUBMITTED | RECEIPT (received) | submittedAt | 5 working days |"),
                doc.getString("info.description"));
        String dueAt = doc.getString("components.schemas.ReferralView.properties.dueAt.description");
        assertTrue(dueAt.contains("10 working days") && dueAt.contains("30 calendar days") && dueAt.contains("23:59:59"), dueAt);
        assertTrue(doc.getString("components.schemas.TriageItem.properties.overdue.description").contains("dueAt"));
        List<Map<String, Object>> params = doc.getList("paths.'/api/v1/referrals'.get.parameters");
        assertTrue(params.stream().anyMatch(p -> "overdue".equals(p.get("name"))), params.toString());
    }

    @Test
    void theOverdueFilterRefusesAnythingButTrueOrFalse() {
        as(referent).get("/api/v1/referrals?overdue=yes").then().statusCode(400)
                .contentType("application/problem+json");
    }

    private static long alerts(String caseId) {
        return TestDb.count("select count(*) from outbox_event where case_id = ?::uuid and type = 'case.training_obligation_alert'",
                caseId);
    }
}
