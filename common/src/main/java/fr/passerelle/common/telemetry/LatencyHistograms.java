package fr.passerelle.common.telemetry;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.Set;

/**
 * Histogram buckets on the HTTP timers (served requests and calls out), so that p95 and p99 can be computed from
 * /q/metrics across instances ({@code histogram_quantile(0.99, sum by (le, uri) (rate(..._bucket[5m])))}).
 * Buckets from 1 ms to 10 s: below is noise, above the callers have given up.
 */
@ApplicationScoped
public class LatencyHistograms {

    static final Set<String> TIMERS = Set.of("http.server.requests", "http.client.requests");
    static final Duration SHORTEST = Duration.ofMillis(1);
    static final Duration LONGEST = Duration.ofSeconds(10);

    @Produces
    @Singleton
    MeterFilter latencyHistograms() {
        return new MeterFilter() {
            @Override
            public DistributionStatisticConfig configure(Meter.Id id, DistributionStatisticConfig config) {
                if (!TIMERS.contains(id.getName())) {
                    return config;
                }
                return DistributionStatisticConfig.builder()
                        .percentilesHistogram(true)
                        .minimumExpectedValue((double) SHORTEST.toNanos())
                        .maximumExpectedValue((double) LONGEST.toNanos())
                        .build()
                        .merge(config);
            }
        };
    }
}
