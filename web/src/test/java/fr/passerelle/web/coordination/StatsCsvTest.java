package fr.passerelle.web.coordination;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.passerelle.client.model.StatsCount;
import fr.passerelle.client.model.StatsFilters;
import fr.passerelle.client.model.StatsGroup;
import fr.passerelle.client.model.StatsRate;
import fr.passerelle.client.model.StatsResponseTime;
import fr.passerelle.client.model.StatsView;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class StatsCsvTest {

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
                .positiveExitRate(new StatsRate().value(null).numerator(count(null)).denominator(count(7L)).hidden(true));
    }

    static List<String> lines(String csv) {
        return Arrays.asList(csv.substring(1).split("\r\n", -1));
    }

    @Test
    void utf8WithBomSemicolonsAndFrenchHeaders() {
        byte[] bytes = StatsCsv.bytes(new StatsReport(view(), null), null);
        assertEquals((byte) 0xEF, bytes[0]);
        assertEquals((byte) 0xBB, bytes[1]);
        assertEquals((byte) 0xBF, bytes[2]);
        String csv = new String(bytes, StandardCharsets.UTF_8);
        assertTrue(csv.startsWith("\uFEFFRubrique;Élément;Valeur;Remarque\r\n"));
        assertTrue(csv.endsWith("\r\n"));
        assertTrue(lines(csv).contains("Filtres;Du;01/09/2026;"));
        assertTrue(lines(csv).contains("Filtres;Au;31/12/2026;"));
        assertTrue(lines(csv).contains("Total;Orientations;148;"));
    }

    @Test
    void frenchDecimals() {
        List<String> lines = lines(StatsCsv.text(new StatsReport(view(), null), null));
        assertTrue(lines.contains("Taux d'acceptation;Taux (%);62;"), lines.toString());
        assertTrue(lines.contains("Délai de première réponse;Médiane (heures);26,5;"), lines.toString());
        assertTrue(lines.contains("Délai de première réponse;Moyenne (heures);40,2;"), lines.toString());
    }

    @Test
    void suppressedCountsStaySuppressed() {
        List<String> lines = lines(StatsCsv.text(new StatsReport(view(), null), null));
        assertTrue(lines.contains("Par statut;En liste d'attente;;masqué (effectif inférieur à 5)"), lines.toString());
        assertTrue(lines.contains("Taux de sorties positives;Taux (%);;masqué (effectif inférieur à 5)"), lines.toString());
        assertTrue(lines.contains("Taux de sorties positives;Sorties positives;;masqué (effectif inférieur à 5)"), lines.toString());
        assertTrue(lines.contains("Taux de sorties positives;Parcours terminés;7;"), lines.toString());
        // Never a zero in place of a hidden count.
        assertFalse(lines.stream().anyMatch(l -> l.startsWith("Par statut;En liste d'attente;0")));
    }

    @Test
    void labelsFromCodesWhenTheApiGivesNone() {
        StatsReport report = new StatsReport(view(), (list, code) -> list + ":" + code);
        List<String> lines = lines(StatsCsv.text(report, null));
        assertTrue(lines.contains("Par statut;status:DECLINED;12;"), lines.toString());
        // Platforms have no code list: the key stays.
        assertTrue(lines.contains("Par plateforme;c1d2e3f4-a5b6-4c7d-8e9f-0a1b2c3d4e5f;97;"), lines.toString());
    }

    @Test
    void cellsAreQuotedAndFormulasNeutralised() {
        List<String> lines = lines(StatsCsv.text(new StatsReport(view(), null), null));
        assertTrue(lines.contains("Par dispositif;\"Classe relais; \"\"Villeurbanne\"\"\";12;"), lines.toString());
        assertTrue(lines.contains("Par dispositif;\"'=HYPERLINK(\"\"x\"\")\";7;"), lines.toString());
        assertEquals("-3", StatsCsv.cell("-3"));
    }

    @Test
    void programmeFilterNamed() {
        StatsView v = view();
        v.getFilters().programmeId(java.util.UUID.fromString("5d2f0e4a-9c1b-4b8e-8f3a-2e6d7c9b1a04"));
        List<String> lines = lines(StatsCsv.text(new StatsReport(v, null), "Classe relais"));
        assertTrue(lines.contains("Filtres;Dispositif;Classe relais;"), lines.toString());
    }
}
