package fr.passerelle.common.telemetry;

import io.opentelemetry.exporter.logging.otlp.OtlpJsonLoggingSpanExporter;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import io.quarkus.arc.lookup.LookupUnlessProperty;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.logging.Logger;
import org.jboss.logmanager.formatters.PatternFormatter;
import org.jboss.logmanager.handlers.FileHandler;

/**
 * The span exporter for {@code passerelle.telemetry.span-export=none|log}. Quarkus installs its own OTLP exporter
 * only when no {@link SpanExporter} bean can be looked up, so with {@code otlp} this producer steps aside.
 */
@ApplicationScoped
public class SpanExporters {

    // java.util.logging keeps loggers weakly: hold the one that carries the file handler.
    private Logger spanLogger;

    @Produces
    @Singleton
    @LookupUnlessProperty(name = TelemetryConfig.SPAN_EXPORT, stringValue = "otlp", lookupIfMissing = true)
    SpanExporter spanExporter(TelemetryConfig config) {
        return switch (config.spanExport()) {
            case LOG -> {
                config.spanFile().ifPresent(file -> spanLogger = intoFile(file));
                yield new RedactedSpans(OtlpJsonLoggingSpanExporter.create());
            }
            // "otlp" with a different case reaches here too: say nothing, export nothing.
            case NONE, OTLP -> SpanExporter.composite();
        };
    }

    /**
     * The logging exporter writes through java.util.logging under its class name: send those records, message
     * only, to their own file rather than into the service's log.
     */
    private static Logger intoFile(Path file) {
        Logger logger = Logger.getLogger(OtlpJsonLoggingSpanExporter.class.getName());
        try {
            if (file.getParent() != null) {
                Files.createDirectories(file.getParent());
            }
            FileHandler handler = new FileHandler(new PatternFormatter("%s%n"), file.toFile(), true);
            handler.setAutoFlush(true);
            logger.addHandler(handler);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write spans to " + file, e);
        }
        logger.setUseParentHandlers(false);
        return logger;
    }
}
