package fr.passerelle.bench;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** Median of the repetitions of a figure, and its spread (min–max), so one noisy window does not make the figure. */
final class Stats {

    private Stats() {
    }

    static double median(double[] values) {
        if (values.length == 0) {
            return Double.NaN;
        }
        double[] v = values.clone();
        Arrays.sort(v);
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }

    static double min(double[] values) {
        return Arrays.stream(values).min().orElse(Double.NaN);
    }

    static double max(double[] values) {
        return Arrays.stream(values).max().orElse(Double.NaN);
    }

    /** "18.1–22.4" (one decimal under 100, none above): the range of the repetitions. */
    static String spread(double[] values) {
        return fmt(min(values)) + "–" + fmt(max(values));
    }

    static String fmt(double v) {
        return String.format(Locale.ROOT, Math.abs(v) >= 100 ? "%.0f" : Math.abs(v) >= 10 ? "%.1f" : "%.2f", v);
    }

    /**
     * One row from repetitions of the same load: the median of each percentile and of the throughput, the sum of
     * the requests and errors, the worst max; the note gets the spread of the p99s when there was more than one.
     */
    static Result combine(List<Result> reps, String note) {
        Result first = reps.get(0);
        double[] p50 = reps.stream().mapToDouble(Result::p50).toArray();
        double[] p90 = reps.stream().mapToDouble(Result::p90).toArray();
        double[] p99 = reps.stream().mapToDouble(Result::p99).toArray();
        double[] done = reps.stream().mapToDouble(Result::throughput).toArray();
        String spread = reps.size() > 1 ? "p99 spread " + spread(p99) + " (median of " + reps.size() + ")" : "";
        String n = note == null || note.isEmpty() ? spread : spread.isEmpty() ? note : spread + "; " + note;
        return new Result(first.group(), first.name(), first.rate(), median(done), median(p50), median(p90), median(p99),
                max(reps.stream().mapToDouble(Result::max).toArray()), reps.stream().mapToLong(Result::requests).sum(),
                reps.stream().mapToLong(Result::errors).sum(), n);
    }
}
