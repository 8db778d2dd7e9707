package fr.passerelle.gateway.web;

import fr.passerelle.common.web.RequestIds;
import fr.passerelle.gateway.config.GatewayConfig;
import fr.passerelle.gateway.openapi.MergedOpenApi;
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
import io.quarkus.vertx.http.ManagementInterface;
import io.quarkus.vertx.http.runtime.RouteConstants;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.quarkus.vertx.http.runtime.security.SecurityHandlerPriorities;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.Arrays;
import java.util.function.BiConsumer;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.logging.Logger;

/**
 * The gateway's request pipeline, in this order: request id, access log and security headers, then the checks
 * every request passes (URI and header sizes, control characters, path, token in the query, declared body size,
 * CORS refusals); CORS (Quarkus' filter); for /api: per-IP limit; bearer token validation (quarkus-oidc, asked
 * for only here: proactive authentication is off, so a flood is limited before any signature is checked; a token
 * validated moments ago is recognised without checking it again); per-subject limit; 404 outside the route table;
 * relay to the upstream. Every other path but /q/… (documentation, public readiness) is a page of the web application:
 * per-IP limit, then relayed as is, with its cookies and no token check (the web application keeps its own session).
 * Whatever fails on the way, or matches no route, answers problem+json (a short French HTML page for a browser asking
 * for a page).
 */
@ApplicationScoped
public class GatewayRoutes {

    /**
     * A filter (Quarkus' public Filters API) that runs before Quarkus' CORS filter, so that every answer, a refused
     * preflight included, carries X-Request-Id and a CORS refusal is problem+json. Named after Quarkus' own constant,
     * not a number copied from it.
     */
    static final int PRIORITY_EXCHANGE = SecurityHandlerPriorities.CORS + 1;
    /**
     * The gateway's own routes (/api, /q/openapi, public readiness) take Vert.x' default order, which comes after every
     * Quarkus filter (CORS, the deferred identity set-up): no order to keep in step with Quarkus. Only the web
     * application's catch-all needs one: after every other route, Quarkus' documentation pages included.
     */
    static final int ORDER_WEB = RouteConstants.ROUTE_ORDER_AFTER_DEFAULT;

    private static final Logger LOG = Logger.getLogger(GatewayRoutes.class);
    private static final CharSequence X_CONTENT_TYPE_OPTIONS = HttpHeaders.createOptimized("X-Content-Type-Options");
    private static final CharSequence NOSNIFF = HttpHeaders.createOptimized("nosniff");
    private static final CharSequence NO_STORE = HttpHeaders.createOptimized("no-store");
    private static final BiConsumer<RoutingContext, Throwable> LEAVE_FAILURE_TO_PIPELINE = (ctx, failure) -> {
    };
    private static final String BEARER = "Bearer";
    private static final String BEARER_INVALID = "Bearer error=\"invalid_token\"";

    private final GatewayConfig config;
    private final AccessLog accessLog;
    private final RouteTable routes;
    private final RateLimiter perIp;
    private final RateLimiter perSubject;
    private final ValidatedTokens validatedTokens;
    private final IdentityProviderManager identities;
    private final MergedOpenApi openApi;
    private final RequestChecks checks;
    private final CrossOriginRefusals crossOrigin;
    private final RouteDef webRoute;
    private long evictionTimer = -1;

    @Inject
    public GatewayRoutes(GatewayConfig config, AccessLog accessLog, Upstreams upstreams,
                         IdentityProviderManager identities, MergedOpenApi openApi) {
        this.config = config;
        this.accessLog = accessLog;
        this.routes = upstreams.routes();
        this.webRoute = upstreams.webRoute();
        this.identities = identities;
        this.openApi = openApi;
        this.crossOrigin = new CrossOriginRefusals(ConfigProvider.getConfig());
        long maxBodyBytes = config.maxBodySize().asLongValue();
        this.checks = new RequestChecks(config.maxUriLength(), config.maxHeaderSize().asLongValue(), maxBodyBytes);
        long eviction = config.rateLimit().idleEviction().toNanos();
        GatewayConfig.Limit ip = config.rateLimit().perIp();
        GatewayConfig.Limit sub = config.rateLimit().perSubject();
        this.perIp = new RateLimiter(ip.enabled(), ip.rate(), ip.burst(), eviction);
        this.perSubject = new RateLimiter(sub.enabled(), sub.rate(), sub.burst(), eviction);
        GatewayConfig.TokenCache cache = config.tokenCache();
        this.validatedTokens = new ValidatedTokens(cache.enabled(), cache.maxAge().toNanos(), cache.maxEntries());
    }

