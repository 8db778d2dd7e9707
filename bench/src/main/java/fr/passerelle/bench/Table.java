package fr.passerelle.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The figures table: every measured line, then the derived figures (cost growth 1M/100k, best sustained creation
 * rate and its share of pgbench's raw insert rate), each with the goal it is held to and whether it is met.
 */
final class Table {

    private static final Pattern NUMBER = Pattern.compile("^([0-9]+(?:\\.[0-9]+)?)");

    private Table() {
    }

    static String line(Result r) {
        if (!r.isLoad()) {
            return String.format(Locale.ROOT, "%-10s %-52s %s", r.group(), r.name(), r.note());
        }
        return String.format(Locale.ROOT, "%-10s %-52s %6.0f %6.0f %8.3f %8.3f %8.3f %8.3f %7d %5d%s", r.group(), r.name(), r.rate(),
                r.throughput(), r.p50(), r.p90(), r.p99(), r.max(), r.requests(), r.errors(),
                r.note() == null || r.note().isEmpty() ? "" : "  " + r.note());
    }

    static List<Result> read(Path tsv) throws IOException {
        List<Result> rows = new ArrayList<>();
        for (String l : Files.readAllLines(tsv)) {
            if (!l.isBlank() && !l.startsWith("group\t")) {
                rows.add(Result.parse(l));
            }
        }
        return rows;
    }

    /** Derived rows: computed from the measured ones. */
    static List<Result> derived(List<Result> rows) {
        List<Result> out = new ArrayList<>();
        for (Result big : rows) {
            if (big.group().equals("triage") && big.isLoad() && !big.name().endsWith(", 100k") && big.name().matches(".*, [0-9]+M$")) {
                String smallName = big.name().replaceAll(", [0-9]+M$", ", 100k");
                rows.stream().filter(r -> r.name().equals(smallName) && r.isLoad()).findFirst().ifPresent(small -> out.add(Result.figure(
                        "triage", "growth 1M/100k: " + big.name().replaceAll(", [0-9]+M$", ""), String.format(Locale.ROOT,
                                "p50 x%.2f, p99 x%.2f", big.p50() / small.p50(), big.p99() / small.p99()))));
            }
        }
        Result best = null;
        for (Result r : rows) {
            if (r.group().equals("creation") && r.isLoad() && r.p99() <= 25 && r.errors() <= r.requests() / 100
                    && (best == null || r.throughput() > best.throughput())) {
                best = r;
            }
        }
        Double pgbench = rows.stream().filter(r -> r.name().startsWith("pgbench")).map(r -> number(r.note())).filter(v -> v != null)
                .findFirst().orElse(null);
        if (best != null) {
            out.add(Result.figure("creation", "best sustained creation rate (p99 <= 25 ms)", String.format(Locale.ROOT,
                    "%.0f/s at p99 %.1f ms%s", best.throughput(), best.p99(), pgbench == null ? ""
                            : String.format(Locale.ROOT, " = %.0f%% of pgbench's %.0f inserts/s", 100 * best.throughput() / pgbench, pgbench))));
        } else if (rows.stream().anyMatch(r -> r.group().equals("creation") && r.isLoad())) {
            out.add(Result.figure("creation", "best sustained creation rate (p99 <= 25 ms)", "none: even the lowest rate missed"));
        }
        return out;
    }

    /** The goal a row is held to, and whether it is met: "" when the row has none. */
    static String goal(Result r) {
        String n = r.name();
        if (n.equals("gateway added latency")) {
            return verdict(r.p50() <= 0.3 && r.p99() <= 1.5, "p50<=0.3 p99<=1.5 ms");
        }
        if (r.group().equals("triage") && r.isLoad() && n.endsWith(", 1M")) {
            boolean service = n.contains("service");
            return verdict(r.p99() <= (service ? 5 : 10), "p99<=" + (service ? 5 : 10) + " ms");
        }
        if (n.startsWith("growth 1M/100k")) {
            Matcher m = Pattern.compile("p99 x([0-9.]+)").matcher(r.note());
            return m.find() ? verdict(Double.parseDouble(m.group(1)) <= 1.5, "<=1.5") : "";
        }
        if (n.startsWith("match") && n.endsWith("50000 synthetic")) {
            return verdict(r.p99() <= 10, "p99<=10 ms");
        }
        if (n.startsWith("best sustained creation")) {
            Double v = number(r.note());
            return verdict(v != null && v >= 2000, ">=2000/s");
        }
        if (n.startsWith("RSS ")) {
            Double v = number(r.note());
            double limit = n.contains("gateway") ? 150 : 200;
            return verdict(v != null && v <= limit, "<=" + (int) limit + " MB");
        }
        if (n.startsWith("ready ")) {
            Double v = number(r.note());
            return verdict(v != null && v <= 1.5, "<=1.5 s");
        }
        return "";
    }

    private static String verdict(boolean met, String goal) {
        return (met ? "met " : "MISSED ") + goal;
    }

    static Double number(String s) {
        if (s == null) {
            return null;
        }
        Matcher m = NUMBER.matcher(s.replace(",", ""));
        return m.find() ? Double.valueOf(m.group(1)) : null;
    }

    static void print(List<Result> rows, StringBuilder text, StringBuilder markdown) {
        text.append(String.format(Locale.ROOT, "%-10s %-52s %6s %6s %8s %8s %8s %8s %7s %5s  %s%n", "group", "figure", "rate/s",
                "done/s", "p50 ms", "p90 ms", "p99 ms", "max ms", "reqs", "errs", "goal / value"));
        markdown.append("| group | figure | rate/s | done/s | p50 ms | p90 ms | p99 ms | max ms | requests | errors | value / goal |\n")
                .append("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---|\n");
        for (Result r : rows) {
            String goal = goal(r);
            if (r.isLoad()) {
                text.append(String.format(Locale.ROOT, "%-10s %-52s %6.0f %6.0f %8.3f %8.3f %8.3f %8.3f %7d %5d  %s%n", r.group(),
                        r.name(), r.rate(), r.throughput(), r.p50(), r.p90(), r.p99(), r.max(), r.requests(), r.errors(),
                        join(goal, r.note())));
                markdown.append(String.format(Locale.ROOT, "| %s | %s | %.0f | %.0f | %.3f | %.3f | %.3f | %.3f | %d | %d | %s |%n",
                        r.group(), r.name(), r.rate(), r.throughput(), r.p50(), r.p90(), r.p99(), r.max(), r.requests(), r.errors(),
                        join(goal, r.note()).replace("|", "/")));
            } else {
                text.append(String.format(Locale.ROOT, "%-10s %-52s %s%n", r.group(), r.name(), join(r.note(), goal)));
                markdown.append(String.format(Locale.ROOT, "| %s | %s | | | | | | | | | %s |%n", r.group(), r.name(),
                        join(r.note(), goal).replace("|", "/")));
            }
        }
    }

    private static String join(String a, String b) {
        if (a == null || a.isEmpty()) {
            return b == null ? "" : b;
        }
        return b == null || b.isEmpty() ? a : a + "  [" + b + "]";
    }
}
