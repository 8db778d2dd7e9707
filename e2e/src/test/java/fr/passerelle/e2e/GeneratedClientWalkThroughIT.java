package fr.passerelle.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import fr.passerelle.client.ApiClient;
import fr.passerelle.client.ApiException;
import fr.passerelle.client.ApiResponse;
import fr.passerelle.client.api.CasesApi;
import fr.passerelle.client.api.FollowUpApi;
import fr.passerelle.client.api.NotificationsApi;
import fr.passerelle.client.api.ProgrammesApi;
import fr.passerelle.client.api.ReferralsApi;
import fr.passerelle.client.api.TriageApi;
import fr.passerelle.client.model.AcceptRequest;
import fr.passerelle.client.model.CaseCreateRequest;
import fr.passerelle.client.model.CaseStatus;
import fr.passerelle.client.model.CaseView;
import fr.passerelle.client.model.CompleteRequest;
import fr.passerelle.client.model.ConsentGiver;
import fr.passerelle.client.model.ConsentPurpose;
import fr.passerelle.client.model.ConsentRecord;
import fr.passerelle.client.model.FollowUpCreateRequest;
import fr.passerelle.client.model.FollowUpKind;
import fr.passerelle.client.model.FollowUpView;
import fr.passerelle.client.model.GuardianContact;
import fr.passerelle.client.model.GuardianRelationship;
import fr.passerelle.client.model.MatchRequest;
import fr.passerelle.client.model.NotificationMode;
import fr.passerelle.client.model.NotificationPreferencesRequest;
import fr.passerelle.client.model.Outcome;
import fr.passerelle.client.model.ReferralCreateRequest;
import fr.passerelle.client.model.ReferralReason;
import fr.passerelle.client.model.ReferralStatus;
import fr.passerelle.client.model.ReferralView;
import fr.passerelle.client.model.SchoolLevel;
import fr.passerelle.client.model.SchoolingStatus;
import fr.passerelle.client.model.StartRequest;
import fr.passerelle.client.model.TargetType;
import fr.passerelle.client.model.TimelineEventView;
import fr.passerelle.client.model.TriageItem;
import fr.passerelle.client.model.Urgency;
import fr.passerelle.client.model.Visibility;
import fr.passerelle.e2e.support.Api;
import fr.passerelle.e2e.support.E2e;
import fr.passerelle.e2e.support.Keycloak;
import fr.passerelle.e2e.support.Run;
import fr.passerelle.e2e.support.Stack;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * The README's walk-through again, but as another system would run it: only the typed API of the Java client generated
 * from the committed contract (module api-client), against the gateway, with tokens from the real Keycloak. If the
 * contract and the live answers drift apart (a renamed operation, a member the client cannot read, a status the
 * document does not declare), this stops compiling or fails here.
 */
@E2e
@Order(2)
class GeneratedClientWalkThroughIT {

    private static final UUID FIL_D_ARIANE = UUID.fromString(Api.FIL_D_ARIANE);
    private static final UUID PARTNER1_ORGANISATION = UUID.fromString(Api.PARTNER1_ORGANISATION);
    private static final UUID COORDINATOR1_PLATFORM = UUID.fromString(Api.COORDINATOR1_PLATFORM);

    @Test
    void theGeneratedClientRunsTheReadmeWalkThrough() throws ApiException {
        // 1. referent1: which open programmes can take a 17-year-old at risk, living in Villeurbanne?
        ApiClient referent = client("referent1");
        var match = new ProgrammesApi(referent).matchProgrammes(new MatchRequest().age(17).schoolLevel(SchoolLevel.PREMIERE)
                .schoolingStatus(SchoolingStatus.AT_RISK).communeCode(Api.VILLEURBANNE));
        var filDAriane = match.getItems().stream().filter(m -> FIL_D_ARIANE.equals(m.getProgramme().getId()))
                .findFirst().orElseThrow(() -> new AssertionError("« Le Fil d'Ariane » is among the matches"));
        assertEquals(PARTNER1_ORGANISATION, filDAriane.getProgramme().getOrganisationId(), "the programme's organisation");
        assertFalse(filDAriane.getReasons().isEmpty(), "a match says why");

        // 1b. referent1 asks to be told by e-mail when a referral filed from the school ends (reset at the end).
        NotificationsApi notifications = new NotificationsApi(referent);
        var preferences = notifications.putNotificationPreferences(new NotificationPreferencesRequest()
                .defaultMode(NotificationMode.OFF).events(Map.of("referral.completed", NotificationMode.IMMEDIATE)));
        assertEquals(NotificationMode.IMMEDIATE, preferences.getEvents().get("referral.completed"), "the preference is kept");
        try {
            walk(referent);
        } finally {
            notifications.putNotificationPreferences(new NotificationPreferencesRequest()
                    .defaultMode(NotificationMode.OFF).events(Map.of()));
        }
    }

