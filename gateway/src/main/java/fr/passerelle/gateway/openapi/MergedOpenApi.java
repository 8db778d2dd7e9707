package fr.passerelle.gateway.openapi;

import fr.passerelle.gateway.config.GatewayConfig;
import fr.passerelle.gateway.proxy.RouteTable;
import fr.passerelle.gateway.proxy.Upstream;
import fr.passerelle.gateway.proxy.Upstreams;
import fr.passerelle.gateway.web.Exchange;
import fr.passerelle.gateway.web.Problems;
import fr.passerelle.gateway.web.Problems.Kind;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.logging.Logger;

/**
 * Serves the merged OpenAPI document at /q/openapi. Fetched from the services on the first request,
 * then again when a request finds it older than the cache TTL. A service that does not answer is left
 * out of that merge unless an earlier copy of its document is at hand, so one service down never takes
 * the documentation of the other away.
 */
@ApplicationScoped
public class MergedOpenApi {

    private static final Logger LOG = Logger.getLogger(MergedOpenApi.class);
    private static final String DOC_PATH = "/q/openapi?format=json";
    private static final String DESCRIPTION = "The public API of Passerelle, the shared record of the partners who fight school dropout "
            + "in a territory. Every operation needs a bearer token from the Passerelle realm; errors are RFC 9457 "
            + "problem+json with a requestId also found in the X-Request-Id header.";

    private final Upstreams upstreams;
    private final GatewayConfig.OpenApi config;
    private final Map<String, JsonObject> lastGood = new ConcurrentHashMap<>();
    private volatile Buffer cached;
    private volatile long cachedAt;
    private Future<Buffer> inFlight;

    @Inject
    public MergedOpenApi(Upstreams upstreams, GatewayConfig config) {
        this.upstreams = upstreams;
        this.config = config.openapi();
    }

    public void handle(RoutingContext ctx) {
        Buffer current = cached;
        if (current != null && System.nanoTime() - cachedAt < config.cacheTtl().toNanos()) {
            send(ctx, current);
            return;
        }
        refresh().onComplete(result -> {
            if (result.succeeded()) {
                send(ctx, result.result());
            } else {
                Exchange exchange = ctx.get(Exchange.KEY);
                ctx.response().putHeader(Problems.RETRY_AFTER, "5");
                Problems.send(ctx, Kind.SERVICE_UNAVAILABLE, exchange == null ? null : exchange.requestId);
            }
        });
    }

    private static void send(RoutingContext ctx, Buffer document) {
        ctx.response().putHeader(HttpHeaders.CONTENT_TYPE, "application/json;charset=UTF-8")
                .putHeader(HttpHeaders.CACHE_CONTROL, "no-cache")
                .end(document);
    }

    /** One merge at a time; concurrent callers share it. */
    synchronized Future<Buffer> refresh() {
        if (inFlight != null) {
            return inFlight;
        }
        Promise<Buffer> promise = Promise.promise();
        inFlight = promise.future();
        List<String> names = new ArrayList<>(upstreams.apiByName().keySet());
        List<Future<JsonObject>> fetches = new ArrayList<>();
        for (String name : names) {
            fetches.add(fetch(upstreams.apiByName().get(name)));
        }
        Future.join(fetches).onComplete(all -> {
            try {
                Map<String, JsonObject> documents = new java.util.LinkedHashMap<>();
                List<String> unavailable = new ArrayList<>();
                for (int i = 0; i < names.size(); i++) {
                    String name = names.get(i);
                    Future<JsonObject> fetch = fetches.get(i);
                    if (fetch.succeeded()) {
                        lastGood.put(name, fetch.result());
                    } else {
                        LOG.warnf("OpenAPI document of %s unavailable (%s)%s", name, fetch.cause().getClass().getSimpleName(),
                                lastGood.containsKey(name) ? "; using the last one fetched" : "");
                    }
                    JsonObject document = lastGood.get(name);
                    if (document == null) {
                        unavailable.add(name);
                    } else {
                        documents.put(name, document);
                    }
                }
                List<OpenApiMerger.Source> sources = sources(documents);
                JsonObject merged = OpenApiMerger.merge(sources, unavailable, settings(config.serverUrl(), config.oauthRealmUrl()));
                Buffer encoded = merged.toBuffer();
                if (unavailable.isEmpty()) {
                    cached = encoded;
                    cachedAt = System.nanoTime();
                } else {
                    // Incomplete: keep it only briefly so the missing service shows up as soon as it answers.
                    cached = encoded;
                    cachedAt = System.nanoTime() - config.cacheTtl().toNanos() + Math.min(config.cacheTtl().toNanos(), 2_000_000_000L);
                }
                promise.complete(encoded);
            } catch (RuntimeException e) {
                LOG.errorf("Merging the OpenAPI documents failed: %s", e.getClass().getName());
                promise.fail(e);
            } finally {
                synchronized (this) {
                    inFlight = null;
                }
            }
        });
        return promise.future();
    }

    /** The services' documents (by upstream name) as merge sources: each exposes the paths the gateway routes to it. */
    public List<OpenApiMerger.Source> sources(Map<String, JsonObject> documents) {
        RouteTable routes = upstreams.routes();
        List<OpenApiMerger.Source> sources = new ArrayList<>();
        documents.forEach((name, document) -> {
            Upstream upstream = upstreams.apiByName().get(name);
            if (upstream == null) {
                throw new IllegalArgumentException("no upstream " + name);
            }
            sources.add(new OpenApiMerger.Source(name, document, path -> routes.upstreamOf(path) == upstream));
        });
        return sources;
    }

    /** The merge settings of this gateway, for a given public URL and realm URL. */
    public OpenApiMerger.Settings settings(String serverUrl, String realmUrl) {
        return new OpenApiMerger.Settings(config.title(), config.version(), DESCRIPTION, serverUrl, realmUrl,
                config.contactName(), config.contactEmail(), config.contactUrl().orElse(null));
    }

    private Future<JsonObject> fetch(Upstream upstream) {
        RequestOptions options = new RequestOptions().setMethod(HttpMethod.GET).setURI(DOC_PATH)
                .setTimeout(config.fetchTimeout().toMillis())
                .putHeader(HttpHeaders.ACCEPT, "application/json");
        return upstream.client().request(options)
                .compose(request -> request.send())
                .compose(response -> {
                    if (response.statusCode() != 200) {
                        response.handler(null);
                        response.resume();
                        return Future.failedFuture(new IllegalStateException("status " + response.statusCode()));
                    }
                    return response.body();
                })
                .map(JsonObject::new);
    }
}
