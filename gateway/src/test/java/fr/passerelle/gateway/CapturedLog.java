package fr.passerelle.gateway;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.jboss.logmanager.ExtLogRecord;

/** Every log record published while open (all loggers, the access log included), for tests that prove what is not logged. */
final class CapturedLog extends Handler implements AutoCloseable {

    /** One captured record, its message formatted. */
    record Line(Level level, String logger, String message, Throwable thrown) {
        @Override
        public String toString() {
            return level + " [" + logger + "] " + message + (thrown == null ? "" : " " + thrown);
        }
    }

    private final List<Line> lines = new CopyOnWriteArrayList<>();

    private CapturedLog() {
    }

    static CapturedLog start() {
        CapturedLog log = new CapturedLog();
        Logger.getLogger("").addHandler(log);
        return log;
    }

    @Override
    public void publish(LogRecord record) {
        String message = record instanceof ExtLogRecord ext ? ext.getFormattedMessage() : record.getMessage();
        lines.add(new Line(record.getLevel(), record.getLoggerName(), message, record.getThrown()));
    }

    List<Line> lines() {
        return List.copyOf(lines);
    }

    /** The access log writes its line once the answer is sent: wait a little for it. */
    List<Line> accessLines(int atLeast) throws InterruptedException {
        for (int i = 0; i < 50 && accessLines().size() < atLeast; i++) {
            Thread.sleep(20);
        }
        return accessLines();
    }

    private List<Line> accessLines() {
        return lines.stream().filter(l -> "fr.passerelle.gateway.access".equals(l.logger())).toList();
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
        Logger.getLogger("").removeHandler(this);
    }
}
