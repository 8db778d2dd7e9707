package fr.passerelle.testing;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.stream.Collectors;

/**
 * Every log record a service in the same JVM (a @QuarkusTest) writes while this is open, as text: message,
 * parameters and exception messages, so a test can check that no line holds a token or personal data.
 * Also listens on the access-log category, which tests keep off the console (use-parent-handlers=false).
 */
public final class CapturedLogs implements AutoCloseable {

    public static final String ACCESS_LOG_CATEGORY = "io.quarkus.http.access-log";

    private final List<String> all = new CopyOnWriteArrayList<>();
    private final List<String> accessLog = new CopyOnWriteArrayList<>();
    private final Handler rootHandler = handler(all);
    private final Handler accessLogHandler = handler(accessLog);

    private CapturedLogs() {
    }

    public static CapturedLogs start() {
        CapturedLogs logs = new CapturedLogs();
        Logger.getLogger("").addHandler(logs.rootHandler);
        Logger.getLogger(ACCESS_LOG_CATEGORY).addHandler(logs.accessLogHandler);
        return logs;
    }

    /** Every captured line (access log included), one per line. */
    public String all() {
        return String.join("\n", all) + "\n" + accessLog();
    }

    public String accessLog() {
        return String.join("\n", accessLog);
    }

    /** The access log is written once the response has gone: wait for it (5 s at most). */
    public void awaitAccessLogLines(int count) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(5));
        while (accessLog.size() < count && Instant.now().isBefore(deadline)) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        if (accessLog.size() < count) {
            throw new AssertionError("expected " + count + " access-log lines, got:\n" + accessLog());
        }
    }

    @Override
    public void close() {
        Logger.getLogger("").removeHandler(rootHandler);
        Logger.getLogger(ACCESS_LOG_CATEGORY).removeHandler(accessLogHandler);
    }

    private static Handler handler(List<String> into) {
        Handler handler = new Handler() {
            @Override
            public void publish(LogRecord record) {
                into.add(text(record));
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        handler.setLevel(Level.ALL);
        return handler;
    }

    private static String text(LogRecord record) {
        StringBuilder text = new StringBuilder(String.valueOf(record.getMessage()));
        if (record.getParameters() != null) {
            text.append(' ').append(Arrays.stream(record.getParameters()).map(String::valueOf).collect(Collectors.joining(" ")));
        }
        for (Throwable t = record.getThrown(); t != null; t = t.getCause()) {
            text.append(' ').append(t);
        }
        return text.toString();
    }
}
