package fr.passerelle.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class LatenciesTest {

    @Test
    void percentilesAreNearestRankOverEveryRecordedValue() {
        Latencies l = new Latencies();
        for (int i = 100; i >= 1; i--) {
            l.record(i * 10L);
        }
        assertEquals(500, l.percentile(50));
        assertEquals(900, l.percentile(90));
        assertEquals(990, l.percentile(99));
        assertEquals(1000, l.percentile(100));
        assertEquals(1000, l.max());
        assertEquals(100, l.count());
    }

    @Test
    void aSingleSlowRequestIsTheMaxAndOnlyMovesTheTopPercentile() {
        Latencies l = new Latencies();
        for (int i = 0; i < 999; i++) {
            l.record(200);
        }
        l.record(50_000);
        assertEquals(200, l.percentile(99.9));
        assertEquals(50_000, l.percentile(100));
        assertEquals(50_000, l.max());
    }

    @Test
    void emptyPhaseReportsZerosAndErrorsAreCountedApart() {
        Latencies l = new Latencies();
        l.error();
        assertEquals(0, l.percentile(99));
        assertEquals(0, l.max());
        assertEquals(1, l.errors());
        assertThrows(IllegalArgumentException.class, () -> l.percentile(0));
    }
}
