package fr.passerelle.web.coordination;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class StatsReportTest {

    @Test
    void figuresInFrench() {
        StatsReport r = new StatsReport(StatsCsvTest.view(), null);
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
        StatsReport r = new StatsReport(StatsCsvTest.view(), (l, c) -> c);
        StatsReport.Chart chart = r.chart("status");
        assertEquals("[[\"Acceptée\",\"DECLINED\"]]", chart.x());
        assertEquals("[[31,12]]", chart.y());
        assertEquals("[\"Acceptée\",\"DECLINED\"]", chart.names());
        assertTrue(chart.drawable());
        assertEquals("[[\"Classe relais; \\\"Villeurbanne\\\"\",\"=HYPERLINK(\\\"x\\\")\"]]", r.chart("programme").x());
    }
}
