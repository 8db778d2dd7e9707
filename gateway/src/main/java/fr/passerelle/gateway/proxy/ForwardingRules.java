package fr.passerelle.gateway.proxy;

import fr.passerelle.gateway.web.Exchange;
import fr.passerelle.gateway.web.Problems;
import fr.passerelle.gateway.web.Problems.Kind;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.http.ConnectionPoolTooBusyException;
import io.vertx.core.http.HttpClosedException;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.HostAndPort;
import io.vertx.core.streams.ReadStream;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.WebServerRequest;
import io.vertx.httpproxy.Body;
import io.vertx.httpproxy.ProxyContext;
import io.vertx.httpproxy.ProxyInterceptor;
import io.vertx.httpproxy.ProxyRequest;
import io.vertx.httpproxy.ProxyResponse;
import java.io.IOException;
import java.net.ConnectException;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.jboss.logging.Logger;

/**
 * The gateway's rules around Vert.x's reverse proxy, for one upstream. Vert.x drops most hop-by-hop request headers
 * and streams both bodies with back-pressure; this adds what it leaves to the application: the rest of the hop-by-hop
 * headers (both ways), the forwarding headers, the body limit while streaming, the circuit breaker, and the failures
 * as problem+json (502 refused or broken, 503 unavailable or circuit open, 504 too slow). Its answers never carry an
 * upstream's body, host or exception text.
 */
final class ForwardingRules implements ProxyInterceptor {

    private static final Logger LOG = Logger.getLogger(ForwardingRules.class);
    /** A problem the gateway answers itself instead of the upstream's answer. */
    private static final String PROBLEM = "passerelle.problem";
    /** Set when a chunked body outgrew the limit while it was relayed. */
    private static final String TOO_LARGE = "passerelle.too-large";
    /** Hop-by-hop headers Vert.x's proxy relays: RFC 9110 §7.6.1 plus Expect (answered here) and Proxy-Connection. */
    private static final List<String> REQUEST_HOP_BY_HOP = List.of("expect", "proxy-connection");
    private static final List<String> RESPONSE_HOP_BY_HOP = List.of("connection", "keep-alive", "proxy-connection",
            "proxy-authenticate", "proxy-authorization", "te", "trailer", "upgrade", "transfer-encoding");

    private final String upstream;
    /** scheme://host:port of the upstream, as it may name itself in a Location header. */
    private final String origin;
    private final UpstreamBreaker breaker;
    private final long maxBodyBytes;

    ForwardingRules(String upstream, String origin, UpstreamBreaker breaker, long maxBodyBytes) {
        this.upstream = upstream;
        this.origin = origin;
        this.breaker = breaker;
        this.maxBodyBytes = maxBodyBytes;
    }

    static RoutingContext routingContext(ProxyContext context) {
        return ((WebServerRequest) context.request().proxiedRequest()).routingContext();
    }

    @Override
    public Future<ProxyResponse> handleProxyRequest(ProxyContext context) {
        ProxyRequest request = context.request();
        HttpServerRequest client = request.proxiedRequest();
        Exchange exchange = routingContext(context).get(Exchange.KEY);
        MultiMap headers = request.headers();
        removeListedInConnection(headers);
        REQUEST_HOP_BY_HOP.forEach(headers::remove);
        // The caller's trace context was taken up by the gateway's own span: the upstream gets that span's, which
        // Quarkus' tracing of the HTTP client writes, and would not replace a copied one.
        headers.remove("traceparent");
        headers.remove("tracestate");
        setForwarding(headers, client, exchange.page);
        boolean bodiless = !client.headers().contains(HttpHeaders.CONTENT_LENGTH)
                && !client.headers().contains(HttpHeaders.TRANSFER_ENCODING);
        if (bodiless) {
            // Nothing to relay, and a request without a body can be sent again on a fresh connection (below).
            request.setBody(null);
            client.resume();
        } else if (!client.headers().contains(HttpHeaders.CONTENT_LENGTH)) {
            // A declared length was checked before; a chunked body is counted as it streams.
            request.setBody(Body.body(new LimitedBody(client, maxBodyBytes, () -> context.set(TOO_LARGE, true)), -1));
        }
        if (client.headers().contains(HttpHeaders.EXPECT, HttpHeaders.CONTINUE, true)) {
            // Token, limits and size are checked: now the client may send its body.
            client.response().writeContinue();
        }
        boolean resendable = bodiless && (client.method() == HttpMethod.GET || client.method() == HttpMethod.HEAD);
        return breaker.<ProxyResponse>call(() -> context.sendRequest()
                        // A pooled connection can be dead without the pool knowing (the upstream restarted): once more.
                        .recover(failure -> resendable && !client.response().headWritten() && isClosedConnection(failure)
                                ? context.sendRequest() : Future.failedFuture(failure)))
                .recover(failure -> Future.succeededFuture(problem(context, exchange, failure)));
    }

