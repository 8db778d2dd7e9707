package fr.passerelle.web.coordination;

import fr.passerelle.client.model.StatsCount;
import fr.passerelle.client.model.StatsGroup;
import fr.passerelle.client.model.StatsRate;
import fr.passerelle.client.model.StatsResponseTime;
import fr.passerelle.client.model.StatsRow;
import fr.passerelle.client.model.StatsTable;
import fr.passerelle.client.model.StatsView;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.BiFunction;

/**
 * The statistics as the page and the CSV file show them, built once from the API's answer: figures in French
 * (« 62 % », « 26,5 heures »), groups with their label, and what the API suppressed (a count below its minimum)
 * kept suppressed, never replaced by a zero.
 */
public final class StatsReport {

    /** Written where the API hid a value: the « secret statistique » mark of INSEE tables, as in the API's CSV. */
    public static final String HIDDEN = "s";

    private final StatsView view;
    private final BiFunction<String, String, String> labels;

    /**
     * @param labels French label of a code when the API gave none: (list name, code) → label; used for statuses.
     */
    public StatsReport(StatsView view, BiFunction<String, String, String> labels) {
        this.view = view;
        this.labels = labels == null ? (list, code) -> code : labels;
    }

    public StatsView getView() {
        return view;
    }

    public int getMinimumCount() {
        return view.getMinimumCount() == null ? 5 : view.getMinimumCount();
    }

    /** The largest count that is never published (minimumCount - 1). */
    public int getLargestHidden() {
        return getMinimumCount() - 1;
    }

    public Figure getTotal() {
        return count(view.getTotal());
    }

    public Figure getAcceptanceRate() {
        return rate(view.getAcceptanceRate());
    }

    public Figure getPositiveExitRate() {
        return rate(view.getPositiveExitRate());
    }

    public Figure getMedianResponse() {
        StatsResponseTime t = view.getTimeToFirstResponse();
        return t == null || Boolean.TRUE.equals(t.getHidden()) || t.getMedianHours() == null
                ? Figure.HIDDEN_FIGURE : new Figure(hours(t.getMedianHours()), decimal(t.getMedianHours()), false);
    }

    public Figure getAverageResponse() {
        StatsResponseTime t = view.getTimeToFirstResponse();
        return t == null || Boolean.TRUE.equals(t.getHidden()) || t.getAverageHours() == null
                ? Figure.HIDDEN_FIGURE : new Figure(hours(t.getAverageHours()), decimal(t.getAverageHours()), false);
    }

    public Figure getResponseBasedOn() {
        StatsResponseTime t = view.getTimeToFirstResponse();
        return t == null ? Figure.HIDDEN_FIGURE : count(t.getBasedOn());
    }

    public Figure getAcceptanceNumerator() { return view.getAcceptanceRate() == null ? Figure.HIDDEN_FIGURE : count(view.getAcceptanceRate().getNumerator()); }
    public Figure getAcceptanceDenominator() { return view.getAcceptanceRate() == null ? Figure.HIDDEN_FIGURE : count(view.getAcceptanceRate().getDenominator()); }
    public Figure getPositiveExitNumerator() { return view.getPositiveExitRate() == null ? Figure.HIDDEN_FIGURE : count(view.getPositiveExitRate().getNumerator()); }
    public Figure getPositiveExitDenominator() { return view.getPositiveExitRate() == null ? Figure.HIDDEN_FIGURE : count(view.getPositiveExitRate().getDenominator()); }

    public List<Row> getByStatus() { return rows(view.getByStatus(), "status"); }
    public List<Row> getByPlatform() { return rows(view.getByPlatform(), null); }
    public List<Row> getByProgramme() { return rows(view.getByProgramme(), null); }
    public List<Row> getByOutcome() { return rows(view.getByOutcome(), "outcome"); }

    /** The table asked for with a grouping, or null. */
    public Table getTable() {
        StatsTable t = view.getTable();
        if (t == null) {
            return null;
        }
        List<String> columns = t.getColumns() == null ? List.of() : t.getColumns().stream().map(c -> c.getLabel()).toList();
        List<TableRow> rows = t.getRows() == null ? List.of() : t.getRows().stream().map(StatsReport::tableRow).toList();
        return new Table(t.getGroupBy(), columns, Boolean.TRUE.equals(t.getRowTotals()), rows, tableRow(t.getTotals()));
    }

    private static TableRow tableRow(StatsRow r) {
        if (r == null) {
            return null;
        }
        List<Figure> cells = r.getCells() == null ? List.of() : r.getCells().stream().map(StatsReport::count).toList();
        return new TableRow(r.getKey(), r.getLabel(), cells, r.getTotal() == null ? null : count(r.getTotal()));
    }