    void filters(@Observes Filters filters) {
        filters.register(this::admit, PRIORITY_EXCHANGE);
    }

    void install(@Observes Router router, Vertx vertx) {
        router.route().failureHandler(this::failed);
        router.route("/api/*").handler(this::api);
        router.route("/q/openapi").handler(this::openApi);
        if (webRoute != null) {
            router.route().order(ORDER_WEB).handler(this::page);
        }
        // No route for this path, or none for this method: Vert.x' own answers are HTML.
        router.errorHandler(404, ctx -> Problems.send(ctx, Kind.NOT_FOUND, requestId(ctx)));
        router.errorHandler(405, ctx -> Problems.send(ctx, Kind.METHOD_NOT_ALLOWED, requestId(ctx)));
        long period = Math.max(1000, config.rateLimit().idleEviction().toMillis() / 2);
        evictionTimer = vertx.setPeriodic(period, id -> {
            long now = System.nanoTime();
            perIp.evictIdle(now);
            perSubject.evictIdle(now);
        });
    }

    void stop(@Observes ShutdownEvent event, Vertx vertx) {
        if (evictionTimer >= 0) {
            vertx.cancelTimer(evictionTimer);
        }
    }

    /** Health and metrics live on the management interface; its answers carry nosniff too. */
    void installManagement(@Observes ManagementInterface management) {
        management.router().route().order(RouteConstants.ROUTE_ORDER_HEADERS).handler(ctx -> {
            ctx.addHeadersEndHandler(v -> ctx.response().headers().set(X_CONTENT_TYPE_OPTIONS, NOSNIFF));
            ctx.next();
        });
    }

    private void admit(RoutingContext ctx) {
        HttpServerRequest request = ctx.request();
        String path = request.path();
        boolean api = path != null && path.startsWith("/api/");
        Exchange exchange = accessLog.begin(ctx, path != null && path.startsWith("/q/"));
        HttpServerResponse response = ctx.response();
        // Set last, so a relayed answer keeps its own Cache-Control and nothing can take nosniff away.
        ctx.addHeadersEndHandler(v -> {
            MultiMap headers = response.headers();
            headers.set(X_CONTENT_TYPE_OPTIONS, NOSNIFF);
            if (api && !headers.contains(HttpHeaders.CACHE_CONTROL)) {
                headers.set(HttpHeaders.CACHE_CONTROL, NO_STORE);
            }
        });
        Kind refusal = checks.refusal(request);
        if (refusal == null && crossOrigin.refuses(request)) {
            refusal = Kind.ORIGIN_REFUSED;
        }
        if (refusal == Kind.MALFORMED_TOKEN && !api) {
            refusal = null; // only the API reads credentials
        }
        if (refusal == Kind.MALFORMED_TOKEN) {
            ctx.response().putHeader(Problems.WWW_AUTHENTICATE, BEARER_INVALID);
        }
        if (refusal != null) {
            Problems.send(ctx, refusal, exchange.requestId);
            return;
        }
        if (api) {
            exchange.target = routes.find(path);
            if (exchange.target != null) {
                exchange.route = exchange.target.name();
            }
        } else if (webRoute != null && isPage(path)) {
            exchange.page = true;
            exchange.target = webRoute;
            exchange.route = webRoute.name();
        }
        ctx.next();
    }

    /** Not the API's (nor a mistyped /api), not the gateway's own /q/ documents: a page of the web application. */
    static boolean isPage(String path) {
        return path != null && !path.equals("/api") && !path.startsWith("/api/") && !path.equals("/q") && !path.startsWith("/q/");
    }

