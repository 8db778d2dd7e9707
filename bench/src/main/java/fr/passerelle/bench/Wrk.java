package fr.passerelle.bench;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Closed-loop load with wrk (Debian package): each connection sends its next request as soon as the previous answer
 * is in, so the figure is the path's throughput at saturation, not a latency. One thread: the other core is the
 * system under test's.
 */
final class Wrk {

    private static final Pattern RPS = Pattern.compile("Requests/sec:\\s+([0-9.]+)");
    private static final Pattern TOTAL = Pattern.compile("^\\s*([0-9]+) requests in", Pattern.MULTILINE);
    private static final Pattern NON_2XX = Pattern.compile("Non-2xx or 3xx responses:\\s+([0-9]+)");
    private static final Pattern SOCKET = Pattern.compile("Socket errors: connect ([0-9]+), read ([0-9]+), write ([0-9]+), timeout ([0-9]+)");

    record Run(double requestsPerSecond, long requests, long errors) {
    }

    private Wrk() {
    }

    static Run run(String wrk, URI url, String token, int connections, int seconds, Path log) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(List.of(wrk, "-t1", "-c" + connections, "-d" + seconds + "s", "--timeout", "5s",
                "-H", "Authorization: Bearer " + token, url.toString())).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!p.waitFor(seconds + 30L, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException("wrk did not finish (log: " + log + ")");
        }
        Run r = parse(Files.readString(log));
        if (r == null) {
            throw new IllegalStateException("no Requests/sec in wrk's output (log: " + log + ")");
        }
        return r;
    }

    /** The figures of wrk's summary; null when it has none (wrk failed). */
    static Run parse(String out) {
        Matcher rps = RPS.matcher(out);
        if (!rps.find()) {
            return null;
        }
        Matcher total = TOTAL.matcher(out);
        long requests = total.find() ? Long.parseLong(total.group(1)) : 0;
        long errors = 0;
        Matcher non2xx = NON_2XX.matcher(out);
        if (non2xx.find()) {
            errors += Long.parseLong(non2xx.group(1));
        }
        Matcher socket = SOCKET.matcher(out);
        if (socket.find()) {
            for (int g = 1; g <= 4; g++) {
                errors += Long.parseLong(socket.group(g));
            }
        }
        return new Run(Double.parseDouble(rps.group(1)), requests, errors);
    }
}
