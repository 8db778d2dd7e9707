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

    static final String BEST = "best sustained creation rate (p99 <= 25 ms)";
    static final String CPU_BEST = "CPU per creation at the best sustained rate";
    private static final Pattern SIGNED = Pattern.compile("^([+-]?[0-9]+(?:\\.[0-9]+)?)");

    /** The creation step with the highest completed rate at p99 ≤ 25 ms and at most 1 % errors; null if none. */
    static Result best(List<Result> rows) {
        Result best = null;
        for (Result r : rows) {
            if (r.group().equals("creation") && r.isLoad() && r.p99() <= 25 && r.errors() <= r.requests() / 100
                    && (best == null || r.throughput() > best.throughput())) {
                best = r;
            }
        }
        return best;
    }

    /** The lowest creation step measured, null when there was none. */
    static Result lowest(List<Result> rows) {
        return rows.stream().filter(r -> r.group().equals("creation") && r.isLoad())
                .min(java.util.Comparator.comparingDouble(Result::rate)).orElse(null);
    }

    /** The best sustained creation rate (completed per second), null when no step held. */
    static Double bestSustained(List<Result> rows) {
        Result best = best(rows);
        return best == null ? null : best.throughput();
    }

    static Double pgbench(List<Result> rows) {
        return rows.stream().filter(r -> r.name().startsWith("pgbench")).map(r -> number(r.note())).filter(v -> v != null)
                .findFirst().orElse(null);
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
        Result best = best(rows);
        Double pgbench = pgbench(rows);
        if (best != null) {
            out.add(Result.figure("creation", BEST, String.format(Locale.ROOT,
                    "%.0f/s at p99 %.1f ms%s", best.throughput(), best.p99(), pgbench == null ? ""
                            : String.format(Locale.ROOT, " = %.0f%% of pgbench's %.0f inserts/s", 100 * best.throughput() / pgbench, pgbench))));
            String cpuName = String.format(Locale.ROOT, "CPU per creation, %.0f/s", best.rate());
            rows.stream().filter(r -> r.name().equals(cpuName)).findFirst().ifPresent(cpu -> out.add(Result.figure("creation",
                    CPU_BEST + String.format(Locale.ROOT, " (%.0f/s)", best.rate()), cpu.note())));
        } else if (rows.stream().anyMatch(r -> r.group().equals("creation") && r.isLoad())) {
            out.add(Result.figure("creation", BEST, "none: even the lowest rate missed"));
        }
        return out;
    }

    /** The goal a row is held to, and whether it is met: "" when the row has none (the ratios table holds the rest). */
    static String goal(Result r) {
        String n = r.name();
        if (n.equals("gateway added latency")) {
            return verdict(r.p99() <= 1.5, "p99<=1.5 ms");
        }
        if (r.group().equals("triage") && r.isLoad() && n.endsWith(", 1M") && n.contains("service")) {
            return verdict(r.p99() <= 5, "p99<=5 ms");
        }
        if (n.startsWith("growth 1M/100k")) {
            Matcher m = Pattern.compile("p99 x([0-9.]+)").matcher(r.note());
            return m.find() ? verdict(Double.parseDouble(m.group(1)) <= 1.5, "<=1.5") : "";
        }
        if (n.startsWith("match") && n.endsWith("50000 synthetic")) {
            return verdict(r.p99() <= 10, "p99<=10 ms");
        }
        if (r.group().equals("soak") && !r.isLoad()) {
            Double v = signed(r.note());
            if (n.startsWith("errors")) {
                return verdict(v != null && v == 0, "0");
            }
            if (n.startsWith("p99 drift")) {
                return verdict(v != null && v <= 20, "<=+20 %");
            }
            if (n.startsWith("RSS growth")) {
                return verdict(v != null && v <= 5, "<=+5 %");
            }
        }
        return "";
    }

    /** One line of the ratios table: what, its value, its goal, met (null: not measured in this run). */
    record Ratio(String what, String value, String goal, Boolean met) {
    }

    /** The goals of issue 16, each as a ratio to a reference measured in the same run where there is one. */
    static List<Ratio> ratios(List<Result> rows, List<Result> soak) {
        List<Ratio> out = new ArrayList<>();
        Result best = best(rows);
        Double pg = pgbench(rows);
        if (best != null && pg != null) {
            double share = 100 * best.throughput() / pg;
            out.add(new Ratio("best sustained creation / pgbench single-row inserts", String.format(Locale.ROOT, "%.1f %% (%.0f/s of %.0f/s)",
                    share, best.throughput(), pg), ">= 25 %", share >= 25));
        } else if (lowest(rows) != null && pg != null) {
            // No step held p99 <= 25 ms: say how far the lowest one was, rather than nothing.
            Result low = lowest(rows);
            out.add(new Ratio("best sustained creation / pgbench single-row inserts", String.format(Locale.ROOT,
                    "none held p99 <= 25 ms; the lowest step, %.0f/s (%.1f %% of %.0f/s), had p99 %.1f ms", low.rate(),
                    100 * low.throughput() / pg, pg, low.p99()), ">= 25 %", false));
        } else {
            out.add(missing("best sustained creation / pgbench single-row inserts", ">= 25 %"));
        }
        Result cpu = rows.stream().filter(r -> r.name().startsWith(CPU_BEST)).findFirst().orElse(null);
        if (cpu == null && lowest(rows) != null) {
            String step = String.format(Locale.ROOT, "CPU per creation, %.0f/s", lowest(rows).rate());
            cpu = rows.stream().filter(r -> r.name().equals(step)).findFirst()
                    .map(r -> new Result(r.group(), CPU_BEST + " (none held; lowest step " + step.substring(step.lastIndexOf(' ') + 1) + ")",
                            r.rate(), r.throughput(), r.p50(), r.p90(), r.p99(), r.max(), r.requests(), r.errors(), r.note()))
                    .orElse(null);
        }
        Double total = cpu == null ? null : total(cpu.note());
        out.add(total == null ? missing("CPU per creation, all processes", "<= 1.5 ms")
                : new Ratio("CPU per creation, all processes" + cpu.name().substring(CPU_BEST.length()), cpu.note(), "<= 1.5 ms", total <= 1.5));
        Double ref = mb(rows, "reference-app");
        Double dir = mb(rows, "directory-service");
        Double ref2 = mb(rows, "referral-service");
        if (ref != null && dir != null && ref2 != null) {
            double x = Math.max(dir, ref2) / ref;
            out.add(new Ratio("services' RSS / bare Quarkus app's", String.format(Locale.ROOT, "x%.2f (directory %.0f MB, referral %.0f MB, bare %.0f MB)",
                    x, dir, ref2, ref), "<= 2", x <= 2));
        } else {
            out.add(missing("services' RSS / bare Quarkus app's", "<= 2"));
        }
        Double readyRef = readySeconds(rows, "reference-app");
        Double readyDir = readySeconds(rows, "directory-service");
        Double readyRef2 = readySeconds(rows, "referral-service");
        if (readyDir != null && readyRef2 != null) {
            double worst = Math.max(readyDir, readyRef2);
            String both = String.format(Locale.ROOT, "directory %.2f s, referral %.2f s", readyDir, readyRef2);
            out.add(readyRef == null ? missing("services ready / bare Quarkus app's", "<= 1.5")
                    : new Ratio("services ready / bare Quarkus app's", String.format(Locale.ROOT, "x%.2f (%s, bare %.2f s)", worst / readyRef,
                    both, readyRef), "<= 1.5", worst / readyRef <= 1.5));
            out.add(new Ratio("services ready, launch to ready", String.format(Locale.ROOT, "%.2f s (%s)", worst, both), "<= 1.5 s", worst <= 1.5));
        } else {
            out.add(missing("services ready / bare Quarkus app's", "<= 1.5"));
            out.add(missing("services ready, launch to ready", "<= 1.5 s"));
        }
        Result gw = row(rows, "gateway added latency");
        Result ng = row(rows, "nginx added latency");
        if (gw != null && ng != null && ng.p50() > 0) {
            double x = gw.p50() / ng.p50();
            out.add(new Ratio("gateway added p50 / nginx added p50", String.format(Locale.ROOT, "x%.1f (%.3f / %.3f ms)", x, gw.p50(), ng.p50()),
                    "<= 2", x <= 2));
        } else {
            out.add(missing("gateway added p50 / nginx added p50", "<= 2"));
        }
        out.add(gw == null ? missing("gateway added p99", "<= 1.5 ms")
                : new Ratio("gateway added p99", String.format(Locale.ROOT, "%.2f ms", gw.p99()), "<= 1.5 ms", gw.p99() <= 1.5));
        Result closedGw = rows.stream().filter(r -> r.name().startsWith("closed loop, ") && r.name().endsWith("through the gateway")).findFirst().orElse(null);
        Result closedNg = rows.stream().filter(r -> r.name().startsWith("closed loop, ") && r.name().endsWith("through nginx")).findFirst().orElse(null);
        if (closedGw != null && closedNg != null && closedNg.throughput() > 0) {
            double share = 100 * closedGw.throughput() / closedNg.throughput();
            out.add(new Ratio("gateway closed-loop throughput / nginx's", String.format(Locale.ROOT, "%.0f %% (%.0f / %.0f requests/s)", share,
                    closedGw.throughput(), closedNg.throughput()), ">= 80 %", share >= 80));
        } else {
            out.add(missing("gateway closed-loop throughput / nginx's", ">= 80 %"));
        }
        Result match = rows.stream().filter(r -> r.isLoad() && r.name().startsWith("match") && r.name().endsWith("50000 synthetic")).findFirst()
                .orElse(null);
        out.add(match == null ? missing("match at 50k programmes, p99", "<= 10 ms")
                : new Ratio("match at 50k programmes, p99", String.format(Locale.ROOT, "%.1f ms", match.p99()), "<= 10 ms", match.p99() <= 10));
        double triage = rows.stream().filter(r -> r.group().equals("triage") && r.isLoad() && r.name().contains("service, 1M"))
                .mapToDouble(Result::p99).max().orElse(Double.NaN);
        out.add(Double.isNaN(triage) ? missing("triage at 1M referrals, service, p99 (worst page)", "<= 5 ms")
                : new Ratio("triage at 1M referrals, service, p99 (worst page)", String.format(Locale.ROOT, "%.1f ms", triage), "<= 5 ms", triage <= 5));
        out.add(soakRatio(soak));
        return out;
    }

    /** The soak's line: errors, the worst RSS growth, the p99 drift (from results/latest-soak.tsv). */
    static Ratio soakRatio(List<Result> soak) {
        String what = "soak: errors; RSS growth; p99 drift";
        String goal = "0; <= 5 %; <= 20 %";
        Result errors = soak.stream().filter(r -> r.name().startsWith("errors")).findFirst().orElse(null);
        Result drift = soak.stream().filter(r -> r.name().startsWith("p99 drift")).findFirst().orElse(null);
        double growth = soak.stream().filter(r -> r.name().startsWith("RSS growth")).map(r -> signed(r.note())).filter(v -> v != null)
                .mapToDouble(Double::doubleValue).max().orElse(Double.NaN);
        if (errors == null || drift == null || Double.isNaN(growth) || number(errors.note()) == null || signed(drift.note()) == null) {
            return missing(what + " (bench/run --soak)", goal);
        }
        double e = number(errors.note());
        double d = signed(drift.note());
        String minutes = errors.name().replace("errors over ", "");
        return new Ratio("soak (" + minutes + "): errors; RSS growth; p99 drift", String.format(Locale.ROOT, "%.0f; %+.1f %%; %+.1f %%", e, growth, d),
                goal, e == 0 && growth <= 5 && d <= 20);
    }

    private static Ratio missing(String what, String goal) {
        return new Ratio(what, "not measured in this run", goal, null);
    }

    private static Result row(List<Result> rows, String name) {
        return rows.stream().filter(r -> r.name().equals(name)).findFirst().orElse(null);
    }

    /** "RSS NAME after the run", note "N MB". */
    private static Double mb(List<Result> rows, String name) {
        Result r = row(rows, "RSS " + name + " after the run");
        return r == null ? null : number(r.note());
    }

    /**
     * Launch-to-ready of a part in seconds: the median in ms in the p50 column when the row has one, else the
     * note's leading number in seconds ("3.25 s launch to ready …").
     */
    static Double readySeconds(List<Result> rows, String name) {
        Result r = row(rows, "ready " + name);
        if (r == null) {
            return null;
        }
        if (!Double.isNaN(r.p50())) {
            return r.p50() / 1000;
        }
        return number(r.note());
    }

    /** The "total T" of a CPU-per-request note. */
    static Double total(String note) {
        Matcher m = Pattern.compile("total ([0-9.]+)").matcher(note == null ? "" : note);
        return m.find() ? Double.valueOf(m.group(1)) : null;
    }

    static Double signed(String s) {
        if (s == null) {
            return null;
        }
        Matcher m = SIGNED.matcher(s.replace(",", "").trim());
        return m.find() ? Double.valueOf(m.group(1)) : null;
    }

    static void printRatios(List<Ratio> ratios, StringBuilder text, StringBuilder markdown) {
        text.append("Ratios (what travels)\n");
        markdown.append("### Ratios (what travels)\n\n| figure | value | goal | |\n|---|---|---|---|\n");
        for (Ratio r : ratios) {
            String verdict = r.met() == null ? "n/a" : r.met() ? "met" : "MISSED";
            text.append(String.format(Locale.ROOT, "  %-58s %-7s %-20s %s%n", r.what(), verdict, r.goal(), r.value()));
            markdown.append(String.format(Locale.ROOT, "| %s | %s | %s | %s |%n", r.what(), r.value().replace("|", "/"), r.goal(), verdict));
        }
        text.append(System.lineSeparator());
        markdown.append("\n### All figures\n\n");
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
