package fr.passerelle.referral.rest;

import static fr.passerelle.referral.support.Api.act;
import static fr.passerelle.referral.support.Api.as;
import static fr.passerelle.referral.support.Api.coordinator;
import static fr.passerelle.referral.support.Api.createCase;
import static fr.passerelle.referral.support.Api.createReferral;
import static fr.passerelle.referral.support.Api.partner;
import static fr.passerelle.referral.support.Api.pupil;
import static fr.passerelle.referral.support.Api.referent;
import static fr.passerelle.referral.support.Api.referral;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import fr.passerelle.referral.support.Api;
import fr.passerelle.referral.support.DirectoryStub;
import fr.passerelle.referral.support.ReferralDatabase;
import fr.passerelle.referral.support.World;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(ReferralDatabase.class)
@QuarkusTestResource(DirectoryStub.class)
class ReferralLifecycleTest {

    private static final String TODAY = LocalDate.now().toString();

    private final String uai = Api.freshUai();
    private final String referent = referent(uai);
    private final String partnerRelais = partner(World.ORG_RELAIS);
    private final String coordinatorLyon = coordinator(World.P_LYON);

    @Test
    void fullLifecycleFromSubmissionToAPositiveExit() {
        String caseId = createCase(referent, pupil(uai)).id();
        var created = createReferral(referent, referral(caseId, "PROGRAMME", World.PROG_OPEN, true));
        created.response().then().header("Location", "/api/v1/referrals/" + created.id())
                .header("ETag", equalTo(Api.etag(referent, "/api/v1/referrals/" + created.id())))
                .body("status", equalTo("SUBMITTED"))
                .body("triagePlatformId", equalTo(World.P_LYON.toString()))
                .body("targetOrganisationId", equalTo(World.ORG_RELAIS.toString()))
                .body("allowedActions", contains("CANCEL"));
        String id = created.id();

        act(partnerRelais, id, "receive", null).then().statusCode(200).body("status", equalTo("RECEIVED"))
                .header("ETag", not(equalTo(created.etag()))).body("allowedActions", containsInAnyOrder("ACCEPT", "WAITLIST", "DECLINE"));
        act(partnerRelais, id, "accept", Map.of("comment", "Entrée lundi")).then().statusCode(200).body("status", equalTo("ACCEPTED"));
        act(partnerRelais, id, "start", Map.of("startDate", TODAY)).then().statusCode(200)
                .body("status", equalTo("IN_PROGRESS")).body("startDate", equalTo(TODAY));
        as(partnerRelais).body(Map.of("entryDate", TODAY, "kind", "MEETING", "visibility", "ALL_PARTIES", "text", "Premier entretien"))
                .post("/api/v1/referrals/" + id + "/follow-ups").then().statusCode(201).body("kind", equalTo("MEETING"));
        act(partnerRelais, id, "complete", Map.of("outcome", "APPRENTICESHIP")).then().statusCode(200)
                .body("status", equalTo("COMPLETED")).body("outcome", equalTo("APPRENTICESHIP"))
                .body("positiveExit", equalTo(true)).body("outcomeDate", equalTo(TODAY)).body("allowedActions", equalTo(List.of()));

        as(referent).get("/api/v1/cases/" + caseId + "/timeline").then().statusCode(200)
                .body("items.type", contains("CASE_CREATED", "REFERRAL_CREATED", "REFERRAL_SUBMITTED", "REFERRAL_RECEIVED",
                        "REFERRAL_ACCEPTED", "REFERRAL_IN_PROGRESS", "FOLLOW_UP_ADDED", "REFERRAL_COMPLETED"))
                .body("items.find { it.type == 'REFERRAL_COMPLETED' }.details.outcome", equalTo("APPRENTICESHIP"))
                .body("items.find { it.type == 'REFERRAL_ACCEPTED' }.actorRole", equalTo("partner"));
    }

