package fr.passerelle.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class RatiosTest {

    private static Result load(String group, String name, double rate, double p50, double p99) {
        return new Result(group, name, rate, rate, p50, p50, p99, p99, 1_000, 0, "");
    }

    private static Map<String, Table.Ratio> ratios(List<Result> measured, List<Result> soak) {
        List<Result> rows = new ArrayList<>(measured);
        rows.addAll(Table.derived(rows));
        return Table.ratios(rows, soak).stream().collect(Collectors.toMap(r -> r.what().replaceAll(" \\(.*", ""), Function.identity()));
    }

    private static List<Result> fullRun() {
        return List.of(
                load("overhead", "gateway added latency", 2000, 0.27, 2.45),
                load("overhead", "nginx added latency", 2000, 0.07, 0.74),
                new Result("throughput", "closed loop, 32 connections: through the gateway", 0, 6_000, Double.NaN, Double.NaN, Double.NaN,
                        Double.NaN, 180_000, 0, "6000 requests/s"),
                new Result("throughput", "closed loop, 32 connections: through nginx", 0, 10_000, Double.NaN, Double.NaN, Double.NaN,
                        Double.NaN, 300_000, 0, "10000 requests/s"),
                load("directory", "match (17, left school, Villeurbanne), 50000 synthetic", 50, 11, 18.7),
                load("triage", "first page, service, 1M", 200, 3, 7.1),
                load("triage", "deep page (item 1000), service, 1M", 200, 3, 6.4),
                load("creation", "create referral, gateway, 300/s", 300, 3.8, 24.1),
                Result.figure("creation", "CPU per creation, 300/s", "gateway 0.50 ms, referral-service 2.70, PostgreSQL 1.60, total 4.80"),
                load("creation", "create referral, gateway, 400/s", 400, 3.7, 20.4),
                Result.figure("creation", "CPU per creation, 400/s", "gateway 0.40 ms, referral-service 0.60, PostgreSQL 0.40, total 1.40"),
                load("creation", "create referral, gateway, 500/s", 500, 3.5, 100),
                Result.figure("creation", "pgbench single-row inserts, 8 clients, 15 s", "1600 inserts/s (latency average 0.900 ms)"),
                Result.figure("memory", "RSS directory-service after the run", "301 MB"),
                Result.figure("memory", "RSS referral-service after the run", "368 MB"),
                Result.figure("memory", "RSS reference-app after the run", "160 MB"),
                // The other helper's format (median ms in p50, spread in the note) and the older one (seconds in the note).
                new Result("startup", "ready directory-service", 0, 0, 1400, Double.NaN, Double.NaN, Double.NaN, 0, 0, "spread 1.3–1.6 s"),
                Result.figure("startup", "ready referral-service", "1.20 s launch to ready (median of 3; idle RSS 203 MB)"),
                Result.figure("startup", "ready reference-app", "0.90 s launch to ready (median of 3)"));
    }

    @Test
    void eachGoalOfTheIssueIsARatioOrABoundWithItsVerdict() {
        Map<String, Table.Ratio> r = ratios(fullRun(), List.of());
        Table.Ratio creation = r.get("best sustained creation / pgbench single-row inserts");
        assertEquals("25.0 % (400/s of 1600/s)", creation.value());
        assertTrue(creation.met());
        Table.Ratio cpu = r.get("CPU per creation, all processes");
        assertTrue(cpu.met(), "the best step's CPU is the one held to the goal: " + cpu);
        assertTrue(cpu.value().contains("total 1.40"));
        Table.Ratio rss = r.get("services' RSS / bare Quarkus app's");
        assertEquals("x2.30 (directory 301 MB, referral 368 MB, bare 160 MB)", rss.value());
        assertFalse(rss.met());
        Table.Ratio ready = r.get("services ready / bare Quarkus app's");
        assertEquals("x1.56 (directory 1.40 s, referral 1.20 s, bare 0.90 s)", ready.value());
        assertFalse(ready.met());
        assertTrue(r.get("services ready, launch to ready").met());
        assertEquals("x3.9 (0.270 / 0.070 ms)", r.get("gateway added p50 / nginx added p50").value());
        assertFalse(r.get("gateway added p50 / nginx added p50").met());
        assertFalse(r.get("gateway added p99").met());
        assertEquals("60 % (6000 / 10000 requests/s)", r.get("gateway closed-loop throughput / nginx's").value());
        assertFalse(r.get("gateway closed-loop throughput / nginx's").met());
        assertFalse(r.get("match at 50k programmes, p99").met());
        assertEquals("7.1 ms", r.get("triage at 1M referrals, service, p99").value());
        assertNull(r.get("soak: errors; RSS growth; p99 drift").met(), "no soak yet: not measured");
    }

    @Test
    void theSoakLineHoldsErrorsGrowthAndDriftTogether() {
        List<Result> soak = List.of(
                Result.figure("soak", "errors over 20 min", "0 of 240000 requests"),
                Result.figure("soak", "p99 drift, last 5 min / first 5 min", "+12.0 % (10.0 ms, then 11.2 ms)"),
                Result.figure("soak", "RSS growth gateway, end / minute 5", "+1.0 % (150 MB, then 151 MB)"),
                Result.figure("soak", "RSS growth referral-service, end / minute 5", "+6.5 % (300 MB, then 320 MB)"));
        Table.Ratio line = Table.soakRatio(soak);
        assertEquals("0; +6.5 %; +12.0 %", line.value());
        assertFalse(line.met(), "one service grew by more than 5 %");
        assertTrue(line.what().contains("20 min"));
    }

    @Test
    void aMissingFigureIsNotMeasuredRatherThanMissed() {
        Map<String, Table.Ratio> r = ratios(List.of(), List.of());
        r.values().forEach(x -> assertNull(x.met(), x.what()));
    }

    @Test
    void theCpuOfTheBestSustainedStepIsDerived() {
        List<Result> derived = Table.derived(fullRun());
        assertTrue(derived.stream().anyMatch(d -> d.name().equals(Table.CPU_BEST + " (400/s)") && d.note().endsWith("total 1.40")),
                derived.toString());
        assertEquals(400, Table.bestSustained(fullRun()));
    }

    @Test
    void readyTimeIsTheP50ColumnInMillisecondsElseTheNoteInSeconds() {
        assertEquals(1.4, Table.readySeconds(fullRun(), "directory-service"), 1e-9);
        assertEquals(1.2, Table.readySeconds(fullRun(), "referral-service"), 1e-9);
        assertNull(Table.readySeconds(fullRun(), "gateway"));
    }
}
