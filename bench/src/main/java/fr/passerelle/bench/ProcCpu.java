package fr.passerelle.bench;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * CPU time of the stack's processes from /proc/PID/stat (utime + stime, in clock ticks): read before and after a
 * known number of requests, it gives the CPU per request of each process, which the shared machine's noise moves
 * far less than latencies. PostgreSQL is the sum over every process whose command is {@code postgres}; a backend
 * that exits in between takes its ticks with it (the stack's pools keep theirs open).
 */
final class ProcCpu {

    static final String POSTGRES = "PostgreSQL";
    /**
     * The JIT compiler threads of the JVMs above, already counted in their process: shown apart because on 2 cores
     * C2 was still compiling minutes into a steady load (68 % of referral-service's CPU in the 5th minute of the soak,
     * by JFR), a warm-up cost that a figure per request would otherwise present as the request's own.
     */
    static final String JIT = "of which JIT compilation";

    private final Map<String, Long> pids;
    private final double tickMillis;

    /** {@code pids}: name → pid, in the order the figures list them; {@code clockTicks}: getconf CLK_TCK (100). */
    ProcCpu(Map<String, Long> pids, long clockTicks) {
        this.pids = new LinkedHashMap<>(pids);
        this.tickMillis = 1000.0 / clockTicks;
    }

    boolean isEmpty() {
        return pids.isEmpty();
    }

    /** utime + stime of every named process, then of PostgreSQL, in ticks; a process gone reads 0. */
    Map<String, Long> snapshot() {
        Map<String, Long> m = new LinkedHashMap<>();
        pids.forEach((name, pid) -> m.put(name, ticks(pid)));
        m.put(POSTGRES, postgresTicks());
        m.put(JIT, pids.values().stream().mapToLong(ProcCpu::compilerTicks).sum());
        return m;
    }

    /** CPU milliseconds per request of each process between two snapshots, plus "total". */
    Map<String, Double> perRequest(Map<String, Long> before, Map<String, Long> after, long requests) {
        Map<String, Double> m = new LinkedHashMap<>();
        double total = 0;
        for (Map.Entry<String, Long> e : after.entrySet()) {
            double ms = requests <= 0 ? Double.NaN : (e.getValue() - before.getOrDefault(e.getKey(), 0L)) * tickMillis / requests;
            m.put(e.getKey(), ms);
            if (!e.getKey().equals(JIT)) {
                total += ms;
            }
        }
        m.put("total", total);
        return m;
    }

    /** "gateway 0.50 ms, referral-service 2.70, …, total 4.80": the figure's note. */
    static String describe(Map<String, Double> perRequest) {
        StringBuilder s = new StringBuilder();
        for (Map.Entry<String, Double> e : perRequest.entrySet()) {
            boolean first = s.isEmpty();
            s.append(first ? "" : ", ").append(e.getKey()).append(' ').append(String.format(Locale.ROOT, "%.2f", e.getValue()))
                    .append(first ? " ms" : "");
        }
        return s.toString();
    }

    static long ticks(long pid) {
        try {
            return ticks(Files.readString(Path.of("/proc", Long.toString(pid), "stat")));
        } catch (IOException | RuntimeException gone) {
            return 0;
        }
    }

    /** utime + stime of a JVM's C1/C2 compiler threads (thread names are cut to 15 characters in /proc). */
    static long compilerTicks(long pid) {
        long sum = 0;
        try (DirectoryStream<Path> tasks = Files.newDirectoryStream(Path.of("/proc", Long.toString(pid), "task"))) {
            for (Path t : tasks) {
                try {
                    String stat = Files.readString(t.resolve("stat"));
                    String name = comm(stat);
                    if (name.startsWith("C1 CompilerThre") || name.startsWith("C2 CompilerThre")) {
                        sum += ticks(stat);
                    }
                } catch (IOException | RuntimeException gone) {
                    // the thread ended while we were reading
                }
            }
        } catch (IOException | RuntimeException e) {
            return 0;
        }
        return sum;
    }

    static long postgresTicks() {
        long sum = 0;
        try (DirectoryStream<Path> procs = Files.newDirectoryStream(Path.of("/proc"), p -> p.getFileName().toString().matches("[0-9]+"))) {
            for (Path p : procs) {
                try {
                    String stat = Files.readString(p.resolve("stat"));
                    if (comm(stat).equals("postgres")) {
                        sum += ticks(stat);
                    }
                } catch (IOException | RuntimeException gone) {
                    // exited while we were reading
                }
            }
        } catch (IOException e) {
            return 0;
        }
        return sum;
    }

    /** The command name: between the first '(' and the last ')' (it may itself hold spaces and parentheses). */
    static String comm(String stat) {
        return stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
    }

    /** utime + stime: fields 14 and 15 of the line, counted after the command name (field 2). */
    static long ticks(String stat) {
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).trim().split(" +");
        // f[0] is field 3 (state): field n is f[n - 3].
        return Long.parseLong(f[11]) + Long.parseLong(f[12]);
    }
}
