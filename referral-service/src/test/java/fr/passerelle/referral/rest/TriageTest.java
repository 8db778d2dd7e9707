package fr.passerelle.referral.rest;

import static fr.passerelle.referral.support.Api.act;
import static fr.passerelle.referral.support.Api.as;
import static fr.passerelle.referral.support.Api.createCase;
import static fr.passerelle.referral.support.Api.createReferral;
import static fr.passerelle.referral.support.Api.pupil;
import static fr.passerelle.referral.support.Api.referent;
import static fr.passerelle.referral.support.Api.referral;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.github.tomakehurst.wiremock.client.WireMock;
import fr.passerelle.referral.support.Api;
import fr.passerelle.referral.support.DirectoryStub;
import fr.passerelle.referral.support.ReferralDatabase;
import fr.passerelle.referral.support.World;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The coordinators' queue on a platform of its own: most urgent first, then longest waiting, cursor pages. */
@QuarkusTest
@QuarkusTestResource(ReferralDatabase.class)
@QuarkusTestResource(DirectoryStub.class)
class TriageTest {

    @Test
    void theQueueIsOrderedByUrgencyThenWaitingTimeAndWalksByCursor() {
        UUID platform = UUID.randomUUID();
        UUID organisation = UUID.randomUUID();
        UUID programme = UUID.randomUUID();
        WireMock wm = World.wireMock();
        World.platform(wm, platform, "PSAD de test", List.of(World.VILLEURBANNE), List.of(), List.of(organisation));
        new World.Programme(programme, organisation, "Programme de test", List.of(platform)).register(wm);
        String uai = Api.freshUai();
        String referent = referent(uai);
        String coordinator = Api.coordinator(platform);

        List<String> urgencies = List.of("LOW", "CRITICAL", "NORMAL", "HIGH", "CRITICAL", "NORMAL", "HIGH");
        List<String> ids = new ArrayList<>();
        for (String urgency : urgencies) {
            String caseId = createCase(referent, pupil(uai)).id();
            Map<String, Object> body = new java.util.HashMap<>(referral(caseId, "PLATFORM", platform, true));
            body.put("urgency", urgency);
            ids.add(createReferral(referent, body).id());
        }
        // A programme referral of a young person of the territory is coordinated by the platform too.
        String viaProgramme = createReferral(referent, referral(createCase(referent, pupil(uai)).id(), "PROGRAMME", programme, true)).id();
        // A draft is not in the queue.
        createReferral(referent, referral(createCase(referent, pupil(uai)).id(), "PLATFORM", platform, false));

        List<String> expected = List.of(ids.get(1), ids.get(4), ids.get(3), ids.get(6), viaProgramme, ids.get(2), ids.get(5), ids.get(0));
        List<String> walked = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            Response page = as(coordinator).queryParam("size", 3).queryParam("cursor", cursor == null ? "" : cursor).get("/api/v1/triage");
            page.then().statusCode(200).body("items.waitingHours", everyItem(greaterThanOrEqualTo(0)))
                    .body("items.pupil.firstName", everyItem(notNullValue()));
            walked.addAll(page.jsonPath().getList("items.id"));
            cursor = page.jsonPath().getString("nextCursor");
            pages++;
        } while (cursor != null);
        assertEquals(expected, walked);
        assertEquals(3, pages);

        as(coordinator).get("/api/v1/triage?urgency=HIGH").then()
                .body("items.id", equalTo(List.of(ids.get(3), ids.get(6), viaProgramme)));
        act(coordinator, ids.get(1), "receive", null).then().statusCode(200);
        as(coordinator).get("/api/v1/triage?status=RECEIVED").then().body("items.id", equalTo(List.of(ids.get(1))));
        act(coordinator, ids.get(1), "decline", Map.of("reason", "BETTER_ALTERNATIVE")).then().statusCode(200);
        as(coordinator).get("/api/v1/triage?size=100").then().body("items.id", not(hasItem(ids.get(1))))
                .body("nextCursor", nullValue());

        as(referent).get("/api/v1/triage").then().statusCode(403);
        as(Api.partner(organisation)).get("/api/v1/triage").then().statusCode(403);
        as(Api.coordinator(World.P_LOIRE)).get("/api/v1/triage?size=100").then().statusCode(200)
                .body("items.id", not(hasItem(ids.get(0))));
    }
}