    private void walk(ApiClient referent) throws ApiException {
        // 2. referent1 opens the pupil's case (consent recorded) and files a referral to « Le Fil d'Ariane ».
        CaseCreateRequest pupil = pupil();
        ApiResponse<CaseView> created = new CasesApi(referent).createCaseWithHttpInfo(pupil, UUID.randomUUID().toString());
        assertEquals(201, created.getStatusCode(), "case created");
        assertNotNull(header(created, "Location"), "a created case has a Location");
        CaseView theCase = created.getData();
        assertEquals(CaseStatus.OPEN, theCase.getStatus(), "a new case is open");
        assertEquals(Api.MAGENTA_UAI, theCase.getSchoolUai(), "the referent's school");
        UUID caseId = theCase.getId();

        // The same pupil again (another Idempotency-Key): 409, and the problem names the existing case.
        ApiException duplicate = assertThrows(ApiException.class,
                () -> new CasesApi(referent).createCase(pupil, UUID.randomUUID().toString()));
        JsonNode problem = problem(referent, duplicate, 409);
        assertEquals(caseId.toString(), problem.path("existingId").asText(), "the 409 names the existing case: " + problem);

        ReferralsApi referentReferrals = new ReferralsApi(referent);
        ApiResponse<ReferralView> filed = referentReferrals.createReferralWithHttpInfo(new ReferralCreateRequest()
                .caseId(caseId).targetType(TargetType.PROGRAMME).targetId(FIL_D_ARIANE)
                .reason(ReferralReason.ABSENTEEISM).urgency(Urgency.HIGH)
                .context("Absences répétées depuis la rentrée.").submit(true), UUID.randomUUID().toString());
        assertEquals(201, filed.getStatusCode(), "referral filed");
        assertNotNull(header(filed, "ETag"), "a filed referral has an ETag");
        ReferralView referral = filed.getData();
        assertEquals(ReferralStatus.SUBMITTED, referral.getStatus(), "submitted at once");
        assertEquals(FIL_D_ARIANE, referral.getTargetId(), "to the programme");
        assertEquals(Api.MAGENTA_UAI, referral.getOriginUai(), "from the school");
        UUID referralId = referral.getId();

        // 3. coordinator1 sees it in the platform's triage queue, with its deadline.
        ApiClient coordinator = client("coordinator1");
        TriageItem queued = findInTriageQueue(coordinator, referralId);
        assertNotNull(queued, "the referral is in coordinator1's triage queue");
        assertEquals(Urgency.HIGH, queued.getUrgency(), "with its urgency");
        assertNotNull(queued.getDueAt(), "with its deadline");
        assertEquals(COORDINATOR1_PLATFORM, new ReferralsApi(coordinator).getReferral(referralId).getTriagePlatformId(),
                "coordinator1's platform triages it");

        // 4. partner1 finds it in its inbox, receives it, accepts it, starts the programme, writes in the follow-up
        //    log and records the outcome, each action with the ETag it last read as If-Match.
        ApiClient partner = client("partner1");
        ReferralsApi partnerReferrals = new ReferralsApi(partner);
        var inbox = partnerReferrals.listReferrals(null, null, null, null, ReferralStatus.SUBMITTED, null);
        assertTrue(items(partner, inbox.getItems(), ReferralView.class).stream().anyMatch(r -> referralId.equals(r.getId())),
                "the referral is in partner1's inbox");
        ApiResponse<ReferralView> read = partnerReferrals.getReferralWithHttpInfo(referralId);
        String etag = header(read, "ETag");
        etag = step(partnerReferrals.receiveReferralWithHttpInfo(referralId, etag), etag, ReferralStatus.RECEIVED);
        etag = step(partnerReferrals.acceptReferralWithHttpInfo(referralId, etag,
                new AcceptRequest().comment("Entretien d'accueil fixé.")), etag, ReferralStatus.ACCEPTED);
        etag = step(partnerReferrals.startReferralWithHttpInfo(referralId, etag, new StartRequest().startDate(Api.today())),
                etag, ReferralStatus.IN_PROGRESS);

        ApiResponse<FollowUpView> entry = new FollowUpApi(partner).createFollowUpWithHttpInfo(referralId, new FollowUpCreateRequest()
                .entryDate(Api.today()).kind(FollowUpKind.MEETING).visibility(Visibility.ALL_PARTIES)
                .text("Premier entretien, projet en alternance évoqué."), UUID.randomUUID().toString());
        assertEquals(201, entry.getStatusCode(), "follow-up entry added");
        UUID entryId = entry.getData().getId();
        var log = new FollowUpApi(referent).listFollowUps(referralId, null, null);
        assertTrue(items(referent, log.getItems(), FollowUpView.class).stream()
                .anyMatch(e -> entryId.equals(e.getId()) && e.getKind() == FollowUpKind.MEETING),
                "referent1 reads the partner's ALL_PARTIES entry");

        String completedEtag = step(partnerReferrals.completeReferralWithHttpInfo(referralId, etag, new CompleteRequest()
                .outcome(Outcome.RETURN_TO_SCHOOL).outcomeDate(Api.today()).comment("Retour en classe.")),
                etag, ReferralStatus.COMPLETED);

        // A completed referral cannot be accepted again: 409, as a problem+json the client can read.
        ApiException again = assertThrows(ApiException.class,
                () -> partnerReferrals.acceptReferral(referralId, completedEtag, new AcceptRequest()));
        JsonNode illegal = problem(partner, again, 409);
        assertFalse(illegal.path("title").asText().isBlank(), "the problem has a title: " + illegal);
        // A referral that does not exist: 404, as a problem+json too.
        JsonNode missing = problem(partner, assertThrows(ApiException.class,
                () -> partnerReferrals.getReferral(UUID.randomUUID())), 404);
        assertFalse(missing.path("requestId").asText().isBlank(), "the problem carries the request id: " + missing);

        // 5. referent1 sees how it ended, and the case's timeline; so does partner1's own system (client credentials).
        ReferralView ended = referentReferrals.getReferral(referralId);
        assertEquals(ReferralStatus.COMPLETED, ended.getStatus(), "completed");
        assertEquals(Outcome.RETURN_TO_SCHOOL, ended.getOutcome(), "with its outcome");
        assertEquals(Boolean.TRUE, ended.getPositiveExit(), "a return to school is a positive exit");
        var timeline = new CasesApi(referent).getCaseTimeline(caseId, null, 100);
        List<TimelineEventView> events = items(referent, timeline.getItems(), TimelineEventView.class);
        List<ReferralStatus> reached = events.stream().filter(e -> referralId.equals(e.getReferralId()))
                .map(TimelineEventView::getToStatus).filter(s -> s != null).toList();
        // Created as a draft and submitted in the same transaction: those two may share an instant.
        assertTrue(reached.contains(ReferralStatus.DRAFT), "the timeline starts with the draft: " + reached);
        assertEquals(List.of(ReferralStatus.SUBMITTED, ReferralStatus.RECEIVED, ReferralStatus.ACCEPTED,
                ReferralStatus.IN_PROGRESS, ReferralStatus.COMPLETED),
                reached.stream().filter(s -> s != ReferralStatus.DRAFT).toList(), "the timeline tells the story in order");
        assertEquals(ReferralStatus.COMPLETED, new ReferralsApi(client(Keycloak.PARTNER_SYSTEM)).getReferral(referralId).getStatus(),
                "partner1's own system reads the outcome");
        assertTrue(findInTriageQueue(coordinator, referralId) == null, "a completed referral leaves the triage queue");
    }

