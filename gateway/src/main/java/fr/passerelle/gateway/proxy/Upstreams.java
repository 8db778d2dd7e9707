package fr.passerelle.gateway.proxy;

import fr.passerelle.gateway.config.GatewayConfig;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import io.vertx.httpproxy.HttpProxy;
import io.vertx.httpproxy.ProxyContext;
import fr.passerelle.gateway.web.Exchange;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.util.ArrayList;
import java.util.TreeMap;
import java.util.List;
import java.util.Map;

/** The upstream services and the route table, built once from configuration. */
@ApplicationScoped
public class Upstreams {

    // Sorted by name: the merged OpenAPI document (whose renames depend on order) comes out the same every time.
    private final Map<String, Upstream> byName = new TreeMap<>();
    private final RouteTable routes;
    /** The services whose API the gateway publishes (everything but the web application). */
    private final Map<String, Upstream> apiByName = new TreeMap<>();
    private final RouteDef webRoute;

    @Inject
    public Upstreams(Vertx vertx, GatewayConfig config) {
        long maxBodyBytes = config.maxBodySize().asLongValue();
        config.upstreams().forEach((name, c) -> byName.put(name, create(vertx, name, c, maxBodyBytes)));
        List<RouteDef> defs = new ArrayList<>();
        config.routes().forEach((name, r) -> {
            Upstream upstream = byName.get(r.upstream());
            if (upstream == null) {
                throw new IllegalStateException("gateway.routes." + name + ".upstream names no gateway.upstreams entry: " + r.upstream());
            }
            String prefix = r.prefix().endsWith("/") ? r.prefix().substring(0, r.prefix().length() - 1) : r.prefix();
            if (!prefix.startsWith("/api/")) {
                throw new IllegalStateException("gateway.routes." + name + ".prefix must start with /api/: " + prefix);
            }
            defs.add(new RouteDef(name, prefix, upstream, r.timeout().toMillis()));
        });
        this.routes = new RouteTable(defs);
        String webName = config.web().upstream();
        Upstream web = byName.get(webName);
        for (RouteDef def : defs) {
            if (def.upstream() == web) {
                throw new IllegalStateException("gateway.routes." + def.name() + " goes to the web application's upstream " + webName);
            }
        }
        this.webRoute = web == null ? null : new RouteDef(webName, "/", web, config.web().timeout().toMillis());
        byName.forEach((name, upstream) -> {
            if (upstream != web) {
                apiByName.put(name, upstream);
            }
        });
    }

    private static Upstream create(Vertx vertx, String name, GatewayConfig.Upstream c, long maxBodyBytes) {
        URI url = c.url();
        if (!"http".equals(url.getScheme()) || url.getHost() == null) {
            throw new IllegalStateException("gateway.upstreams." + name + ".url must be http://host:port: " + url);
        }
        int port = url.getPort() == -1 ? 80 : url.getPort();
        HttpClientOptions options = new HttpClientOptions()
                .setDefaultHost(url.getHost())
                .setDefaultPort(port)
                .setKeepAlive(true)
                .setKeepAliveTimeout(60)
                .setPipelining(false)
                .setTcpNoDelay(true)
                .setConnectTimeout((int) c.connectTimeout().toMillis())
                // Bodies pass through untouched, compressed or not.
                .setDecompressionSupported(false)
                .setName("gateway-" + name);
        PoolOptions pool = new PoolOptions()
                .setHttp1MaxSize(c.maxConnections())
                .setMaxWaitQueueSize(c.maxWaitQueue());
        HttpClient client = vertx.httpClientBuilder().with(options).with(pool)
                // Each request handles its own failure (problem+json); a reset connection needs no second, ERROR-level report.
                .withConnectHandler(connection -> connection.exceptionHandler(ignored -> {
                }))
                .build();
        UpstreamBreaker breaker = new UpstreamBreaker(name, c.circuitBreaker().failureThreshold(), c.circuitBreaker().openDuration());
        String origin = url.getScheme() + "://" + url.getHost() + ":" + port;
        HttpProxy proxy = HttpProxy.reverseProxy(client)
                // Default host and port are the client's; method, URI and headers are set by the proxy.
                .origin(context -> client.request(new RequestOptions().setIdleTimeout(timeoutMillis(context))))
                .addInterceptor(new ForwardingRules(name, origin, breaker, maxBodyBytes));
        return new Upstream(name, origin, livenessUrl(name, c.managementUrl().orElse(url)), client, proxy, breaker);
    }

    /** The route's timeout: the longest silence of the upstream (waiting for its answer, or within it), then 504. */
    private static long timeoutMillis(ProxyContext context) {
        Exchange exchange = ForwardingRules.routingContext(context).get(Exchange.KEY);
        return exchange.target.timeoutMillis();
    }

    private static String livenessUrl(String name, URI management) {
        if (!"http".equals(management.getScheme()) || management.getHost() == null) {
            throw new IllegalStateException("gateway.upstreams." + name + ".management-url must be http://host:port: " + management);
        }
        String base = management.toString();
        return (base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + "/q/health/live";
    }

    public RouteTable routes() {
        return routes;
    }

    /** Every upstream, the web application's included (readiness reports them all). */
    public Map<String, Upstream> byName() {
        return byName;
    }

    /** The upstreams that publish part of the API (and an OpenAPI document). */
    public Map<String, Upstream> apiByName() {
        return apiByName;
    }

    /** The route of the web application's pages, or null when no web upstream is configured. */
    public RouteDef webRoute() {
        return webRoute;
    }

    @PreDestroy
    void close() {
        byName.values().forEach(u -> u.client().close());
    }
}
