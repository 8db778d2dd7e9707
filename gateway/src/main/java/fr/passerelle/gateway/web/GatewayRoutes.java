package fr.passerelle.gateway.web;

import fr.passerelle.gateway.config.GatewayConfig;
import fr.passerelle.gateway.openapi.MergedOpenApi;
import fr.passerelle.gateway.proxy.ProxyHandler;
import fr.passerelle.gateway.proxy.RouteDef;
import fr.passerelle.gateway.proxy.RouteTable;
import fr.passerelle.gateway.proxy.Upstreams;
import fr.passerelle.gateway.ratelimit.RateLimiter;
import fr.passerelle.gateway.security.ValidatedTokens;
import fr.passerelle.gateway.web.Problems.Kind;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.List;
import java.util.function.BiConsumer;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.logging.Logger;

/**
 * The gateway's request pipeline for /api, in this order: request id and access log; CORS (Quarkus,
 * order -300); per-IP limit; path and size checks; bearer token validation (quarkus-oidc, asked for only
 * here: proactive authentication is off, so a flood is limited before any signature is checked; a token
 * validated moments ago is recognised without checking it again); per-subject limit; 404 outside the
 * route table; relay to the upstream.
 */
@ApplicationScoped
public class GatewayRoutes {

    /** Before Quarkus' CORS filter (-300) so every answer, a refused preflight included, carries X-Request-Id. */
    static final int ORDER_EXCHANGE = -400;
    /** After Quarkus' authentication set-up (-200), which only prepares the deferred identity. */
    static final int ORDER_API = -190;

    private static final Logger LOG = Logger.getLogger(GatewayRoutes.class);
    private static final BiConsumer<RoutingContext, Throwable> LEAVE_FAILURE_TO_PIPELINE = (ctx, failure) -> {
    };
    private static final String BEARER = "Bearer";
    private static final String BEARER_INVALID = "Bearer error=\"invalid_token\"";

    private final GatewayConfig config;
    private final AccessLog accessLog;
    private final RouteTable routes;
    private final ProxyHandler proxy;
    private final RateLimiter perIp;
    private final RateLimiter perSubject;
    private final ValidatedTokens validatedTokens;
    private final IdentityProviderManager identities;
    private final MergedOpenApi openApi;
    private final long maxBodyBytes;
    private long evictionTimer = -1;

    @Inject
    public GatewayRoutes(GatewayConfig config, AccessLog accessLog, Upstreams upstreams,
                         IdentityProviderManager identities, MergedOpenApi openApi) {
        this.config = config;
        this.accessLog = accessLog;
        this.routes = upstreams.routes();
        this.identities = identities;
        this.openApi = openApi;
        requireStrictCors();
        this.maxBodyBytes = config.maxBodySize().asLongValue();
        this.proxy = new ProxyHandler(maxBodyBytes);
        long eviction = config.rateLimit().idleEviction().toNanos();
        GatewayConfig.Limit ip = config.rateLimit().perIp();
        GatewayConfig.Limit sub = config.rateLimit().perSubject();
        this.perIp = new RateLimiter(ip.enabled(), ip.rate(), ip.burst(), eviction);
        this.perSubject = new RateLimiter(sub.enabled(), sub.rate(), sub.burst(), eviction);
        GatewayConfig.TokenCache cache = config.tokenCache();
        this.validatedTokens = new ValidatedTokens(cache.enabled(), cache.maxAge().toNanos(), cache.maxEntries());
    }

    /** CORS is part of the gateway's contract: a wildcard origin would hand any web page the API. */
    private static void requireStrictCors() {
        List<String> origins = ConfigProvider.getConfig().getOptionalValues("quarkus.http.cors.origins", String.class).orElse(List.of());
        for (String origin : origins) {
            if (origin.contains("*") || origin.startsWith("/")) {
                throw new IllegalStateException("quarkus.http.cors.origins must list exact origins, not " + origin);
            }
        }
    }

    void install(@Observes Router router, Vertx vertx) {
        router.route().order(ORDER_EXCHANGE).handler(this::begin);
        router.route("/api/*").order(ORDER_API).handler(this::api);
        router.get("/q/openapi").order(ORDER_API).handler(openApi::handle);
        long period = Math.max(1000, config.rateLimit().idleEviction().toMillis() / 2);
        evictionTimer = vertx.setPeriodic(period, id -> {
            long now = System.nanoTime();
            perIp.evictIdle(now);
            perSubject.evictIdle(now);
            validatedTokens.evictExpired(now);
        });
    }

    void stop(@Observes ShutdownEvent event, Vertx vertx) {
        if (evictionTimer >= 0) {
            vertx.cancelTimer(evictionTimer);
        }
    }

    private void begin(RoutingContext ctx) {
        // Probes, scrapes and the documentation are not part of the API's access log.
        if (!ctx.request().path().startsWith("/q/")) {
            accessLog.begin(ctx);
        }
        ctx.next();
    }

