package fr.passerelle.referral.service;

import fr.passerelle.referral.api.StatsView;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The statistics as a CSV file for French spreadsheets (the one writer; the web application downloads it from the
 * API): UTF-8 with a byte-order mark, ';' between cells, CRLF line ends, French headings, decimal comma, hidden counts
 * written "s" (the secret-statistique mark of INSEE publications). The first lines state the scope and the period.
 * A cell that a spreadsheet would read as a formula gets a leading apostrophe.
 */
public final class StatsCsv {

    public static final String MEDIA_TYPE = "text/csv";
    /** What a hidden count is written as. */
    public static final String SECRET = "s";

    private static final String CRLF = "\r\n";
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm").withZone(ZoneId.of("Europe/Paris"));
    private static final Map<String, String> GROUP_HEADINGS = Map.of(
            "month", "Mois",
            "school", "Établissement",
            "reason", "Motif",
            "programme", "Programme",
            "commune", "Commune de résidence",
            "urgency", "Urgence",
            "outcome", "Situation du jeune");

    private StatsCsv() {
    }

    /** The file's name: passerelle-statistiques-&lt;scope&gt;-&lt;from&gt;-&lt;to&gt;.csv, ASCII only. */
    public static String filename(StatsView view, LocalDate today) {
        String scope = switch (view.scope().kind()) {
            case SCHOOL -> "etablissement-" + view.scope().id();
            case PLATFORM -> "plateforme-" + view.scope().id();
            case ORGANISATION -> "organisation-" + view.scope().id();
            case TERRITORY -> "territoire";
        };
        String from = view.filters().from() == null ? "origine" : view.filters().from().toString();
        String to = view.filters().to() == null ? today.toString() : view.filters().to().toString();
        return ("passerelle-statistiques-" + scope + "-" + from + "-" + to + ".csv").replaceAll("[^A-Za-z0-9._-]", "_");
    }

    public static String write(StatsView view, LocalDate today) {
        StringBuilder out = new StringBuilder("\uFEFF");
        line(out, "Passerelle - statistiques des orientations");
        line(out, "Périmètre", view.scope().label());
        line(out, "Période", period(view.filters(), today));
        if (view.filters().platformId() != null) {
            line(out, "Plateforme (filtre)", view.filters().platformId().toString());
        }
        if (view.filters().programmeId() != null) {
            line(out, "Programme (filtre)", view.filters().programmeId().toString());
        }
        line(out, "Produit le", STAMP.format(view.generatedAt()));
        line(out, "Secret statistique", SECRET + " = effectif de 1 à " + (view.minimumCount() - 1)
                + ", ou masqué pour qu'aucun effectif caché ne puisse être recalculé à partir des autres et des totaux");
        out.append(CRLF);
        if (view.table() != null) {
            table(out, view.table());
        } else {
            figures(out, view);
        }
        return out.toString();
    }

    private static String period(StatsView.Filters f, LocalDate today) {
        String from = f.from() == null ? "depuis l'origine" : "du " + DAY.format(f.from());
        String to = f.to() == null ? "au " + DAY.format(today) : "au " + DAY.format(f.to());
        return from + " " + to + " (date de transmission, heure de Paris)";
    }

    private static void table(StringBuilder out, StatsView.Table t) {
        List<String> head = new ArrayList<>(List.of("Code", GROUP_HEADINGS.getOrDefault(t.groupBy(), t.groupBy())));
        t.columns().forEach(c -> head.add(c.label()));
        if (t.rowTotals()) {
            head.add("Orientations déposées");
        }
        line(out, head.toArray(String[]::new));
        for (StatsView.Row r : t.rows()) {
            row(out, r, t.rowTotals());
        }
        row(out, t.totals(), t.rowTotals());
    }

    private static void row(StringBuilder out, StatsView.Row r, boolean rowTotals) {
        List<String> cells = new ArrayList<>(List.of(r.key(), r.label()));
        r.cells().forEach(c -> cells.add(count(c)));
        if (rowTotals) {
            cells.add(count(r.total()));
        }
        line(out, cells.toArray(String[]::new));
    }

    private static void figures(StringBuilder out, StatsView v) {
        line(out, "Indicateur", "Valeur");
        line(out, "Orientations déposées", count(v.total()));
        groups(out, "Statut", v.byStatus());
        groups(out, "Plateforme", v.byPlatform());
        groups(out, "Programme", v.byProgramme());
        groups(out, "Situation à la sortie", v.byOutcome());
        StatsView.Duration d = v.timeToFirstResponse();
        line(out, "Délai médian de première réponse (heures)", d.hidden() ? SECRET : decimal(d.medianHours(), 1));
        line(out, "Délai moyen de première réponse (heures)", d.hidden() ? SECRET : decimal(d.averageHours(), 1));
        line(out, "Taux d'acceptation (%)", percent(v.acceptanceRate()));
        line(out, "Taux de sorties positives (%)", percent(v.positiveExitRate()));
    }

    private static void groups(StringBuilder out, String what, List<StatsView.Group> groups) {
        for (StatsView.Group g : groups) {
            String name = g.label() != null ? g.label() : g.key();
            line(out, what + " : " + name, g.hidden() ? SECRET : String.valueOf(g.count()));
        }
    }

    static String count(StatsView.Count c) {
        return c == null ? "" : c.hidden() ? SECRET : String.valueOf(c.value());
    }

    private static String percent(StatsView.Rate r) {
        return r.hidden() || r.value() == null ? SECRET : decimal(r.value() * 100.0, 1);
    }

    /** A number with a decimal comma. */
    static String decimal(Double value, int digits) {
        if (value == null) {
            return "";
        }
        return String.format(java.util.Locale.ROOT, "%." + digits + "f", value).replace('.', ',');
    }

    private static void line(StringBuilder out, String... cells) {
        for (int i = 0; i < cells.length; i++) {
            if (i > 0) {
                out.append(';');
            }
            out.append(cell(cells[i]));
        }
        out.append(CRLF);
    }

    /** Quoted when needed; a leading = + - @ (or tab, CR) would start a formula: an apostrophe disarms it. */
    static String cell(String value) {
        if (value == null) {
            return "";
        }
        String v = value;
        if (!v.isEmpty() && "=+-@\t\r".indexOf(v.charAt(0)) >= 0) {
            v = "'" + v;
        }
        if (v.contains(";") || v.contains("\"") || v.contains("\n") || v.contains("\r")) {
            v = "\"" + v.replace("\"", "\"\"") + "\"";
        }
        return v;
    }
}
