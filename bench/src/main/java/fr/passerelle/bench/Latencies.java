package fr.passerelle.bench;

import java.util.Arrays;

/**
 * Latencies of one measured phase, in microseconds, kept whole (a phase is at most a few hundred thousand
 * requests) so percentiles are exact nearest-rank values rather than bucket estimates.
 */
public final class Latencies {

    private long[] micros = new long[4096];
    private int count;
    private long errors;
    private boolean sorted;

    public synchronized void record(long latencyMicros) {
        if (count == micros.length) {
            micros = Arrays.copyOf(micros, count * 2);
        }
        micros[count++] = latencyMicros;
        sorted = false;
    }

    /** Adds another phase's latencies and errors to this one (interleaved rounds of the same figure). */
    public synchronized void addAll(Latencies other) {
        synchronized (other) {
            for (int i = 0; i < other.count; i++) {
                record(other.micros[i]);
            }
            errors += other.errors;
        }
    }

    public synchronized void error() {
        errors++;
    }

    public synchronized int count() {
        return count;
    }

    public synchronized long errors() {
        return errors;
    }

    /** Nearest-rank percentile (0 &lt; p &le; 100) in microseconds; 0 when nothing was recorded. */
    public synchronized long percentile(double p) {
        if (p <= 0 || p > 100) {
            throw new IllegalArgumentException("percentile out of (0, 100]: " + p);
        }
        if (count == 0) {
            return 0;
        }
        sort();
        // The epsilon keeps 99.9 % of 1,000 at rank 999 despite floating point (999.0000000000001).
        int rank = (int) Math.ceil(p * count / 100.0 - 1e-9);
        return micros[Math.max(rank, 1) - 1];
    }

    /** How many recorded latencies are at least this long. */
    public synchronized int atLeast(long latencyMicros) {
        int n = 0;
        for (int i = 0; i < count; i++) {
            if (micros[i] >= latencyMicros) {
                n++;
            }
        }
        return n;
    }

    public synchronized long max() {
        if (count == 0) {
            return 0;
        }
        sort();
        return micros[count - 1];
    }

    private void sort() {
        if (!sorted) {
            Arrays.sort(micros, 0, count);
            sorted = true;
        }
    }
}
