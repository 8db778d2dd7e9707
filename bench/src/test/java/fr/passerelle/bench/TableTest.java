package fr.passerelle.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class TableTest {

    private static Result load(String group, String name, double rate, double p50, double p99, long requests, long errors) {
        return new Result(group, name, rate, rate, p50, p50, p99, p99, requests, errors, "");
    }

    @Test
    void growthIsTheLargeSizeOverTheSmallOneForTheSameFigure() {
        List<Result> derived = Table.derived(List.of(
                load("triage", "first page, service, 100k", 500, 1.0, 2.0, 10_000, 0),
                load("triage", "first page, service, 1M", 500, 1.2, 3.2, 10_000, 0)));
        assertEquals(1, derived.size());
        assertEquals("growth 1M/100k: first page, service", derived.get(0).name());
        assertEquals("p50 x1.20, p99 x1.60", derived.get(0).note());
        assertEquals("MISSED <=1.5", Table.goal(derived.get(0)));
    }

    @Test
    void bestSustainedCreationRateIsTheFastestStepWithinTheLatencyGoalAndComparedWithPgbench() {
        List<Result> derived = Table.derived(List.of(
                load("creation", "create referral, gateway, 1000/s", 1000, 3, 9, 10_000, 0),
                load("creation", "create referral, gateway, 2000/s", 2000, 5, 21, 20_000, 0),
                load("creation", "create referral, gateway, 3000/s", 3000, 40, 300, 30_000, 0),
                Result.figure("creation", "pgbench single-row inserts", "6500.5 inserts/s")));
        Result best = derived.get(0);
        assertTrue(best.note().startsWith("2000/s at p99 21.0 ms = 31% of pgbench's 6501 inserts/s"), best.note());
        assertEquals("", Table.goal(best));
    }

    @Test
    void aStepWithMoreThanOnePercentErrorsIsNotSustained() {
        List<Result> derived = Table.derived(List.of(load("creation", "create referral, gateway, 250/s", 250, 3, 9, 2_500, 100)));
        assertEquals("none: even the lowest rate missed", derived.get(0).note());
    }

    @Test
    void goalsSayMetOrMissed() {
        assertEquals("met p99<=1.5 ms", Table.goal(load("overhead", "gateway added latency", 2000, 0.2, 1.1, 1, 0)));
        assertEquals("MISSED p99<=5 ms", Table.goal(load("triage", "deep page (item 1000), service, 1M", 500, 1, 6, 1, 0)));
        // Absolute memory and start-up goals gave way to ratios to the bare app (the ratios table).
        assertEquals("", Table.goal(Result.figure("memory", "RSS gateway after the run", "151 MB")));
        assertEquals("", Table.goal(Result.figure("startup", "ready gateway", "1.21 s launch to ready")));
        assertEquals("met 0", Table.goal(Result.figure("soak", "errors over 20 min", "0 of 240000 requests")));
        assertEquals("MISSED <=+20 %", Table.goal(Result.figure("soak", "p99 drift, last 5 min / first 5 min", "+31.0 % (10.0 ms, then 13.1 ms)")));
        assertEquals("met <=+5 %", Table.goal(Result.figure("soak", "RSS growth gateway, end / minute 5", "-1.2 % (150 MB, then 148 MB)")));
        assertEquals("", Table.goal(load("directory", "search q=x, seeded", 500, 1, 2, 1, 0)));
    }

    @Test
    void resultsSurviveTheirTsvLine() {
        Result r = load("triage", "first page, gateway, 1M", 500, 1.234, 5.678, 10_000, 2);
        Result back = Result.parse(r.tsv());
        assertEquals(r.name(), back.name());
        assertEquals(1.234, back.p50(), 1e-9);
        assertEquals(2, back.errors());
        Result f = Result.figure("memory", "RSS gateway after the run", "120 MB");
        assertEquals("120 MB", Result.parse(f.tsv()).note());
    }
}