    @Override
    public Future<Void> handleProxyResponse(ProxyContext context) {
        RoutingContext ctx = routingContext(context);
        Exchange exchange = ctx.get(Exchange.KEY);
        ProxyResponse response = context.response();
        Kind problem = context.get(PROBLEM, Kind.class);
        if (ctx.response().ended() || ctx.response().closed()) {
            response.release();
            return Future.succeededFuture();
        }
        if (problem != null) {
            Problems.send(ctx, problem, exchange.requestId);
            return Future.succeededFuture();
        }
        MultiMap headers = response.headers();
        int status = response.getStatusCode();
        String type = headers.get(HttpHeaders.CONTENT_TYPE);
        if (status >= 500 && !startsWith(type, "application/problem+json") && !(exchange.page && startsWith(type, "text/html"))) {
            // Not one of our services' own problem answers (a bare 503 while a service starts or stops, a proxy page…),
            // nor one of the web application's own error pages: answer our own problem and drop the upstream body,
            // which may hold internals.
            String retryAfter = headers.get(Problems.RETRY_AFTER);
            response.release();
            Kind kind = status == 503 ? Kind.SERVICE_UNAVAILABLE : status == 504 ? Kind.GATEWAY_TIMEOUT : Kind.BAD_GATEWAY;
            if (kind == Kind.SERVICE_UNAVAILABLE) {
                ctx.response().putHeader(Problems.RETRY_AFTER, retryAfter != null && isDigits(retryAfter) ? retryAfter : "1");
            }
            LOG.debugf("Upstream %s answered %d without a problem body; answering %d", upstream, status, kind.status());
            Problems.send(ctx, kind, exchange.requestId);
            return Future.succeededFuture();
        }
        removeListedInConnection(headers);
        RESPONSE_HOP_BY_HOP.forEach(headers::remove);
        // CORS is decided by the gateway, not by a service, and the request id is the gateway's.
        removeStartingWith(headers, "access-control-");
        headers.remove("x-request-id");
        String location = headers.get(HttpHeaders.LOCATION);
        if (location != null && location.startsWith(origin)) {
            // The service named itself: make it relative so the client stays on the gateway.
            String relative = location.substring(origin.length());
            headers.set(HttpHeaders.LOCATION, relative.isEmpty() ? "/" : relative);
        }
        if (status == 204 || status == 304 || ctx.request().method() == HttpMethod.HEAD) {
            // No body may follow: without this the proxy would announce a chunked one.
            ReadStream<?> body = response.getBody() == null ? null : response.getBody().stream();
            response.setBody(null);
            if (body != null) {
                body.resume();
            }
        }
        return context.sendResponse();
    }

