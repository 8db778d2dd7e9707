package fr.passerelle.referral.rest;

import static fr.passerelle.referral.support.Api.act;
import static fr.passerelle.referral.support.Api.as;
import static fr.passerelle.referral.support.Api.createCase;
import static fr.passerelle.referral.support.Api.createReferral;
import static fr.passerelle.referral.support.Api.pupil;
import static fr.passerelle.referral.support.Api.referent;
import static fr.passerelle.referral.support.Api.referral;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.passerelle.referral.support.Api;
import fr.passerelle.referral.support.DirectoryStub;
import fr.passerelle.referral.support.ReferralDatabase;
import fr.passerelle.referral.support.World;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Scoped statistics: school A files 6 referrals (all waiting), school B 7 (5 received, 2 declined), all to one fresh
 * programme of a fresh organisation coordinated by the Lyon platform. Each role sees its own slice; the tables hide
 * B's 2 declined referrals and, as a complement, B's waiting ones.
 */
@QuarkusTest
@QuarkusTestResource(ReferralDatabase.class)
@QuarkusTestResource(DirectoryStub.class)
class ScopedStatsTest {

    static final UUID programme = UUID.randomUUID();
    static final UUID organisation = UUID.randomUUID();
    static final String schoolA = Api.freshUai();
    static final String schoolB = Api.freshUai();
    static final String today = LocalDate.now(ZoneId.of("Europe/Paris")).toString();
    private static boolean seeded;

    /** The data, made once through the API (the application runs only once a test method starts). */
    @BeforeEach
    synchronized void data() {
        if (seeded) {
            return;
        }
        seeded = true;
        new World.Programme(programme, organisation, "Programme des statistiques", List.of(World.P_LYON)).register(World.wireMock());
        String partner = Api.partner(organisation);
        for (int i = 0; i < 6; i++) {
            file(schoolA);
        }
        for (int i = 0; i < 7; i++) {
            String id = file(schoolB);
            act(partner, id, "receive", null).then().statusCode(200);
            if (i >= 5) {
                act(partner, id, "decline", Map.of("reason", "NO_PLACE")).then().statusCode(200);
            }
        }
    }

    private static String file(String uai) {
        String referent = referent(uai);
        String caseId = createCase(referent, pupil(uai)).id();
        return createReferral(referent, referral(caseId, "PROGRAMME", programme, true)).id();
    }

    private String only() {
        return "programmeId=" + programme;
    }

    @Test
    void eachRoleSeesItsOwnScope() {
        as(referent(schoolA)).get("/api/v1/stats").then().statusCode(200)
                .body("scope.kind", equalTo("SCHOOL")).body("scope.id", equalTo(schoolA))
                .body("total.value", equalTo(6))
                .body("byStatus.find { it.key == 'SUBMITTED' }.count", equalTo(6))
                .body("byStatus.find { it.key == 'DECLINED' }", nullValue());
        as(referent(schoolB)).get("/api/v1/stats").then().statusCode(200)
                .body("scope.kind", equalTo("SCHOOL")).body("total.value", equalTo(7))
                .body("byStatus.find { it.key == 'SUBMITTED' }", nullValue());
        as(Api.partner(organisation)).get("/api/v1/stats").then().statusCode(200)
                .body("scope.kind", equalTo("ORGANISATION")).body("scope.id", equalTo(organisation.toString()))
                .body("total.value", equalTo(13));
        as(Api.partner(UUID.randomUUID())).get("/api/v1/stats").then().statusCode(200)
                .body("scope.kind", equalTo("ORGANISATION")).body("total.value", equalTo(0));
        as(Api.coordinator(World.P_LYON)).get("/api/v1/stats?" + only()).then().statusCode(200)
                .body("scope.kind", equalTo("PLATFORM")).body("total.value", equalTo(13));
        as(Api.coordinator(World.P_LOIRE)).get("/api/v1/stats?" + only()).then().statusCode(200)
                .body("total.value", equalTo(0));
        as(Api.auditor()).get("/api/v1/stats?" + only()).then().statusCode(200)
                .body("scope.kind", equalTo("TERRITORY")).body("scope.id", nullValue()).body("total.value", equalTo(13));
    }

    @Test
    void aFilterOutsideTheScopeIsRefused() {
        as(Api.coordinator(World.P_LYON)).get("/api/v1/stats?platformId=" + World.P_LOIRE).then().statusCode(403)
                .contentType("application/problem+json").body("detail", containsString("platformId"));
        as(Api.coordinator(World.P_LYON)).get("/api/v1/stats?platformId=" + World.P_LYON).then().statusCode(200);
        as(Api.partner(World.ORG_LOIRE)).get("/api/v1/stats?" + only()).then().statusCode(403)
                .contentType("application/problem+json").body("detail", containsString("programmeId"));
        as(Api.partner(organisation)).get("/api/v1/stats?" + only()).then().statusCode(200).body("total.value", equalTo(13));
    }

