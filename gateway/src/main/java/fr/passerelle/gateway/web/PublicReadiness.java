package fr.passerelle.gateway.web;

import io.smallrye.health.SmallRyeHealthReporter;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

/**
 * What a load balancer in front of the public port needs, and nothing more: {@code GET /q/health/ready} answers
 * {@code {"status":"UP"}} (200) or {@code {"status":"DOWN"}} (503), without the checks' names or details, which
 * stay on the management interface with the metrics.
 */
@ApplicationScoped
public class PublicReadiness {

    static final String PATH = "/q/health/ready";

    @Inject
    SmallRyeHealthReporter health;

    void install(@Observes Router router) {
        router.get(PATH).handler(this::ready);
    }

    private void ready(RoutingContext ctx) {
        health.getReadinessAsync().subscribe().with(
                result -> answer(ctx, !result.isDown()),
                failure -> answer(ctx, false));
    }

    private static void answer(RoutingContext ctx, boolean up) {
        if (ctx.response().ended()) {
            return;
        }
        ctx.response()
                .setStatusCode(up ? 200 : 503)
                .putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
                .putHeader(HttpHeaders.CACHE_CONTROL, "no-store")
                .end(up ? "{\"status\":\"UP\"}" : "{\"status\":\"DOWN\"}");
    }
}
