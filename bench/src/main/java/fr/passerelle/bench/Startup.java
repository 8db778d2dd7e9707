package fr.passerelle.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Start-up of one part, timed from the moment its JVM is launched to the first 200 of /q/health/ready on its
 * management port (polled every 10 ms), as an orchestrator sees it; also Quarkus's own "started in" (JVM boot
 * excluded) and the RSS of the freshly started, idle process. Runs beside the stack on other ports (main and
 * management), against the same databases.
 */
final class Startup {

    private static final Pattern STARTED = Pattern.compile("started in ([0-9.]+)s");

    /**
     * {@code cpuSeconds}: user + system CPU time of the part from launch to ready, which holds better than the wall
     * time on a busy machine; {@code anonKb}: the anonymous part of the RSS (the rest maps files, a class-data archive
     * or AOT cache among them, that the kernel can share and drop).
     */
    record Measure(double readyMillis, double quarkusSeconds, long rssKb, long anonKb, double cpuSeconds) {
    }

    /** The java binary of the JVM running the bench: the default of {@code --java}. */
    static String defaultJava() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** Launches {@code java} (a binary: the parts may run on another JDK than the bench) with the part's options. */
    static Measure once(String java, Path jar, int port, int managementPort, Map<String, String> env, List<String> javaOpts,
            Path log) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(java);
        command.addAll(javaOpts);
        // From the application's folder with a relative jar, as an AppCDS archive (app-cds.jsa) or AOT cache (app.aot) requires.
        command.add("-jar");
        command.add(jar.getFileName().toString());
        ProcessBuilder pb = new ProcessBuilder(command).directory(jar.toAbsolutePath().getParent().toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().putAll(env);
        pb.environment().put("PORT", Integer.toString(port));
        pb.environment().put("MANAGEMENT_PORT", Integer.toString(managementPort));
        pb.environment().put("HOST", "127.0.0.1");
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofMillis(200)).build();
        HttpRequest ready = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + managementPort + "/q/health/ready"))
                .timeout(Duration.ofSeconds(2)).build();
        long t0 = System.nanoTime();
        Process p = pb.start();
        try {
            while (true) {
                if (!p.isAlive()) {
                    throw new IllegalStateException(jar.getParent().getParent().getFileName() + " exited during start-up (log: " + log + ")");
                }
                if (System.nanoTime() - t0 > TimeUnit.SECONDS.toNanos(120)) {
                    throw new IllegalStateException("not ready after 120 s (log: " + log + ")");
                }
                try {
                    if (http.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                        break;
                    }
                } catch (IOException notYet) {
                    // not listening yet
                }
                Thread.sleep(10);
            }
            double readyMs = (System.nanoTime() - t0) / 1e6;
            double cpu = cpuSeconds(p.pid());
            Thread.sleep(1_000);
            return new Measure(readyMs, quarkusStarted(log), rssKb(p.pid()), statusKb(p.pid(), "RssAnon:"), cpu);
        } finally {
            p.destroy();
            if (!p.waitFor(30, TimeUnit.SECONDS)) {
                p.destroyForcibly();
            }
        }
    }

    static double quarkusStarted(Path log) throws IOException {
        Matcher m = STARTED.matcher(Files.readString(log));
        return m.find() ? Double.parseDouble(m.group(1)) : Double.NaN;
    }

    /** Resident set size of a live process, from /proc (Linux). */
    static long rssKb(long pid) throws IOException {
        return statusKb(pid, "VmRSS:");
    }

    static long statusKb(long pid, String field) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
            if (line.startsWith(field)) {
                return Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        }
        throw new IllegalStateException("no " + field + " for pid " + pid);
    }

    /** utime + stime of a live process, from /proc/PID/stat (fields 14 and 15, in clock ticks of 1/100 s on Linux). */
    static double cpuSeconds(long pid) throws IOException {
        String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
        // The command name (field 2) may hold spaces: count fields after its closing parenthesis.
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return (Long.parseLong(f[11]) + Long.parseLong(f[12])) / 100.0;
    }

    static double median(double[] values) {
        double[] v = values.clone();
        Arrays.sort(v);
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }
}
