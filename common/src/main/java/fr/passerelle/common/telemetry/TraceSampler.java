package fr.passerelle.common.telemetry;

import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.trace.data.LinkData;
import io.opentelemetry.sdk.trace.samplers.Sampler;
import io.opentelemetry.sdk.trace.samplers.SamplingResult;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.util.List;

/**
 * Every request is traced, with what it does (SQL, calls to other services): a trace starts at a served request
 * (or a consumed message) and nowhere else. The SQL of the 1 s outbox, webhook and mail pollers, or of Flyway at
 * start, would otherwise open a trace of its own each time and bury the requests' traces; the pollers' health is in
 * the metrics instead (outbox lag, queue depths).
 */
@ApplicationScoped
public class TraceSampler {

    @Produces
    @Singleton
    Sampler sampler(TelemetryConfig config) {
        return sampler(config.spanExport());
    }

    static Sampler sampler(TelemetryConfig.SpanExport export) {
        return export == TelemetryConfig.SpanExport.NONE ? Sampler.alwaysOff() : Sampler.parentBased(new EntryPointsOnly());
    }

    /** For spans without a parent: keep the entry points, drop the rest. */
    static final class EntryPointsOnly implements Sampler {
        @Override
        public SamplingResult shouldSample(Context parentContext, String traceId, String name, SpanKind spanKind,
                Attributes attributes, List<LinkData> parentLinks) {
            return spanKind == SpanKind.SERVER || spanKind == SpanKind.CONSUMER
                    ? SamplingResult.recordAndSample() : SamplingResult.drop();
        }

        @Override
        public String getDescription() {
            return "EntryPointsOnly";
        }
    }
}
