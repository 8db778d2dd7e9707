package fr.passerelle.gateway.web;

import fr.passerelle.common.web.RequestIds;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReferenceArray;
import org.jboss.logging.Logger;

/**
 * One access-log line and one timer sample per request. The line holds the request id, route,
 * method, path (never the query string), status and latency; never a header value, token or body,
 * since query strings and bodies may carry personal data.
 */
@ApplicationScoped
public class AccessLog {

    private static final Logger LOG = Logger.getLogger("fr.passerelle.gateway.access");
    private static final int MAX_PATH = 200;

    private final MeterRegistry registry;
    /** route name → timers indexed by status code, created on first use. */
    private final ConcurrentHashMap<String, AtomicReferenceArray<Timer>> timers = new ConcurrentHashMap<>();

    @Inject
    public AccessLog(MeterRegistry registry) {
        this.registry = registry;
    }

    /**
     * Starts the exchange: keeps or makes the request id, puts it on the request (relayed upstream) and the response.
     *
     * @param onlyIfRefused the documentation's pages and assets are not part of the API's access log, unless refused
     */
    public Exchange begin(RoutingContext ctx, boolean onlyIfRefused) {
        HttpServerRequest request = ctx.request();
        String requestId = RequestIds.acceptOrCreate(request.getHeader(RequestIds.HEADER));
        request.headers().set(RequestIds.HEADER, requestId);
        ctx.response().headers().set(RequestIds.HEADER, requestId);
        Exchange exchange = new Exchange(requestId, System.nanoTime());
        ctx.put(Exchange.KEY, exchange);
        ctx.addEndHandler(result -> end(ctx, exchange, result.succeeded(), onlyIfRefused));
        return exchange;
    }

    private void end(RoutingContext ctx, Exchange exchange, boolean completed, boolean onlyIfRefused) {
        long nanos = System.nanoTime() - exchange.startNanos;
        int status = ctx.response().getStatusCode();
        if (onlyIfRefused && status < 400 && completed) {
            return;
        }
        timer(exchange.route, status).record(nanos, TimeUnit.NANOSECONDS);
        if (LOG.isInfoEnabled()) {
            HttpServerRequest request = ctx.request();
            String path = request.path();
            if (path != null && path.length() > MAX_PATH) {
                path = path.substring(0, MAX_PATH) + "…";
            }
            StringBuilder line = new StringBuilder(160)
                    .append("requestId=").append(exchange.requestId)
                    .append(" route=").append(exchange.route)
                    .append(" method=").append(request.method().name())
                    .append(" path=").append(path)
                    .append(" status=").append(status)
                    .append(" durationMs=").append(nanos / 1_000_000).append('.');
            long micros = (nanos / 1000) % 1000;
            if (micros < 100) {
                line.append('0');
            }
            if (micros < 10) {
                line.append('0');
            }
            line.append(micros);
            if (!completed) {
                line.append(" aborted=true");
            }
            LOG.info(line);
        }
    }

    Timer timer(String route, int status) {
        AtomicReferenceArray<Timer> byStatus = timers.computeIfAbsent(route, r -> new AtomicReferenceArray<>(600));
        int index = status >= 100 && status < 600 ? status : 0;
        Timer timer = byStatus.get(index);
        if (timer == null) {
            timer = Timer.builder("gateway.requests")
                    .description("Requests answered by the gateway, by route and status")
                    .tag("route", route)
                    .tag("status", String.valueOf(status))
                    .register(registry);
            byStatus.set(index, timer);
        }
        return timer;
    }
}