    @Test
    void waitlistThenAcceptAndWaitlistThenDecline() {
        String caseId = createCase(referent, pupil(uai)).id();
        String first = createReferral(referent, referral(caseId, "PROGRAMME", World.PROG_OPEN, true)).id();
        act(partnerRelais, first, "receive", null).then().statusCode(200);
        act(partnerRelais, first, "waitlist", Map.of("comment", "Session de janvier")).then().statusCode(200)
                .body("status", equalTo("WAITLISTED")).body("allowedActions", containsInAnyOrder("ACCEPT", "DECLINE"));
        act(partnerRelais, first, "accept", null).then().statusCode(200).body("status", equalTo("ACCEPTED"));

        String other = createCase(referent, pupil(uai)).id();
        String second = createReferral(referent, referral(other, "PROGRAMME", World.PROG_OPEN, true)).id();
        act(partnerRelais, second, "receive", null).then().statusCode(200);
        act(partnerRelais, second, "waitlist", null).then().statusCode(200);
        act(partnerRelais, second, "decline", Map.of("reason", "NO_PLACE", "comment", "Cohorte complète")).then().statusCode(200)
                .body("status", equalTo("DECLINED")).body("declineReason", equalTo("NO_PLACE"));
        // A declined referral frees the target: the case may be referred there again.
        createReferral(referent, referral(other, "PROGRAMME", World.PROG_OPEN, true));
    }

    @Test
    void declineNeedsAReason() {
        String caseId = createCase(referent, pupil(uai)).id();
        String id = createReferral(referent, referral(caseId, "PROGRAMME", World.PROG_OPEN, true)).id();
        act(partnerRelais, id, "receive", null).then().statusCode(200);
        act(partnerRelais, id, "decline", Map.of("comment", "no reason")).then().statusCode(422)
                .contentType("application/problem+json").body("violations.field", hasItem("reason"));
        as(partnerRelais).get("/api/v1/referrals/" + id).then().body("status", equalTo("RECEIVED"));
    }

    @Test
    void originCancelsADraftFreelyButNeedsAReasonOnceSubmitted() {
        String caseId = createCase(referent, pupil(uai)).id();
        String draft = createReferral(referent, referral(caseId, "PROGRAMME", World.PROG_OPEN, false)).id();
        as(referent).get("/api/v1/referrals/" + draft).then().body("status", equalTo("DRAFT"))
                .body("allowedActions", containsInAnyOrder("SUBMIT", "CANCEL"));
        act(referent, draft, "cancel", null).then().statusCode(200).body("status", equalTo("CANCELLED"));

        String submitted = createReferral(referent, referral(caseId, "PROGRAMME", World.PROG_OPEN, false)).id();
        act(referent, submitted, "submit", null).then().statusCode(200).body("status", equalTo("SUBMITTED"));
        act(referent, submitted, "cancel", Map.of()).then().statusCode(422).body("violations[0].field", equalTo("reason"));
        act(partnerRelais, submitted, "cancel", Map.of("reason", "NO_LONGER_NEEDED")).then().statusCode(403)
                .contentType("application/problem+json");
        act(referent, submitted, "cancel", Map.of("reason", "OTHER_SOLUTION_FOUND")).then().statusCode(200)
                .body("status", equalTo("CANCELLED")).body("cancelReason", equalTo("OTHER_SOLUTION_FOUND"));
    }

    @Test
    void platformRedirectsToAMemberProgrammeInOneStep() {
        String caseId = createCase(referent, pupil(uai)).id();
        String toPlatform = createReferral(referent, referral(caseId, "PLATFORM", World.P_LYON, true)).id();
        act(coordinatorLyon, toPlatform, "receive", null).then().statusCode(200)
                .body("allowedActions", containsInAnyOrder("REDIRECT", "DECLINE"));
        // Not a member of this platform: refused, nothing changes.
        act(coordinatorLyon, toPlatform, "redirect", Map.of("programmeId", World.PROG_LOIRE.toString())).then().statusCode(422)
                .body("violations[0].code", equalTo("NOT_A_MEMBER_PROGRAMME"));

        Response redirected = act(coordinatorLyon, toPlatform, "redirect",
                Map.of("programmeId", World.PROG_RELAIS.toString(), "comment", "Profil classe relais"));
        redirected.then().statusCode(200).body("status", equalTo("REDIRECTED")).body("redirectedToId", notNullValue());
        String child = redirected.jsonPath().getString("redirectedToId");

        as(partnerRelais).get("/api/v1/referrals/" + child).then().statusCode(200)
                .body("status", equalTo("SUBMITTED")).body("parentId", equalTo(toPlatform))
                .body("targetId", equalTo(World.PROG_RELAIS.toString())).body("originUai", equalTo(uai))
                .body("triagePlatformId", equalTo(World.P_LYON.toString())).body("submittedAt", notNullValue());
        // The school follows its referral to the programme in its inbox; the partner can take it from there.
        as(referent).get("/api/v1/referrals?status=SUBMITTED").then().statusCode(200).body("items.id", hasItem(child));
        act(partnerRelais, child, "receive", null).then().statusCode(200);
        act(partnerRelais, child, "accept", null).then().statusCode(200);
    }

