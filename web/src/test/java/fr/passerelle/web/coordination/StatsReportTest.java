package fr.passerelle.web.coordination;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.passerelle.client.model.StatsColumn;
import fr.passerelle.client.model.StatsCount;
import fr.passerelle.client.model.StatsFilters;
import fr.passerelle.client.model.StatsGroup;
import fr.passerelle.client.model.StatsRate;
import fr.passerelle.client.model.StatsResponseTime;
import fr.passerelle.client.model.StatsRow;
import fr.passerelle.client.model.StatsTable;
import fr.passerelle.client.model.StatsView;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class StatsReportTest {

    static StatsCount count(Long v) {
        return new StatsCount().value(v).hidden(v == null);
    }

    static StatsGroup group(String key, String label, Long count) {
        return new StatsGroup().key(key).label(label).count(count).hidden(count == null);
    }

    static StatsView view() {
        return new StatsView()
                .generatedAt(OffsetDateTime.parse("2026-12-15T08:00:00Z"))
                .filters(new StatsFilters().from(LocalDate.parse("2026-09-01")).to(LocalDate.parse("2026-12-31")))
                .minimumCount(5)
                .total(count(148L))
                .byStatus(new ArrayList<>(List.of(group("ACCEPTED", "Acceptée", 31L), group("WAITLISTED", "En liste d'attente", null),
                        group("DECLINED", null, 12L))))
                .byPlatform(new ArrayList<>(List.of(group("c1d2e3f4-a5b6-4c7d-8e9f-0a1b2c3d4e5f", null, 97L))))
                .byProgramme(new ArrayList<>(List.of(group("5d2f0e4a-9c1b-4b8e-8f3a-2e6d7c9b1a04", "Classe relais; \"Villeurbanne\"", 12L),
                        group("6d2f0e4a-9c1b-4b8e-8f3a-2e6d7c9b1a04", "=HYPERLINK(\"x\")", 7L))))
                .byOutcome(new ArrayList<>(List.of(group("APPRENTICESHIP", "Contrat d'apprentissage", 9L))))
                .timeToFirstResponse(new StatsResponseTime().medianHours(26.5).averageHours(40.2).basedOn(count(120L)).hidden(false))
                .acceptanceRate(new StatsRate().value(0.62).numerator(count(62L)).denominator(count(100L)).hidden(false))
                .positiveExitRate(new StatsRate().value(null).numerator(count(null)).denominator(count(null)).hidden(true));
    }

    @Test
    void aGroupedTableKeepsTheApisHiddenCellsHidden() {
        StatsView v = view().table(new StatsTable().groupBy("school").rowTotals(true)
                .columns(List.of(new StatsColumn().key("PENDING").label("En attente de décision"),
                        new StatsColumn().key("DECLINED").label("Refusées")))
                .rows(List.of(new StatsRow().key("0690047B").label("Établissement 0690047B")
                        .cells(List.of(count(12L), count(null))).total(count(null))))
                .totals(new StatsRow().key("TOTAL").label("Total").cells(List.of(count(12L), count(0L))).total(count(12L))));
        StatsReport.Table t = new StatsReport(v, null).getTable();
        assertEquals(List.of("En attente de décision", "Refusées"), t.columns());
        assertEquals("12", t.rows().get(0).cells().get(0).text());
        assertEquals("s", t.rows().get(0).cells().get(1).text());
        assertTrue(t.rows().get(0).total().hidden());
        assertEquals("0", t.totals().cells().get(1).text(), "a true zero is shown");
        assertEquals(null, new StatsReport(view(), null).getTable());
    }

    @Test
    void figuresInFrench() {
        StatsReport r = new StatsReport(view(), null);
        assertEquals("148", r.getTotal().text());
        assertEquals("62\u00a0%", r.getAcceptanceRate().text());
        assertEquals("26,5 heures", r.getMedianResponse().text());
        assertEquals(StatsReport.HIDDEN, r.getPositiveExitRate().text());
        assertTrue(r.getPositiveExitRate().hidden());
        assertEquals("3,2 jours (77 heures)", StatsReport.hours(77));
        assertEquals("1 234", StatsReport.integer(1234).replace('\u202f', ' ').replace('\u00a0', ' '));
    }

    @Test
    void chartsLeaveHiddenGroupsOut() {
        StatsReport r = new StatsReport(view(), (l, c) -> c);
        StatsReport.Chart chart = r.chart("status");
        assertEquals("[[\"Acceptée\",\"DECLINED\"]]", chart.x());
        assertEquals("[[31,12]]", chart.y());
        assertEquals("[\"Acceptée\",\"DECLINED\"]", chart.names());
        assertTrue(chart.drawable());
        assertEquals("[[\"Classe relais; \\\"Villeurbanne\\\"\",\"=HYPERLINK(\\\"x\\\")\"]]", r.chart("programme").x());
    }
}