    /** The answer to a request that got no usable answer from the upstream; the problem itself is written on the way back. */
    private ProxyResponse problem(ProxyContext context, Exchange exchange, Throwable failure) {
        Kind kind;
        RoutingContext ctx = routingContext(context);
        if (Boolean.TRUE.equals(context.get(TOO_LARGE, Boolean.class))) {
            kind = Kind.PAYLOAD_TOO_LARGE;
        } else if (failure instanceof CircuitBreakerOpenException) {
            kind = Kind.SERVICE_UNAVAILABLE;
            ctx.response().putHeader(Problems.RETRY_AFTER, String.valueOf(breaker.retryAfterSeconds()));
        } else if (failure instanceof ConnectionPoolTooBusyException) {
            kind = Kind.SERVICE_UNAVAILABLE;
            ctx.response().putHeader(Problems.RETRY_AFTER, "1");
        } else if (UpstreamBreaker.isConnectionFailure(failure) && !(failure instanceof ConnectException)) {
            kind = Kind.GATEWAY_TIMEOUT;
        } else {
            kind = Kind.BAD_GATEWAY;
        }
        if (kind != Kind.PAYLOAD_TOO_LARGE && !ctx.response().ended() && !ctx.response().closed()) {
            // The cause's message can name hosts and ports: log its type only.
            LOG.warnf("requestId=%s upstream=%s failed: %s; answering %d", exchange.requestId, upstream,
                    failure.getClass().getSimpleName(), kind.status());
        }
        context.set(PROBLEM, kind);
        return context.request().response().setStatusCode(kind.status());
    }

    /** The client's own forwarding headers are kept for the API (appended to), never for the web application. */
    private static void setForwarding(MultiMap headers, HttpServerRequest client, boolean page) {
        String address = client.remoteAddress() == null ? "unknown" : client.remoteAddress().hostAddress();
        String scheme = client.scheme() == null ? "http" : client.scheme();
        HostAndPort authority = client.authority();
        if (page) {
            // The web application trusts the gateway's forwarding headers (it builds its OIDC redirect URI from them),
            // so none of the client's own may reach it; the client address is the one the gateway saw (itself the
            // forwarded one when quarkus.http.proxy is set). It keeps its own session: no bearer token goes there.
            headers.remove("forwarded");
            headers.remove("x-real-ip");
            removeStartingWith(headers, "x-forwarded-");
            headers.remove(HttpHeaders.AUTHORIZATION);
            headers.set("X-Forwarded-For", address);
            if (authority != null) {
                int port = authority.port() > 0 ? authority.port() : "https".equals(scheme) ? 443 : 80;
                headers.set("X-Forwarded-Port", String.valueOf(port));
            }
        } else {
            String forwardedFor = headers.get("X-Forwarded-For");
            headers.set("X-Forwarded-For", forwardedFor == null ? address : forwardedFor + ", " + address);
        }
        headers.set("X-Forwarded-Proto", scheme);
        if (authority != null) {
            headers.set("X-Forwarded-Host", authority.toString());
        }
    }

    /** Extra hop-by-hop names a peer listed in its Connection header (rare; usually just keep-alive or close). */
    private static void removeListedInConnection(MultiMap headers) {
        String connection = headers.get(HttpHeaders.CONNECTION);
        if (connection == null || connection.equalsIgnoreCase("keep-alive") || connection.equalsIgnoreCase("close")) {
            return;
        }
        for (String name : connection.split(",")) {
            if (!name.isBlank()) {
                headers.remove(name.trim());
            }
        }
    }

    private static void removeStartingWith(MultiMap headers, String prefix) {
        List<String> names = new ArrayList<>();
        for (String name : headers.names()) {
            if (name.regionMatches(true, 0, prefix, 0, prefix.length())) {
                names.add(name);
            }
        }
        names.forEach(headers::remove);
    }

    private static boolean isClosedConnection(Throwable failure) {
        return failure instanceof HttpClosedException || failure instanceof IOException;
    }

    private static boolean startsWith(String value, String prefix) {
        return value != null && value.regionMatches(true, 0, prefix, 0, prefix.length());
    }

    private static boolean isDigits(String s) {
        if (s.isEmpty() || s.length() > 6) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            if (!Character.isDigit(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }
}