    @Test
    void commissionProgrammesAreDecidedByTheCoordinatorWithACommissionDate() {
        String caseId = createCase(referent, pupil(uai)).id();
        String id = createReferral(referent, referral(caseId, "PROGRAMME", World.PROG_CTO, true)).id();
        act(partner(World.ORG_E2C), id, "receive", null).then().statusCode(200);
        as(coordinatorLyon).get("/api/v1/referrals/" + id).then().statusCode(200)
                .body("allowedActions", containsInAnyOrder("ACCEPT", "WAITLIST", "DECLINE"));
        act(coordinatorLyon, id, "accept", Map.of()).then().statusCode(422)
                .body("violations[0].field", equalTo("commissionDate"));
        act(coordinatorLyon, id, "accept", Map.of("commissionDate", LocalDate.now().plusDays(3).toString())).then().statusCode(422);
        act(coordinatorLyon, id, "accept", Map.of("commissionDate", TODAY)).then().statusCode(200)
                .body("status", equalTo("ACCEPTED")).body("commissionDate", equalTo(TODAY));
        // The coordinator decides admission, but only the programme runs the support.
        act(coordinatorLyon, id, "start", Map.of("startDate", TODAY)).then().statusCode(403);
        act(partner(World.ORG_E2C), id, "start", Map.of("startDate", TODAY)).then().statusCode(200);
    }

    @Test
    void everyIllegalTransitionAnswers409AndChangesNothing() {
        Map<String, Object> bodies = new LinkedHashMap<>();
        bodies.put("submit", null);
        bodies.put("receive", null);
        bodies.put("accept", Map.of());
        bodies.put("waitlist", Map.of());
        bodies.put("decline", Map.of("reason", "NOT_ELIGIBLE"));
        bodies.put("start", Map.of("startDate", TODAY));
        bodies.put("complete", Map.of("outcome", "NO_SOLUTION"));
        bodies.put("cancel", Map.of("reason", "NO_LONGER_NEEDED"));
        // Who may take each action at all on a programme referral (so that 409, not 403, is the answer).
        Map<String, String> actorFor = Map.of("submit", referent, "cancel", referent, "receive", partnerRelais,
                "accept", partnerRelais, "waitlist", partnerRelais, "decline", partnerRelais, "start", partnerRelais,
                "complete", partnerRelais);
        // The legal moves, as DESIGN.md's table says.
        Map<String, Set<String>> legal = Map.of(
                "DRAFT", Set.of("submit", "cancel"),
                "SUBMITTED", Set.of("receive", "cancel"),
                "RECEIVED", Set.of("accept", "waitlist", "decline", "cancel"),
                "WAITLISTED", Set.of("accept", "decline", "cancel"),
                "ACCEPTED", Set.of("start", "cancel"),
                "IN_PROGRESS", Set.of("complete"),
                "COMPLETED", Set.of(), "DECLINED", Set.of(), "CANCELLED", Set.of());
        List<String> checked = new ArrayList<>();
        for (var state : legal.entrySet()) {
            String id = programmeReferralIn(state.getKey());
            for (String action : bodies.keySet()) {
                if (state.getValue().contains(action)) {
                    continue;
                }
                String actor = actorFor.get(action);
                if (state.getKey().equals("DRAFT") && actor.equals(partnerRelais)) {
                    // A draft is the origin's own: the target does not see it yet.
                    as(actor).header("If-Match", "*").body(bodies.get(action) == null ? Map.of() : bodies.get(action))
                            .post("/api/v1/referrals/" + id + "/" + action).then().statusCode(404);
                    checked.add(state.getKey() + ":" + action + ":404");
                    continue;
                }
                act(actor, id, action, bodies.get(action)).then().statusCode(409)
                        .contentType("application/problem+json")
                        .body("type", equalTo("https://passerelle.example.org/problems/illegal-transition"))
                        .body("currentStatus", equalTo(state.getKey()));
                checked.add(state.getKey() + ":" + action);
            }
            as(referent).get("/api/v1/referrals/" + id).then().body("status", equalTo(state.getKey()));
        }
        // Redirect: only from RECEIVED, only on a platform referral.
        for (String state : List.of("SUBMITTED", "DECLINED", "CANCELLED", "REDIRECTED")) {
            String id = platformReferralIn(state);
            act(coordinatorLyon, id, "redirect", Map.of("programmeId", World.PROG_RELAIS.toString())).then().statusCode(409);
            checked.add(state + ":redirect");
        }
        String redirected = platformReferralIn("REDIRECTED");
        for (String action : List.of("receive", "decline")) {
            act(coordinatorLyon, redirected, action, bodies.get(action)).then().statusCode(409);
            checked.add("REDIRECTED:" + action);
        }
        assertEquals(64, checked.size(), checked.toString());
    }

