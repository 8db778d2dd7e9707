package fr.passerelle.bench;

import java.util.Locale;

/**
 * One line of the figures table. Latencies in milliseconds; {@code rate} is the offered arrival rate (0 for a
 * figure that is not a load, such as a start-up time), {@code throughput} what completed per second.
 */
public record Result(String group, String name, double rate, double throughput, double p50, double p90, double p99,
                     double max, long requests, long errors, String note) {

    public static Result of(String group, String name, double rate, double seconds, Latencies l, String note) {
        return new Result(group, name, rate, seconds > 0 ? l.count() / seconds : 0, ms(l.percentile(50)), ms(l.percentile(90)),
                ms(l.percentile(99)), ms(l.max()), l.count(), l.errors(), note);
    }

    /** A single figure (start-up time, RSS, a ratio): the value goes in the note column. */
    public static Result figure(String group, String name, String value) {
        return new Result(group, name, 0, 0, Double.NaN, Double.NaN, Double.NaN, Double.NaN, 0, 0, value);
    }

    private static double ms(long micros) {
        return micros / 1000.0;
    }

    /** A load's latencies, not a single figure (a start-up row carries its ready time in p50 only, for the ratios). */
    public boolean isLoad() {
        return !Double.isNaN(p50) && !Double.isNaN(p99);
    }

    /** Tab-separated, the order of {@link #HEADER}; bench/run keeps them in results/latest.tsv. */
    public String tsv() {
        return String.join("\t", group, name, num(rate, 0), num(throughput, 0), num(p50, 3), num(p90, 3), num(p99, 3),
                num(max, 3), Long.toString(requests), Long.toString(errors), note == null ? "" : note);
    }

    public static Result parse(String line) {
        String[] f = line.split("\t", -1);
        return new Result(f[0], f[1], dbl(f[2]), dbl(f[3]), dbl(f[4]), dbl(f[5]), dbl(f[6]), dbl(f[7]), Long.parseLong(f[8]),
                Long.parseLong(f[9]), f[10]);
    }

    public static final String HEADER = "group\tfigure\trate/s\tdone/s\tp50 ms\tp90 ms\tp99 ms\tmax ms\trequests\terrors\tnote";

    private static String num(double v, int decimals) {
        return Double.isNaN(v) ? "" : String.format(Locale.ROOT, "%." + decimals + "f", v);
    }

    private static double dbl(String s) {
        return s.isEmpty() ? Double.NaN : Double.parseDouble(s);
    }
}