    /** A client of the gateway whose every request carries a fresh-enough token of this demo user or system. */
    private static ApiClient client(String who) {
        ApiClient client = new ApiClient();
        client.updateBaseUri(Stack.GATEWAY);
        client.setReadTimeout(Duration.ofSeconds(30));
        client.setRequestInterceptor(request -> request.header("Authorization", "Bearer " + Keycloak.token(who)));
        return client;
    }

    /** The pupil of the README, with this run's marker in the names (LogHygieneIT looks for them in the logs). */
    private static CaseCreateRequest pupil() {
        return new CaseCreateRequest().firstName(Run.markerName("client")).lastName(Run.MARKER + "nom")
                .birthDate(Api.today().minusYears(17).minusMonths(3)).schoolUai(Api.MAGENTA_UAI)
                .schoolLevel(SchoolLevel.PREMIERE).schoolingStatus(SchoolingStatus.AT_RISK).homeCommuneCode(Api.VILLEURBANNE)
                .guardians(List.of(new GuardianContact().firstName("Nadia").lastName(Run.MARKER + "nom")
                        .relationship(GuardianRelationship.MOTHER).phone("06 12 34 56 78")))
                .consent(new ConsentRecord().givenBy(ConsentGiver.GUARDIAN).givenAt(Api.today()).purpose(ConsentPurpose.REFERRAL));
    }

