package fr.passerelle.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class StatsTest {

    private static Result rep(double p50, double p99, double max, long requests, long errors) {
        return new Result("overhead", "GET codes: through the gateway", 2000, 1990, p50, p50 * 2, p99, max, requests, errors, "");
    }

    @Test
    void medianOfOddAndEvenCounts() {
        assertEquals(2.0, Stats.median(new double[] {3, 1, 2}));
        assertEquals(2.5, Stats.median(new double[] {4, 1, 3, 2}));
        assertEquals(Double.NaN, Stats.median(new double[0]));
    }

    @Test
    void spreadIsMinToMax() {
        assertEquals("18.1–22.4", Stats.spread(new double[] {22.4, 18.1, 20.0}));
        assertEquals("0.74–1.20", Stats.spread(new double[] {1.2, 0.74}));
        assertEquals("150–210", Stats.spread(new double[] {210, 150}));
    }

    @Test
    void repetitionsCombineIntoMediansWithTheSpreadOfTheP99s() {
        Result r = Stats.combine(List.of(rep(0.5, 18.1, 30, 10_000, 0), rep(0.7, 22.4, 25, 10_000, 1), rep(0.6, 20.0, 40, 10_000, 2)),
                "HTTP 503 x3");
        assertEquals(0.6, r.p50(), 1e-9);
        assertEquals(1.2, r.p90(), 1e-9);
        assertEquals(20.0, r.p99(), 1e-9);
        assertEquals(40, r.max(), 1e-9, "the worst max of the three");
        assertEquals(30_000, r.requests());
        assertEquals(3, r.errors());
        assertEquals("p99 spread 18.1–22.4 (median of 3); HTTP 503 x3", r.note());
    }

    @Test
    void oneRepetitionHasNoSpread() {
        assertEquals("", Stats.combine(List.of(rep(0.5, 1, 2, 10, 0)), "").note());
    }
}