    private void api(RoutingContext ctx) {
        HttpServerRequest request = ctx.request();
        // Hold the body until the upstream request exists; it then streams straight through.
        request.pause();
        Exchange exchange = ctx.get(Exchange.KEY);
        long wait = perIp.acquire(clientIp(request), System.nanoTime());
        if (wait > 0) {
            tooMany(ctx, exchange, wait);
            return;
        }
        String path = request.path();
        if (!acceptablePath(path)) {
            Problems.send(ctx, Kind.BAD_PATH, exchange.requestId);
            return;
        }
        RouteDef route = routes.find(path);
        if (route != null) {
            exchange.route = route.name();
        }
        if (declaredBodyTooLarge(request)) {
            Problems.send(ctx, Kind.PAYLOAD_TOO_LARGE, exchange.requestId);
            return;
        }
        String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
        String known = validatedTokens.subject(authorization, System.nanoTime());
        if (known != null) {
            authorized(ctx, exchange, route, known);
            return;
        }
        // Quarkus would answer a rejected token itself (bare 401); the pipeline answers it as problem+json instead.
        ctx.put(QuarkusHttpUser.AUTH_FAILURE_HANDLER, LEAVE_FAILURE_TO_PIPELINE);
        QuarkusHttpUser.getSecurityIdentity(ctx, identities).subscribe().with(
                identity -> authenticated(ctx, exchange, route, authorization, identity),
                failure -> {
                    if (failure instanceof AuthenticationFailedException) {
                        // The reason (expired, audience, signature…) can be read at DEBUG; the client only learns it was refused.
                        LOG.debugf("requestId=%s token refused", exchange.requestId);
                        unauthorized(ctx, exchange, true);
                    } else {
                        // Keycloak unreachable before its keys were ever fetched: not the caller's fault.
                        LOG.warnf("requestId=%s token could not be checked: %s", exchange.requestId, failure.getClass().getSimpleName());
                        ctx.response().putHeader(Problems.RETRY_AFTER, "5");
                        Problems.send(ctx, Kind.SERVICE_UNAVAILABLE, exchange.requestId);
                    }
                });
    }

    private void authenticated(RoutingContext ctx, Exchange exchange, RouteDef route, String authorization, SecurityIdentity identity) {
        if (identity == null || identity.isAnonymous()) {
            unauthorized(ctx, exchange, false);
            return;
        }
        String subject;
        if (identity.getPrincipal() instanceof JsonWebToken jwt) {
            subject = jwt.getSubject() != null ? jwt.getSubject() : jwt.getName();
            validatedTokens.remember(authorization, subject, jwt.getExpirationTime(), System.nanoTime(), System.currentTimeMillis());
        } else {
            subject = identity.getPrincipal().getName();
        }
        authorized(ctx, exchange, route, subject);
    }

    private void authorized(RoutingContext ctx, Exchange exchange, RouteDef route, String subject) {
        long wait = perSubject.acquire(subject, System.nanoTime());
        if (wait > 0) {
            tooMany(ctx, exchange, wait);
            return;
        }
        if (route == null) {
            Problems.send(ctx, Kind.NOT_FOUND, exchange.requestId);
            return;
        }
        proxy.forward(ctx, exchange, route);
    }

    private void unauthorized(RoutingContext ctx, Exchange exchange, boolean tokenRejected) {
        ctx.response().putHeader(Problems.WWW_AUTHENTICATE, tokenRejected ? BEARER_INVALID : BEARER);
        Problems.send(ctx, Kind.UNAUTHORIZED, exchange.requestId);
    }

    private static void tooMany(RoutingContext ctx, Exchange exchange, long retryAfterSeconds) {
        ctx.response().putHeader(Problems.RETRY_AFTER, String.valueOf(retryAfterSeconds));
        Problems.send(ctx, Kind.TOO_MANY_REQUESTS, exchange.requestId);
    }

    private boolean declaredBodyTooLarge(HttpServerRequest request) {
        String length = request.getHeader(HttpHeaders.CONTENT_LENGTH);
        if (length == null) {
            return false;
        }
        try {
            return Long.parseLong(length.trim()) > maxBodyBytes;
        } catch (NumberFormatException e) {
            return true;
        }
    }

    /** The client address; behind a trusted proxy, set quarkus.http.proxy.* so this is the forwarded one. */
    private static String clientIp(HttpServerRequest request) {
        return request.remoteAddress() == null ? "unknown" : request.remoteAddress().hostAddress();
    }

    /**
     * Refuses dot segments, encoded dots, slashes and backslashes: the path is relayed as sent, so it
     * must mean the same thing to the route table here and to the service there.
     */
    static boolean acceptablePath(String path) {
        if (path.contains("/.") || path.indexOf('\\') >= 0) {
            return false;
        }
        int percent = path.indexOf('%');
        while (percent >= 0) {
            if (percent + 2 >= path.length()) {
                return false;
            }
            char a = path.charAt(percent + 1);
            char b = Character.toLowerCase(path.charAt(percent + 2));
            if ((a == '2' && (b == 'e' || b == 'f')) || (a == '5' && b == 'c') || (a == '0' && b == '0')) {
                return false;
            }
            percent = path.indexOf('%', percent + 1);
        }
        return true;
    }
}
