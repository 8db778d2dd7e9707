package fr.passerelle.common.telemetry;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.nio.file.Path;
import java.util.Optional;

/** Where a service's spans go. Trace and span ids are in every log line whatever is chosen here. */
@ConfigMapping(prefix = "passerelle.telemetry")
public interface TelemetryConfig {

    /** The property {@link SpanExporters} reads; one name for the annotation and the mapping. */
    String SPAN_EXPORT = "passerelle.telemetry.span-export";

    @WithDefault("none")
    SpanExport spanExport();

    /** With {@code span-export=log}: the file the OTLP-JSON lines are appended to (else the console). */
    Optional<Path> spanFile();

    enum SpanExport {
        /** Spans are made (ids in logs, propagation) but kept nowhere. */
        NONE,
        /** One OTLP-JSON line per exported batch, for a developer to read (deploy/local/trace). */
        LOG,
        /** Quarkus's OTLP exporter, to the collector at quarkus.otel.exporter.otlp.endpoint. */
        OTLP
    }
}
