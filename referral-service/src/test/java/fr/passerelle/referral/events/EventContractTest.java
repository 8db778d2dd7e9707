package fr.passerelle.referral.events;

import static fr.passerelle.referral.support.Api.act;
import static fr.passerelle.referral.support.Api.as;
import static fr.passerelle.referral.support.Api.createReferral;
import static fr.passerelle.referral.support.Api.pupil;
import static fr.passerelle.referral.support.Api.referent;
import static fr.passerelle.referral.support.Api.referral;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import fr.passerelle.referral.domain.EventType;
import fr.passerelle.referral.service.DeadlineJob;
import fr.passerelle.referral.support.Api;
import fr.passerelle.referral.support.DirectoryStub;
import fr.passerelle.referral.support.ReferralDatabase;
import fr.passerelle.referral.support.TestClock;
import fr.passerelle.referral.support.TestDb;
import fr.passerelle.referral.support.World;
import fr.passerelle.testing.ContractCheck;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The events are part of the contract: the OpenAPI document describes each one as a webhook (OpenAPI 3.1
 * {@code webhooks}), and what the service writes for every event type matches that description member for member,
 * so a subscriber can integrate from the document alone.
 */
@QuarkusTest
@QuarkusTestResource(ReferralDatabase.class)
@QuarkusTestResource(DirectoryStub.class)
class EventContractTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    TestClock clock;
    @Inject
    DeadlineJob job;

    private final String uai = Api.freshUai();
    private final String referent = referent(uai);
    private final String partner = Api.partner(World.ORG_RELAIS);
    private final String lyon = Api.coordinator(World.P_LYON);

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    private static String origin() {
        return RestAssured.baseURI + ":" + RestAssured.port;
    }

    @Test
    void everyEventTypeIsAWebhookOfTheDocumentWithItsHeadersAndAnExample() {
        JsonPath doc = JsonPath.from(RestAssured.given().get("/q/openapi?format=json").then().statusCode(200).extract().asString());
        Map<String, Object> webhooks = doc.getMap("webhooks");
        Set<String> wires = Arrays.stream(EventType.values()).map(EventType::wire).collect(Collectors.toCollection(TreeSet::new));
        assertEquals(wires, new TreeSet<>(webhooks.keySet()), "one webhook per event type, no other");
        for (String type : wires) {
            String post = "webhooks.'" + type + "'.post";
            assertEquals(List.of("webhook-id", "webhook-timestamp", "webhook-signature"), headerNames(doc, post), type);
            Map<String, Object> example = doc.getMap(post + ".requestBody.content.'application/json'.example");
            assertEquals(type, example.get("type"), type + ": its example");
            // The example is itself a valid event of that type.
            List<String> problems = ContractCheck.webhookProblems(origin(), toJson(example));
            assertEquals(List.of(), problems, type + ": its example");
        }
    }

    @Test
    void everyEventTheServiceWritesMatchesItsDocumentedPayload() {
        // A referral to a programme through every step, a follow-up, an assignment; then a cancellation.
        String caseId = Api.createCase(referent, pupil(uai)).id();
        String full = createReferral(referent, referral(caseId, "PROGRAMME", World.PROG_OPEN, true)).id();
        act(partner, full, "receive", null).then().statusCode(200);
        act(partner, full, "waitlist", null).then().statusCode(200);
        act(partner, full, "accept", null).then().statusCode(200);
        act(partner, full, "start", Map.of("startDate", today().toString())).then().statusCode(200);
        as(partner).body(Map.of("entryDate", today().toString(), "kind", "MEETING", "visibility", "ALL_PARTIES",
                "text", "Premier entretien")).post("/api/v1/referrals/" + full + "/follow-ups").then().statusCode(201);
        as(partner).header("If-Match", Api.etag(partner, "/api/v1/referrals/" + full))
                .body(Map.of("assigneeId", "partner-" + World.ORG_RELAIS)).post("/api/v1/referrals/" + full + "/assign")
                .then().statusCode(200);
        act(partner, full, "complete", Map.of("outcome", "APPRENTICESHIP", "outcomeDate", today().toString())).then().statusCode(200);
        String cancelled = createReferral(referent, referral(caseId, "PROGRAMME", World.PROG_OPEN, true)).id();
        act(referent, cancelled, "cancel", Map.of("reason", "NO_LONGER_NEEDED")).then().statusCode(200);
        // A referral to the platform, redirected to a programme whose partner declines the new referral.
        String toPlatform = createReferral(referent, referral(caseId, "PLATFORM", World.P_LYON, true)).id();
        act(lyon, toPlatform, "receive", null).then().statusCode(200);
        String child = act(lyon, toPlatform, "redirect", Map.of("programmeId", World.PROG_RELAIS.toString()))
                .then().statusCode(200).extract().jsonPath().getString("redirectedToId");
        act(partner, child, "receive", null).then().statusCode(200);
        act(partner, child, "decline", Map.of("reason", "NO_PLACE")).then().statusCode(200);
        // Left waiting: overdue once the clock has moved.
        String waiting = createReferral(referent, referral(caseId, "PLATFORM", World.P_LYON, true)).id();

        // A case whose consent is withdrawn; a 17-year-old who left school and has no support.
        Api.Created withdrawn = Api.createCase(referent, pupil(uai));
        as(referent).header("If-Match", withdrawn.etag()).body(Map.of("withdrawnBy", "GUARDIAN"))
                .post("/api/v1/cases/" + withdrawn.id() + "/consent/withdraw").then().statusCode(200);
        Map<String, Object> seventeen = new HashMap<>(pupil(null));
        seventeen.put("birthDate", today().minusYears(17).minusDays(30).toString());
        String alone = Api.createCase(lyon, seventeen).id();

        // Seven months on: the deadline, the training obligation and the six-month outcome follow-up fall due.
        clock.advance(Duration.ofDays(200));
        for (int pass = 0; pass < 3; pass++) {
            job.run();
        }
        clock.reset();
        act(referent, waiting, "cancel", Map.of("reason", "OTHER_SOLUTION_FOUND")).then().statusCode(200);
        as(referent).header("If-Match", Api.etag(referent, "/api/v1/cases/" + caseId))
                .body(Map.of("reason", "SUPPORT_ENDED")).post("/api/v1/cases/" + caseId + "/close").then().statusCode(200);

        List<String> problems = new ArrayList<>();
        Set<String> seen = new TreeSet<>();
        for (String id : List.of(caseId, withdrawn.id(), alone)) {
            for (String row : TestDb.strings("select json_build_object('type', type, 'timestamp', data->>'occurredAt',"
                    + " 'data', data)::text from outbox_event where case_id = ?::uuid order by seq", id)) {
                seen.add(JsonPath.from(row).getString("type"));
                problems.addAll(ContractCheck.webhookProblems(origin(), row));
            }
        }
        assertEquals(List.of(), problems, "every event as documented");
        Set<String> all = Arrays.stream(EventType.values()).map(EventType::wire).collect(Collectors.toCollection(TreeSet::new));
        assertEquals(all, seen, "the scenario wrote every event type");
    }

    private static LocalDate today() {
        return LocalDate.now(ZoneId.of("Europe/Paris"));
    }

    private static List<String> headerNames(JsonPath doc, String post) {
        List<String> names = new ArrayList<>();
        for (Map<String, Object> p : doc.<Map<String, Object>>getList(post + ".parameters")) {
            String ref = (String) p.get("$ref");
            Map<String, Object> parameter = doc.getMap("components.parameters." + ref.substring(ref.lastIndexOf('/') + 1));
            assertEquals("header", parameter.get("in"), ref);
            assertTrue((Boolean) parameter.get("required"), ref);
            names.add((String) parameter.get("name"));
        }
        return names;
    }

    private static String toJson(Map<String, Object> value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
