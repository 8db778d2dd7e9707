package fr.passerelle.referral.rest;

import static fr.passerelle.referral.support.Api.act;
import static fr.passerelle.referral.support.Api.as;
import static fr.passerelle.referral.support.Api.createCase;
import static fr.passerelle.referral.support.Api.createReferral;
import static fr.passerelle.referral.support.Api.pupil;
import static fr.passerelle.referral.support.Api.referent;
import static fr.passerelle.referral.support.Api.referral;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(ReferralDatabase.class)
@QuarkusTestResource(DirectoryStub.class)
class StatsTest {

    @Test
    void countsRatesAndResponseTimeWithSmallCountsHidden() {
        UUID programme = UUID.randomUUID();
        UUID organisation = UUID.randomUUID();
        new World.Programme(programme, organisation, "Programme statistique", List.of(World.P_LYON)).register(World.wireMock());
        String uai = Api.freshUai();
        String referent = referent(uai);
        String partner = Api.partner(organisation);
        List<String> names = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            Map<String, Object> p = pupil(uai);
            names.add((String) p.get("lastName"));
            String caseId = createCase(referent, p).id();
            String id = createReferral(referent, referral(caseId, "PROGRAMME", programme, true)).id();
            act(partner, id, "receive", null).then().statusCode(200);
            ids.add(id);
        }
        act(partner, ids.get(5), "decline", Map.of("reason", "NO_PLACE")).then().statusCode(200);
        String today = LocalDate.now().toString();
        for (int i = 0; i < 5; i++) {
            act(partner, ids.get(i), "accept", null).then().statusCode(200);
            act(partner, ids.get(i), "start", Map.of("startDate", today)).then().statusCode(200);
            act(partner, ids.get(i), "complete", Map.of("outcome", i < 3 ? "APPRENTICESHIP" : "NO_SOLUTION")).then().statusCode(200);
        }

        String body = as(Api.coordinator(World.P_LYON)).get("/api/v1/stats?programmeId=" + programme + "&from=" + today)
                .then().statusCode(200)
                .body("scope.kind", equalTo("PLATFORM"))
                .body("scope.id", equalTo(World.P_LYON.toString()))
                .body("minimumCount", equalTo(5))
                .body("total.value", equalTo(6)).body("total.hidden", equalTo(false))
                // 5 completed (3 positive, 2 not) and 1 declined: every standing is small, so all are hidden
                .body("byStatus.find { it.key == 'COMPLETED' }.count", nullValue())
                .body("byStatus.find { it.key == 'COMPLETED' }.hidden", equalTo(true))
                .body("byStatus.find { it.key == 'COMPLETED' }.label", equalTo("Terminée"))
                .body("byStatus.find { it.key == 'DECLINED' }.count", nullValue())
                .body("byStatus.find { it.key == 'DECLINED' }.hidden", equalTo(true))
                .body("byProgramme[0].key", equalTo(programme.toString()))
                .body("byProgramme[0].label", equalTo("Programme statistique"))
                .body("byProgramme[0].count", equalTo(6))
                .body("byPlatform[0].key", equalTo(World.P_LYON.toString()))
                .body("byOutcome.find { it.key == 'APPRENTICESHIP' }.hidden", equalTo(true))
                .body("timeToFirstResponse.hidden", equalTo(false))
                .body("timeToFirstResponse.medianHours", greaterThanOrEqualTo(0.0f))
                .body("timeToFirstResponse.basedOn.value", equalTo(6))
                .body("acceptanceRate.hidden", equalTo(true))
                .body("acceptanceRate.value", nullValue())
                .body("acceptanceRate.denominator.value", nullValue())
                .body("positiveExitRate.hidden", equalTo(true))
                .body("positiveExitRate.value", nullValue())
                .body("positiveExitRate.denominator.value", nullValue())
                .body("table", nullValue())
                .extract().asString();
        for (String name : names) {
            org.junit.jupiter.api.Assertions.assertFalse(body.contains(name), "no personal data in statistics");
        }
        for (String token : List.of(Api.partner(organisation), Api.auditor(), Api.admin(), referent)) {
            as(token).get("/api/v1/stats").then().statusCode(200).body("total", notNullValue());
        }
        as(referent).get("/api/v1/stats?from=2026-12-31&to=2026-01-01").then().statusCode(400);
        // a referent may narrow its own school's figures to a platform: none of them went there, a true zero
        as(referent).get("/api/v1/stats?platformId=" + UUID.randomUUID()).then().statusCode(200)
                .body("total.value", equalTo(0)).body("total.hidden", equalTo(false)).body("byStatus", not(nullValue()));
    }
}
