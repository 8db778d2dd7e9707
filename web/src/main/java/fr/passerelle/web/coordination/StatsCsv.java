package fr.passerelle.web.coordination;

import fr.passerelle.client.model.StatsFilters;
import fr.passerelle.web.view.Dates;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The statistics as a CSV file for French spreadsheet software: UTF-8 with a byte-order mark (so accents survive
 * the opening), « ; » between cells, French headers, decimal commas, CRLF line ends (RFC 4180). Built from the same
 * API answer as the page: a count the API suppressed stays empty with the remark « masqué ».
 */
public final class StatsCsv {

    static final String BOM = "\uFEFF";
    private static final String EOL = "\r\n";

    private StatsCsv() {
    }

    public static byte[] bytes(StatsReport report, String programmeName) {
        return text(report, programmeName).getBytes(StandardCharsets.UTF_8);
    }

    public static String text(StatsReport report, String programmeName) {
        StringBuilder csv = new StringBuilder(BOM);
        line(csv, "Rubrique", "Élément", "Valeur", "Remarque");
        StatsFilters f = report.getView().getFilters();
        line(csv, "Filtres", "Du", f == null || f.getFrom() == null ? "" : Dates.fr(f.getFrom()), "");
        line(csv, "Filtres", "Au", f == null || f.getTo() == null ? "" : Dates.fr(f.getTo()), "");
        if (f != null && f.getProgrammeId() != null) {
            line(csv, "Filtres", "Dispositif", programmeName == null ? f.getProgrammeId().toString() : programmeName, "");
        }
        line(csv, "Filtres", "Effectif minimum publié", String.valueOf(report.getMinimumCount()), "");
        figure(csv, report, "Total", "Orientations", report.getTotal());
        figure(csv, report, "Taux d'acceptation", "Taux (%)", percentRaw(report.getAcceptanceRate()));
        figure(csv, report, "Taux d'acceptation", "Acceptées", report.getAcceptanceNumerator());
        figure(csv, report, "Taux d'acceptation", "Acceptées ou refusées", report.getAcceptanceDenominator());
        figure(csv, report, "Taux de sorties positives", "Taux (%)", percentRaw(report.getPositiveExitRate()));
        figure(csv, report, "Taux de sorties positives", "Sorties positives", report.getPositiveExitNumerator());
        figure(csv, report, "Taux de sorties positives", "Parcours terminés", report.getPositiveExitDenominator());
        figure(csv, report, "Délai de première réponse", "Médiane (heures)", report.getMedianResponse());
        figure(csv, report, "Délai de première réponse", "Moyenne (heures)", report.getAverageResponse());
        figure(csv, report, "Délai de première réponse", "Orientations prises en compte", report.getResponseBasedOn());
        groups(csv, report, "Par statut", report.getByStatus());
        groups(csv, report, "Par plateforme", report.getByPlatform());
        groups(csv, report, "Par dispositif", report.getByProgramme());
        groups(csv, report, "Par issue de parcours", report.getByOutcome());
        return csv.toString();
    }

    private static StatsReport.Figure percentRaw(StatsReport.Figure f) {
        // The page says « 62 % »; a spreadsheet wants the number alone, with a decimal comma.
        return f.hidden() ? f : new StatsReport.Figure(f.text(), f.text().replace("\u00a0%", ""), false);
    }


    private static void figure(StringBuilder csv, StatsReport report, String section, String item, StatsReport.Figure f) {
        line(csv, section, item, f.hidden() ? "" : f.raw(), f.hidden() ? hiddenRemark(report) : "");
    }

    private static void groups(StringBuilder csv, StatsReport report, String section, List<StatsReport.Row> rows) {
        for (StatsReport.Row r : rows) {
            line(csv, section, r.label(), r.hidden() ? "" : String.valueOf(r.count()), r.hidden() ? hiddenRemark(report) : "");
        }
    }

    private static String hiddenRemark(StatsReport report) {
        return "masqué (effectif inférieur à " + report.getMinimumCount() + ")";
    }

    private static void line(StringBuilder csv, String... cells) {
        for (int i = 0; i < cells.length; i++) {
            if (i > 0) csv.append(';');
            csv.append(cell(cells[i]));
        }
        csv.append(EOL);
    }

    /** Quoted when it holds a separator, a quote or a line break; a leading formula sign is neutralised. */
    static String cell(String value) {
        String v = value == null ? "" : value;
        if (!v.isEmpty() && "=+-@\t\r".indexOf(v.charAt(0)) >= 0 && !v.matches("-?[0-9]+([.,][0-9]+)?")) {
            // A label beginning with = + - @ would run as a formula in a spreadsheet (CSV injection).
            v = "'" + v;
        }
        if (v.contains(";") || v.contains("\"") || v.contains("\n") || v.contains("\r")) {
            return '"' + v.replace("\"", "\"\"") + '"';
        }
        return v;
    }
}