    /** Asserts a lifecycle answer (200, the new status, a new ETag) and returns the new ETag. */
    private static String step(ApiResponse<ReferralView> answer, String previousEtag, ReferralStatus status) {
        assertEquals(200, answer.getStatusCode(), "→ " + status);
        assertEquals(status, answer.getData().getStatus(), "the referral's new status");
        String etag = header(answer, "ETag");
        assertNotEquals(previousEtag, etag, "each action changes the ETag");
        return etag;
    }

    private static String header(ApiResponse<?> answer, String name) {
        List<String> values = answer.getHeaders().get(name);
        assertNotNull(values, "header " + name);
        assertEquals(1, values.size(), "one " + name + " header");
        return values.get(0);
    }

    /** The problem+json body of an error the client raised, read with the client's own mapper. */
    private static JsonNode problem(ApiClient client, ApiException error, int status) {
        assertEquals(status, error.getCode(), "HTTP status; body: " + error.getResponseBody());
        String contentType = error.getResponseHeaders().firstValue("Content-Type").orElse("");
        assertTrue(contentType.startsWith(Api.PROBLEM_JSON), "problem+json, not " + contentType);
        try {
            JsonNode problem = client.getObjectMapper().readTree(error.getResponseBody());
            assertEquals(status, problem.path("status").asInt(), "the problem's status: " + problem);
            return problem;
        } catch (JsonProcessingException e) {
            throw new AssertionError("the error body is not JSON: " + error.getResponseBody(), e);
        }
    }

    /**
     * A page's items as the given model. The contract's generic pages type their items as any JSON value, which the
     * client reads as maps; named page schemas would give the model directly, and this conversion keeps working then.
     */
    private static <T> List<T> items(ApiClient client, List<?> items, Class<T> type) {
        return items.stream().map(item -> client.getObjectMapper().convertValue(item, type)).toList();
    }

    /** Walks coordinator1's cursor-paginated triage queue (bounded) looking for the referral. */
    private static TriageItem findInTriageQueue(ApiClient coordinator, UUID referralId) throws ApiException {
        TriageApi triage = new TriageApi(coordinator);
        String cursor = null;
        for (int page = 0; page < 50; page++) {
            var queue = triage.getTriageQueue(null, cursor, 100, null, null);
            for (TriageItem item : items(coordinator, queue.getItems(), TriageItem.class)) {
                if (referralId.equals(item.getId())) {
                    return item;
                }
            }
            cursor = queue.getNextCursor();
            if (cursor == null) {
                return null;
            }
        }
        throw new AssertionError("the triage queue has more than 5000 items: cannot tell");
    }
}
