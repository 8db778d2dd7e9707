package fr.passerelle.gateway.health;

import fr.passerelle.gateway.config.GatewayConfig;
import fr.passerelle.gateway.proxy.Upstream;
import fr.passerelle.gateway.proxy.Upstreams;
import io.smallrye.health.api.AsyncHealthCheck;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Future;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Reports each upstream's liveness as data of the gateway's readiness. The check itself stays UP when
 * a service is down: the gateway can still serve the other service's routes (and answers problem+json
 * 502/503 on the missing one's), so taking the whole gateway out of rotation would turn one service's
 * outage into a full one. Orchestrators that want the opposite read the per-upstream data.
 */
@Readiness
@ApplicationScoped
public class UpstreamsReadiness implements AsyncHealthCheck {

    private final Upstreams upstreams;
    private final long timeoutMillis;

    @Inject
    public UpstreamsReadiness(Upstreams upstreams, GatewayConfig config) {
        this.upstreams = upstreams;
        this.timeoutMillis = config.health().upstreamTimeout().toMillis();
    }

    @Override
    public Uni<HealthCheckResponse> call() {
        List<Upstream> all = new ArrayList<>(upstreams.byName().values());
        List<Future<Boolean>> probes = new ArrayList<>();
        for (Upstream upstream : all) {
            probes.add(probe(upstream));
        }
        Future<HealthCheckResponse> response = Future.join(probes).transform(ignored -> {
            HealthCheckResponseBuilder builder = HealthCheckResponse.named("upstreams").up();
            for (int i = 0; i < all.size(); i++) {
                Upstream upstream = all.get(i);
                Future<Boolean> probe = probes.get(i);
                builder.withData(upstream.name(), probe.succeeded() && probe.result() ? "UP" : "DOWN");
                if (upstream.breaker().isOpen()) {
                    builder.withData(upstream.name() + ".circuit", "OPEN");
                }
            }
            return Future.succeededFuture(builder.build());
        });
        return Uni.createFrom().completionStage(response.toCompletionStage());
    }

    private Future<Boolean> probe(Upstream upstream) {
        // Health lives on the service's management interface, not on the port the API is relayed to.
        // A header map of its own: Quarkus 3.30's tracer fails to inject traceparent into a request created without one.
        RequestOptions options = new RequestOptions().setMethod(HttpMethod.GET).setAbsoluteURI(upstream.livenessUrl())
                .putHeader(HttpHeaders.ACCEPT, "application/json")
                .setTimeout(timeoutMillis);
        return upstream.client().request(options)
                .compose(request -> request.send())
                .compose(response -> response.body().map(body -> response.statusCode() == 200));
    }
}
