package fr.passerelle.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ReferralDataTest {

    @Test
    void statusesAreDrawnInTheirStatedProportions() {
        SplittableRandom r = new SplittableRandom(1);
        int[] counts = new int[ReferralData.STATUSES.length];
        int n = 200_000;
        for (int i = 0; i < n; i++) {
            counts[ReferralData.pick(r, ReferralData.STATUS_SHARE)]++;
        }
        for (int i = 0; i < counts.length; i++) {
            assertEquals(ReferralData.STATUS_SHARE[i], 100.0 * counts[i] / n, 0.5, ReferralData.STATUSES[i]);
        }
    }

    @Test
    void csvQuotesWhatWouldBreakARowAndLeavesNullsEmpty() {
        StringBuilder out = new StringBuilder();
        BulkLoad.csv(out, new String[] {"a", null, "Le Fil d'Ariane, Lyon", "dit \"x\"", ""});
        assertEquals("a,,\"Le Fil d'Ariane, Lyon\",\"dit \"\"x\"\"\",\"\"\n", out.toString());
    }
}