    /** The attributes of a DSFR chart for one group: status, programme, platform or outcome. */
    public Chart chart(String group) {
        List<Row> rows = switch (group) {
            case "status" -> getByStatus();
            case "programme" -> getByProgramme();
            case "platform" -> getByPlatform();
            case "outcome" -> getByOutcome();
            default -> List.of();
        };
        return new Chart(chartX(rows), chartY(rows), chartNames(rows), drawable(rows));
    }

    /** The x attribute of a DSFR chart: the labels of the groups that are shown (hidden ones are left out). */
    public static String chartX(List<Row> rows) {
        StringBuilder json = new StringBuilder("[[");
        boolean first = true;
        for (Row r : rows) {
            if (r.hidden()) continue;
            if (!first) json.append(',');
            json.append(jsonString(r.label()));
            first = false;
        }
        return json.append("]]").toString();
    }

    /** The y attribute of a DSFR chart, in the order of {@link #chartX}. */
    public static String chartY(List<Row> rows) {
        StringBuilder json = new StringBuilder("[[");
        boolean first = true;
        for (Row r : rows) {
            if (r.hidden()) continue;
            if (!first) json.append(',');
            json.append(r.count());
            first = false;
        }
        return json.append("]]").toString();
    }

    /** The name attribute of a pie chart: the same labels as x, flat. */
    public static String chartNames(List<Row> rows) {
        String x = chartX(rows);
        return x.substring(1, x.length() - 1);
    }

    /** True when at least one group can be drawn. */
    public static boolean drawable(List<Row> rows) {
        return rows.stream().anyMatch(r -> !r.hidden());
    }

    private List<Row> rows(List<StatsGroup> groups, String codeList) {
        List<Row> rows = new ArrayList<>();
        if (groups == null) {
            return rows;
        }
        for (StatsGroup g : groups) {
            String label = g.getLabel();
            if (label == null || label.isBlank()) {
                label = codeList == null ? g.getKey() : labels.apply(codeList, g.getKey());
            }
            boolean hidden = Boolean.TRUE.equals(g.getHidden()) || g.getCount() == null;
            rows.add(new Row(g.getKey(), label, hidden ? null : g.getCount(), hidden));
        }
        return rows;
    }

    private static Figure count(StatsCount c) {
        if (c == null || Boolean.TRUE.equals(c.getHidden()) || c.getValue() == null) {
            return Figure.HIDDEN_FIGURE;
        }
        return new Figure(integer(c.getValue()), String.valueOf(c.getValue()), false);
    }

    private static Figure rate(StatsRate r) {
        if (r == null || Boolean.TRUE.equals(r.getHidden()) || r.getValue() == null) {
            return Figure.HIDDEN_FIGURE;
        }
        String percent = decimal(r.getValue() * 100) + "\u00a0%";
        return new Figure(percent, percent, false);
    }

    /** « 26,5 heures », or in days above two days: « 3,2 jours (77 heures) ». */
    static String hours(double hours) {
        if (hours >= 48) {
            return decimal(hours / 24) + " jours (" + decimal(hours) + " heures)";
        }
        return decimal(hours) + (hours < 2 ? " heure" : " heures");
    }

    /** One decimal at most, French comma: 62 / 26,5. */
    static String decimal(double value) {
        DecimalFormat f = new DecimalFormat("0.#", DecimalFormatSymbols.getInstance(Locale.FRANCE));
        return f.format(value);
    }

    /** Thousands separated by a narrow no-break space as French typography wants: 1 234. */
    static String integer(long value) {
        DecimalFormat f = new DecimalFormat("#,##0", DecimalFormatSymbols.getInstance(Locale.FRANCE));
        return f.format(value);
    }

    private static String jsonString(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (char c : (s == null ? "" : s).toCharArray()) {
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                default -> {
                    if (c < 0x20) b.append(String.format("\\u%04x", (int) c));
                    else b.append(c);
                }
            }
        }
        return b.append('"').toString();
    }

    /** A figure: its French text, the raw value for the CSV, or hidden. */
    public record Figure(String text, String raw, boolean hidden) {
        static final Figure HIDDEN_FIGURE = new Figure(HIDDEN, "", true);
    }

    /** A grouped table: column headings, rows, totals; rowTotals says whether each row has a total. */
    public record Table(String groupBy, List<String> columns, boolean rowTotals, List<TableRow> rows, TableRow totals) {
        /** The number of columns of the HTML table: the row heading, the cells, the row total. */
        public int width() {
            return columns.size() + (rowTotals ? 2 : 1);
        }
    }

    /** One row of a grouped table: its cells in the order of the columns, and its total (null without row totals). */
    public record TableRow(String key, String label, List<Figure> cells, Figure total) {
    }

    /** What a chart element needs (JSON attribute values) and whether there is anything to draw. */
    public record Chart(String x, String y, String names, boolean drawable) {
    }

    /** One group: key, label, count (null when hidden). */
    public record Row(String key, String label, Long count, boolean hidden) {
        public String text() {
            return hidden ? HIDDEN : integer(count);
        }
    }
}
