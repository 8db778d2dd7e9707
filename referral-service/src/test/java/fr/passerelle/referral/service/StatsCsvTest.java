package fr.passerelle.referral.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.passerelle.referral.api.StatsView;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class StatsCsvTest {

    private static final StatsView.Count HIDDEN = new StatsView.Count(null, true);

    private static StatsView.Count n(long v) {
        return new StatsView.Count(v, false);
    }

    private static StatsView view(StatsView.Table table, LocalDate from, LocalDate to) {
        UUID platform = UUID.fromString("c1d2e3f4-a5b6-4c7d-8e9f-0a1b2c3d4e5f");
        return new StatsView(Instant.parse("2026-12-15T08:00:00Z"),
                new StatsView.Scope(StatsView.ScopeKind.PLATFORM, platform.toString(), "Plateforme PSAD Lyon Est"),
                new StatsView.Filters(from, to, null, null, table == null ? null : table.groupBy()), 5, n(148),
                List.of(new StatsView.Group("DECLINED", "Refusée", null, true), new StatsView.Group("ACCEPTED", "Acceptée", 31L, false)),
                List.of(), List.of(new StatsView.Group("p", "=HYPERLINK(\"http://x\")", 12L, false)), List.of(),
                new StatsView.Duration(26.5, 40.25, n(120), false),
                new StatsView.Rate(0.6234, n(62), n(100), false), new StatsView.Rate(null, HIDDEN, HIDDEN, true), table);
    }

    @Test
    void figuresWithBomSemicolonsCrlfDecimalCommaAndMarker() {
        String csv = StatsCsv.write(view(null, LocalDate.of(2026, 9, 1), LocalDate.of(2027, 8, 31)), LocalDate.of(2026, 12, 15));
        assertTrue(csv.startsWith("\uFEFFPasserelle - statistiques des orientations\r\n"));
        assertTrue(csv.contains("\r\nPériode;du 01/09/2026 au 31/08/2027 (date de transmission, heure de Paris)\r\n"));
        assertTrue(csv.contains("\r\nProduit le;15/12/2026 09:00\r\n"), "Paris time");
        assertTrue(csv.contains("\r\nStatut : Refusée;s\r\nStatut : Acceptée;31\r\n"));
        assertTrue(csv.contains("\r\nDélai moyen de première réponse (heures);40,3\r\n"), csv);
        assertTrue(csv.contains("\r\nTaux d'acceptation (%);62,3\r\n"), csv);
        assertTrue(csv.contains("\r\nTaux de sorties positives (%);s\r\n"));
        // a label that a spreadsheet would run as a formula is disarmed, and quoted for its quotes
        assertTrue(csv.contains("\r\n\"Programme : =HYPERLINK(\"\"http://x\"\")\";12\r\n"), csv);
        assertEquals(0, csv.replace("\r\n", "").chars().filter(c -> c == '\n' || c == '\r').count(), "CRLF only");
    }

    @Test
    void formulaCellsGetAnApostrophe() {
        assertEquals("'=1+1", StatsCsv.cell("=1+1"));
        assertEquals("'+33 1", StatsCsv.cell("+33 1"));
        assertEquals("'-2", StatsCsv.cell("-2"));
        assertEquals("'@SUM(A1)", StatsCsv.cell("@SUM(A1)"));
        assertEquals("\"a;b\"", StatsCsv.cell("a;b"));
        assertEquals("Établissement 0690047B", StatsCsv.cell("Établissement 0690047B"));
    }

    @Test
    void tableWithHeadingsTotalsAndFileName() {
        var table = new StatsView.Table("school", List.of(new StatsView.Column("PENDING", "En attente de décision"),
                new StatsView.Column("DECLINED", "Refusées")), true,
                List.of(new StatsView.Row("0690047B", "Établissement 0690047B", List.of(n(12), HIDDEN), HIDDEN)),
                new StatsView.Row("TOTAL", "Total", List.of(n(12), n(0)), n(12)));
        StatsView v = view(table, LocalDate.of(2026, 9, 1), null);
        String csv = StatsCsv.write(v, LocalDate.of(2026, 12, 15));
        assertTrue(csv.contains("\r\n\r\nCode;Établissement;En attente de décision;Refusées;Orientations déposées\r\n"
                + "0690047B;Établissement 0690047B;12;s;s\r\nTOTAL;Total;12;0;12\r\n"), csv);
        assertTrue(csv.contains("Période;du 01/09/2026 au 15/12/2026"));
        assertEquals("passerelle-statistiques-plateforme-c1d2e3f4-a5b6-4c7d-8e9f-0a1b2c3d4e5f-2026-09-01-2026-12-15.csv",
                StatsCsv.filename(v, LocalDate.of(2026, 12, 15)));
    }
}