    @Test
    void fromAndToAreInclusiveParisDates() {
        String tomorrow = LocalDate.parse(today).plusDays(1).toString();
        String yesterday = LocalDate.parse(today).minusDays(1).toString();
        as(Api.auditor()).get("/api/v1/stats?" + only() + "&from=" + today + "&to=" + today).then().statusCode(200)
                .body("total.value", equalTo(13)).body("filters.from", equalTo(today)).body("filters.to", equalTo(today));
        as(Api.auditor()).get("/api/v1/stats?" + only() + "&from=" + tomorrow).then().statusCode(200)
                .body("total.value", equalTo(0));
        as(Api.auditor()).get("/api/v1/stats?" + only() + "&to=" + yesterday).then().statusCode(200)
                .body("total.value", equalTo(0));
    }

    @Test
    void badParametersAre400Problems() {
        as(Api.auditor()).get("/api/v1/stats?groupBy=platform").then().statusCode(400)
                .contentType("application/problem+json")
                .body("violations[0].field", equalTo("groupBy"))
                .body("violations[0].message", containsString("month, school, reason, programme, commune, urgency, outcome"));
        as(Api.auditor()).get("/api/v1/stats?from=2026-09-02&to=2026-09-01").then().statusCode(400)
                .contentType("application/problem+json");
        as(Api.auditor()).get("/api/v1/stats?from=2020-01-01&to=2025-01-02").then().statusCode(400)
                .contentType("application/problem+json").body("violations[0].message", containsString("5 years"));
        as(Api.auditor()).get("/api/v1/stats?from=2020-01-01&to=2025-01-01").then().statusCode(200);
        as(Api.auditor()).get("/api/v1/stats?from=yesterday").then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void theSchoolTableHidesSmallCellsAndTheirComplements() {
        Response r = as(Api.auditor()).get("/api/v1/stats?" + only() + "&groupBy=school");
        r.then().statusCode(200)
                .body("table.groupBy", equalTo("school"))
                .body("table.rowTotals", equalTo(true))
                .body("table.columns.key", equalTo(List.of("PENDING", "ACCEPTED", "DECLINED", "POSITIVE_EXIT", "OTHER_EXIT", "CLOSED")))
                .body("table.rows", hasSize(2))
                // school A: 6 waiting, all published
                .body("table.rows.find { it.key == '" + schoolA + "' }.cells[0].value", equalTo(6))
                .body("table.rows.find { it.key == '" + schoolA + "' }.total.value", equalTo(6))
                .body("table.rows.find { it.key == '" + schoolA + "' }.label", equalTo("Établissement " + schoolA))
                // school B: 2 declined (hidden), so its 5 waiting are hidden too; its total and the zeros stay
                .body("table.rows.find { it.key == '" + schoolB + "' }.cells[2].hidden", equalTo(true))
                .body("table.rows.find { it.key == '" + schoolB + "' }.cells[2].value", nullValue())
                .body("table.rows.find { it.key == '" + schoolB + "' }.cells[0].hidden", equalTo(true))
                .body("table.rows.find { it.key == '" + schoolB + "' }.cells[1].value", equalTo(0))
                .body("table.rows.find { it.key == '" + schoolB + "' }.total.value", equalTo(7))
                // the column totals: waiting 11 and declined 2 both hidden, the grand total published
                .body("table.totals.cells[0].hidden", equalTo(true))
                .body("table.totals.cells[2].hidden", equalTo(true))
                .body("table.totals.total.value", equalTo(13))
                // the ungrouped breakdown agrees: the declined and received counts hidden, the 6 submitted published
                .body("byStatus.find { it.key == 'DECLINED' }.hidden", equalTo(true))
                .body("byStatus.find { it.key == 'RECEIVED' }.hidden", equalTo(true))
                .body("byStatus.find { it.key == 'SUBMITTED' }.count", equalTo(6));
        // no published figure of the answer is between 1 and 4
        String json = r.asString();
        assertFalse(json.matches("(?s).*\"(value|count)\":[1-4][,}].*"), json);
    }

    @Test
    void everyGroupByGivesATable() {
        Map<String, String> expectedKey = Map.of("month", today.substring(0, 7), "school", schoolA, "reason", "ABSENTEEISM",
                "programme", programme.toString(), "commune", World.VILLEURBANNE, "urgency", "HIGH");
        for (var e : expectedKey.entrySet()) {
            as(Api.auditor()).get("/api/v1/stats?" + only() + "&groupBy=" + e.getKey()).then().statusCode(200)
                    .body("filters.groupBy", equalTo(e.getKey()))
                    .body("table.groupBy", equalTo(e.getKey()))
                    .body("table.totals.key", equalTo("TOTAL"))
                    .body("table.totals.total.value", equalTo(13))
                    .body("table.rows.find { it.key == '" + e.getValue() + "' }.label", org.hamcrest.Matchers.notNullValue());
        }
        as(Api.auditor()).get("/api/v1/stats?" + only() + "&groupBy=reason").then()
                .body("table.rows", hasSize(10))
                .body("table.rows.find { it.key == 'ABSENTEEISM' }.label", equalTo("Absentéisme"))
                .body("table.rows.find { it.key == 'ABSENTEEISM' }.total.value", equalTo(13))
                .body("table.rows.find { it.key == 'HEALTH' }.total.value", equalTo(0));
        String month = today.substring(0, 7);
        as(Api.auditor()).get("/api/v1/stats?" + only() + "&groupBy=month&from=" + today.substring(0, 8) + "01&to=" + today)
                .then().body("table.rows", hasSize(1)).body("table.rows[0].key", equalTo(month))
                .body("table.rows[0].label", containsString(today.substring(0, 4)));
        as(Api.auditor()).get("/api/v1/stats?" + only() + "&groupBy=outcome").then().statusCode(200)
                .body("table.rowTotals", equalTo(false))
                .body("table.columns.key", equalTo(List.of("AT_COMPLETION", "SIX_MONTHS", "TWELVE_MONTHS")))
                .body("table.rows[0].total", nullValue())
                .body("table.totals.cells[0].value", equalTo(0));
        as(Api.auditor()).get("/api/v1/stats?" + only() + "&groupBy=programme").then()
                .body("table.rows[0].label", equalTo("Programme des statistiques"));
    }

    @Test
    void csvForFrenchSpreadsheets() {
        Response r = as(Api.coordinator(World.P_LYON)).accept("text/csv")
                .get("/api/v1/stats?" + only() + "&groupBy=school&from=2026-09-01&to=" + (today.compareTo("2027-08-31") > 0 ? today : "2027-08-31"));
        r.then().statusCode(200).contentType(startsWith("text/csv"))
                .header("Content-Disposition", startsWith("attachment; filename=\"passerelle-statistiques-plateforme-" + World.P_LYON
                        + "-2026-09-01-"));
        String csv = new String(r.asByteArray(), StandardCharsets.UTF_8);
        assertTrue(csv.startsWith("\uFEFFPasserelle"), "UTF-8 byte-order mark first");
        assertTrue(csv.contains("\r\nPériode;du 01/09/2026 au "), csv);
        assertTrue(csv.contains("Périmètre;Plateforme "), csv);
        assertTrue(csv.contains("\r\nCode;Établissement;En attente de décision;Acceptées ou en cours;Refusées;"), csv);
        assertTrue(csv.contains("\r\n" + schoolA + ";Établissement " + schoolA + ";6;0;0;0;0;0;6\r\n"), csv);
        assertTrue(csv.contains("\r\n" + schoolB + ";Établissement " + schoolB + ";s;0;s;0;0;0;7\r\n"), csv);
        assertTrue(csv.contains("\r\nTOTAL;Total;s;0;s;0;0;0;13\r\n"), csv);
        for (String line : csv.split("\r\n", -1)) {
            assertFalse(line.contains("\n"), "CRLF only");
        }
        // without groupBy: the figures, one per line
        String figures = new String(as(Api.auditor()).accept("text/csv").get("/api/v1/stats?" + only()).asByteArray(),
                StandardCharsets.UTF_8);
        assertTrue(figures.contains("\r\nIndicateur;Valeur\r\nOrientations déposées;13\r\n"), figures);
        assertTrue(figures.contains("Périmètre;Territoire"), figures);
        assertTrue(figures.contains("Statut : Refusée;s"), figures);
        assertTrue(figures.contains("Taux d'acceptation (%);s"), figures);
        // JSON stays the default; a media type neither can give: 406 problem+json
        as(Api.auditor()).accept("*/*").get("/api/v1/stats?" + only()).then().statusCode(200).contentType("application/json");
        as(Api.auditor()).accept("application/xml").get("/api/v1/stats").then().statusCode(406)
                .contentType("application/problem+json");
        // errors stay problem+json when CSV was asked for
        as(Api.auditor()).accept("text/csv, application/problem+json").get("/api/v1/stats?groupBy=x").then().statusCode(400)
                .contentType("application/problem+json");
        assertEquals(-1, csv.indexOf("Lina"), "no personal data");
    }
}