    @Test
    void actionsRequireIfMatch() {
        String caseId = createCase(referent, pupil(uai)).id();
        var created = createReferral(referent, referral(caseId, "PROGRAMME", World.PROG_OPEN, true));
        String id = created.id();
        as(partnerRelais).post("/api/v1/referrals/" + id + "/receive").then().statusCode(428)
                .contentType("application/problem+json").body("status", equalTo(428));
        as(partnerRelais).header("If-Match", "\"v7\"").post("/api/v1/referrals/" + id + "/receive").then().statusCode(412)
                .contentType("application/problem+json");
        as(partnerRelais).header("If-Match", created.etag()).post("/api/v1/referrals/" + id + "/receive").then().statusCode(200)
                .header("ETag", not(equalTo(created.etag())));
        // The first ETag is now stale.
        as(partnerRelais).header("If-Match", created.etag()).body(Map.of()).post("/api/v1/referrals/" + id + "/accept")
                .then().statusCode(412);
        as(partnerRelais).get("/api/v1/referrals/" + id).then().body("status", equalTo("RECEIVED"));

        String caseEtag = Api.etag(referent, "/api/v1/cases/" + caseId);
        as(referent).body(Map.of("schoolLevel", "SECONDE")).patch("/api/v1/cases/" + caseId).then().statusCode(428);
        as(referent).header("If-Match", "\"v9\"").body(Map.of("schoolLevel", "SECONDE")).patch("/api/v1/cases/" + caseId)
                .then().statusCode(412);
        as(referent).header("If-Match", caseEtag).body(Map.of("schoolLevel", "SECONDE")).patch("/api/v1/cases/" + caseId)
                .then().statusCode(200).header("ETag", not(equalTo(caseEtag))).body("schoolLevel", equalTo("SECONDE"));
        as(referent).post("/api/v1/cases/" + caseId + "/close").then().statusCode(428);
        as(referent).header("If-Match", caseEtag).body(Map.of()).post("/api/v1/cases/" + caseId + "/consent/withdraw")
                .then().statusCode(412);
    }