    /** Reached only when no route of the gateway's own answered; no token check, the web application has its session. */
    private void page(RoutingContext ctx) {
        Exchange exchange = ctx.get(Exchange.KEY);
        if (exchange == null || !exchange.page) {
            ctx.next();
            return;
        }
        HttpServerRequest request = ctx.request();
        request.pause();
        long wait = perIp.acquire(clientIp(request), System.nanoTime());
        if (wait > 0) {
            tooMany(ctx, exchange, wait);
            return;
        }
        webRoute.upstream().proxy().handle(ctx.request());
    }

    private void openApi(RoutingContext ctx) {
        HttpMethod method = ctx.request().method();
        if (method == HttpMethod.GET || method == HttpMethod.HEAD) {
            openApi.handle(ctx);
        } else {
            ctx.response().putHeader(HttpHeaders.ALLOW, "GET, HEAD");
            Problems.send(ctx, Kind.METHOD_NOT_ALLOWED, requestId(ctx));
        }
    }

    /** A failed route answers problem+json; an unexpected exception is logged on one line, never with its message. */
    private void failed(RoutingContext ctx) {
        Throwable failure = ctx.failure();
        Kind kind = switch (ctx.statusCode()) {
            case 400 -> Kind.BAD_REQUEST;
            case 401 -> Kind.UNAUTHORIZED;
            case 403 -> Kind.FORBIDDEN;
            case 404 -> Kind.NOT_FOUND;
            case 405 -> Kind.METHOD_NOT_ALLOWED;
            case 413 -> Kind.PAYLOAD_TOO_LARGE;
            case 414 -> Kind.URI_TOO_LONG;
            case 431 -> Kind.HEADERS_TOO_LARGE;
            case 503 -> Kind.SERVICE_UNAVAILABLE;
            default -> Kind.INTERNAL;
        };
        String requestId = requestId(ctx);
        if (kind == Kind.INTERNAL) {
            LOG.errorf("requestId=%s unexpected %s at %s", requestId,
                    failure == null ? "status " + ctx.statusCode() : failure.getClass().getName(), firstFrames(failure));
        }
        if (kind == Kind.UNAUTHORIZED) {
            ctx.response().putHeader(Problems.WWW_AUTHENTICATE, BEARER);
        }
        Problems.send(ctx, kind, requestId);
    }

    private static String firstFrames(Throwable failure) {
        if (failure == null) {
            return "-";
        }
        return Arrays.stream(failure.getStackTrace()).limit(8).map(StackTraceElement::toString).collect(Collectors.joining(" < "));
    }

    private static String requestId(RoutingContext ctx) {
        Exchange exchange = ctx.get(Exchange.KEY);
        return exchange != null ? exchange.requestId : RequestIds.acceptOrCreate(ctx.request().getHeader(RequestIds.HEADER));
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
        RouteDef route = exchange.target;
        String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
        String known = validatedTokens.subject(authorization);
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
            validatedTokens.remember(authorization, subject, jwt.getExpirationTime(), System.currentTimeMillis());
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
        route.upstream().proxy().handle(ctx.request());
    }

    private void unauthorized(RoutingContext ctx, Exchange exchange, boolean tokenRejected) {
        ctx.response().putHeader(Problems.WWW_AUTHENTICATE, tokenRejected ? BEARER_INVALID : BEARER);
        Problems.send(ctx, Kind.UNAUTHORIZED, exchange.requestId);
    }

    private static void tooMany(RoutingContext ctx, Exchange exchange, long retryAfterSeconds) {
        ctx.response().putHeader(Problems.RETRY_AFTER, String.valueOf(retryAfterSeconds));
        Problems.send(ctx, Kind.TOO_MANY_REQUESTS, exchange.requestId);
    }

    /** The client address; behind a trusted proxy, set quarkus.http.proxy.* so this is the forwarded one. */
    private static String clientIp(HttpServerRequest request) {
        return request.remoteAddress() == null ? "unknown" : request.remoteAddress().hostAddress();
    }
}