    @Test
    void followUpVisibilityAuthorOrgOrAllParties() {
        String caseId = createCase(referent, pupil(uai)).id();
        String id = createReferral(referent, referral(caseId, "PROGRAMME", World.PROG_OPEN, true)).id();
        as(partnerRelais).body(Map.of("entryDate", TODAY, "kind", "PHONE_CALL", "visibility", "AUTHOR_ORG", "text", "Note interne"))
                .post("/api/v1/referrals/" + id + "/follow-ups").then().statusCode(201);
        as(partnerRelais).body(Map.of("entryDate", TODAY, "kind", "MEETING", "visibility", "ALL_PARTIES", "text", "Entretien"))
                .post("/api/v1/referrals/" + id + "/follow-ups").then().statusCode(201);
        as(partnerRelais).get("/api/v1/referrals/" + id + "/follow-ups").then().statusCode(200).body("totalItems", equalTo(2));
        as(referent).get("/api/v1/referrals/" + id + "/follow-ups").then().statusCode(200)
                .body("totalItems", equalTo(1)).body("items[0].text", equalTo("Entretien"));
        as(partnerRelais).body(Map.of("entryDate", LocalDate.now().plusDays(1).toString(), "kind", "MEETING",
                "visibility", "ALL_PARTIES", "text", "x")).post("/api/v1/referrals/" + id + "/follow-ups").then().statusCode(422);
    }

    // ------------------------------------------------------------------ fixtures

    /** A fresh programme referral driven (through the API) into the given state. */
    private String programmeReferralIn(String state) {
        String caseId = createCase(referent, pupil(uai)).id();
        String id = createReferral(referent, referral(caseId, "PROGRAMME", World.PROG_OPEN, false)).id();
        List<Object[]> path = switch (state) {
            case "DRAFT" -> List.of();
            case "SUBMITTED" -> List.<Object[]>of(step(referent, "submit", null));
            case "RECEIVED" -> List.of(step(referent, "submit", null), step(partnerRelais, "receive", null));
            case "WAITLISTED" -> List.of(step(referent, "submit", null), step(partnerRelais, "receive", null),
                    step(partnerRelais, "waitlist", Map.of()));
            case "ACCEPTED" -> List.of(step(referent, "submit", null), step(partnerRelais, "receive", null),
                    step(partnerRelais, "accept", Map.of()));
            case "IN_PROGRESS" -> List.of(step(referent, "submit", null), step(partnerRelais, "receive", null),
                    step(partnerRelais, "accept", Map.of()), step(partnerRelais, "start", Map.of("startDate", TODAY)));
            case "COMPLETED" -> List.of(step(referent, "submit", null), step(partnerRelais, "receive", null),
                    step(partnerRelais, "accept", Map.of()), step(partnerRelais, "start", Map.of("startDate", TODAY)),
                    step(partnerRelais, "complete", Map.of("outcome", "LOST_CONTACT")));
            case "DECLINED" -> List.of(step(referent, "submit", null), step(partnerRelais, "receive", null),
                    step(partnerRelais, "decline", Map.of("reason", "NOT_REACHABLE")));
            case "CANCELLED" -> List.<Object[]>of(step(referent, "cancel", Map.of()));
            default -> throw new IllegalArgumentException(state);
        };
        for (Object[] s : path) {
            act((String) s[0], id, (String) s[1], s[2]).then().statusCode(200);
        }
        return id;
    }

    private String platformReferralIn(String state) {
        String caseId = createCase(referent, pupil(uai)).id();
        String id = createReferral(referent, referral(caseId, "PLATFORM", World.P_LYON, true)).id();
        switch (state) {
            case "SUBMITTED" -> {
            }
            case "DECLINED" -> {
                act(coordinatorLyon, id, "receive", null).then().statusCode(200);
                act(coordinatorLyon, id, "decline", Map.of("reason", "BETTER_ALTERNATIVE")).then().statusCode(200);
            }
            case "CANCELLED" -> act(referent, id, "cancel", Map.of("reason", "CREATED_IN_ERROR")).then().statusCode(200);
            case "REDIRECTED" -> {
                act(coordinatorLyon, id, "receive", null).then().statusCode(200);
                act(coordinatorLyon, id, "redirect", Map.of("programmeId", World.PROG_OPEN.toString())).then().statusCode(200);
            }
            default -> throw new IllegalArgumentException(state);
        }
        return id;
    }

    private static Object[] step(String token, String action, Object body) {
        return new Object[] {token, action, body};
    }
}
