package fr.passerelle.gateway.proxy;

import fr.passerelle.gateway.web.Exchange;
import fr.passerelle.gateway.web.Problems;
import fr.passerelle.gateway.web.Problems.Kind;
import io.vertx.core.AsyncResult;
import io.vertx.core.MultiMap;
import io.vertx.core.http.ConnectionPoolTooBusyException;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClosedException;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.HostAndPort;
import io.vertx.ext.web.RoutingContext;
import java.net.ConnectException;
import java.util.concurrent.TimeoutException;
import org.jboss.logging.Logger;

/**
 * Relays one request to its upstream and the answer back, streaming both bodies (never buffered
 * whole) with back-pressure, over a pooled keep-alive connection. Failures to reach the upstream
 * become problem+json: 502 refused or broken, 503 unavailable or circuit open, 504 too slow.
 */
public final class ProxyHandler {

    private static final Logger LOG = Logger.getLogger(ProxyHandler.class);

    private final long maxBodyBytes;

    public ProxyHandler(long maxBodyBytes) {
        this.maxBodyBytes = maxBodyBytes;
    }

    /** The request is paused; it is resumed once the upstream request exists, so its body flows straight through. */
    public void forward(RoutingContext ctx, Exchange exchange, RouteDef route) {
        Upstream upstream = route.upstream();
        long now = System.nanoTime();
        if (!upstream.breaker().allow(now)) {
            ctx.response().putHeader(Problems.RETRY_AFTER, String.valueOf(upstream.breaker().retryAfterSeconds(now)));
            Problems.send(ctx, Kind.SERVICE_UNAVAILABLE, exchange.requestId);
            return;
        }
        HttpServerRequest request = ctx.request();
        RequestOptions options = new RequestOptions()
                .setMethod(request.method())
                .setURI(request.uri())
                .setIdleTimeout(route.timeoutMillis());
        MultiMap headers = HttpHeaders.headers();
        Headers.copyRequestHeaders(request.headers(), headers);
        String forwardedFor = request.getHeader("X-Forwarded-For");
        String client = request.remoteAddress() == null ? "unknown" : request.remoteAddress().hostAddress();
        String scheme = request.scheme() == null ? "http" : request.scheme();
        HostAndPort authority = request.authority();
        if (exchange.page) {
            // The web application trusts the gateway's forwarding headers (it builds its OIDC redirect URI from them),
            // so none of the client's own may reach it; the client address is the one the gateway saw (itself
            // the forwarded one when quarkus.http.proxy is set). It keeps its own session: no bearer token goes there.
            Headers.removeForwarding(headers);
            headers.remove(HttpHeaders.AUTHORIZATION);
            headers.set("X-Forwarded-For", client);
            if (authority != null) {
                int port = authority.port() > 0 ? authority.port() : "https".equals(scheme) ? 443 : 80;
                headers.set("X-Forwarded-Port", String.valueOf(port));
            }
        } else {
            headers.set("X-Forwarded-For", forwardedFor == null ? client : forwardedFor + ", " + client);
        }
        headers.set("X-Forwarded-Proto", scheme);
        if (authority != null) {
            headers.set("X-Forwarded-Host", authority.toString());
        }
        options.setHeaders(headers);
        // A body of unknown length (HTTP/1.1 chunked, HTTP/2 without content-length) goes upstream chunked;
        // decided on its first chunk, so a bodiless request never carries Transfer-Encoding.
        boolean lengthKnown = request.headers().contains(HttpHeaders.CONTENT_LENGTH);

        send(ctx, exchange, upstream, options, lengthKnown, true);
    }

    /**
     * A pooled connection can be dead without the pool knowing (the upstream restarted): a request with no body that
     * fails on such a connection before any answer is sent once more, on a fresh connection.
     */
    private void send(RoutingContext ctx, Exchange exchange, Upstream upstream, RequestOptions options, boolean lengthKnown,
                      boolean mayResend) {
        HttpServerRequest request = ctx.request();
        upstream.client().request(options).onComplete(created -> {
            if (created.failed()) {
                failed(ctx, exchange, upstream, created.cause());
                return;
            }
            HttpClientRequest upstreamRequest = created.result();
            // Failures surface through the response future below; this only keeps Vert.x from logging them again.
            upstreamRequest.exceptionHandler(ignored -> {
            });
            upstreamRequest.response().onComplete(answer -> {
                if (answer.failed() && mayResend && resendable(ctx, answer.cause())) {
                    send(ctx, exchange, upstream, options, lengthKnown, false);
                    return;
                }
                respond(ctx, exchange, upstream, upstreamRequest, answer);
            });
            if (!mayResend) {
                // The client's (empty) body was read by the first attempt.
                upstreamRequest.end();
                return;
            }
            HttpServerResponse response = ctx.response();
            // A client that leaves mid-way must not keep a pooled upstream connection busy.
            response.closeHandler(v -> {
                if (!response.ended()) {
                    upstreamRequest.reset();
                }
            });
            if (request.headers().contains(HttpHeaders.EXPECT, HttpHeaders.CONTINUE, true)) {
                // Token, limits and size are checked: now the client may send its body.
                response.writeContinue();
            }
            pumpBody(ctx, exchange, request, upstreamRequest, lengthKnown);
        });
    }

    private static boolean resendable(RoutingContext ctx, Throwable cause) {
        HttpMethod method = ctx.request().method();
        boolean bodiless = (method == HttpMethod.GET || method == HttpMethod.HEAD)
                && !ctx.request().headers().contains(HttpHeaders.CONTENT_LENGTH)
                && !ctx.request().headers().contains(HttpHeaders.TRANSFER_ENCODING);
        return bodiless && !ctx.response().headWritten() && !ctx.response().closed()
                && (cause instanceof HttpClosedException || cause instanceof java.io.IOException);
    }

    private void pumpBody(RoutingContext ctx, Exchange exchange, HttpServerRequest request, HttpClientRequest upstreamRequest,
                          boolean lengthKnown) {
        long[] received = {0};
        request.handler(chunk -> {
            if (received[0] == 0 && !lengthKnown) {
                upstreamRequest.setChunked(true);
            }
            received[0] += chunk.length();
            if (received[0] > maxBodyBytes) {
                // A chunked body that outgrows the limit: stop relaying it.
                // Answer first: resetting the upstream request fails its response future, whose handler then sees
                // an ended response and stays quiet.
                request.handler(null);
                Problems.send(ctx, Kind.PAYLOAD_TOO_LARGE, exchange.requestId);
                upstreamRequest.reset();
                return;
            }
            upstreamRequest.write(chunk);
            if (upstreamRequest.writeQueueFull()) {
                request.pause();
                upstreamRequest.drainHandler(v -> request.resume());
            }
        });
        request.endHandler(v -> {
            if (received[0] <= maxBodyBytes) {
                upstreamRequest.end();
            }
        });
        request.exceptionHandler(e -> upstreamRequest.reset());
        request.resume();
    }

    private void respond(RoutingContext ctx, Exchange exchange, Upstream upstream, HttpClientRequest upstreamRequest,
                         AsyncResult<HttpClientResponse> answer) {
        HttpServerResponse response = ctx.response();
        if (answer.failed()) {
            failed(ctx, exchange, upstream, answer.cause());
            return;
        }
        upstream.breaker().onSuccess();
        HttpClientResponse upstreamResponse = answer.result();
        if (response.ended() || response.closed()) {
            upstreamRequest.reset();
            return;
        }
        int status = upstreamResponse.statusCode();
        if (status >= 500 && !isProblemJson(upstreamResponse) && !(exchange.page && isHtml(upstreamResponse))) {
            // Not one of our services' own problem answers (a bare 503 while a service starts or stops, a proxy page…),
            // nor one of the web application's own error pages: answer our own problem and drop the upstream body,
            // which may hold internals.
            String retryAfter = upstreamResponse.getHeader(Problems.RETRY_AFTER);
            upstreamResponse.handler(null);
            upstreamResponse.resume();
            Kind kind = status == 503 ? Kind.SERVICE_UNAVAILABLE : status == 504 ? Kind.GATEWAY_TIMEOUT : Kind.BAD_GATEWAY;
            if (kind == Kind.SERVICE_UNAVAILABLE) {
                response.putHeader(Problems.RETRY_AFTER, retryAfter != null && isDigits(retryAfter) ? retryAfter : "1");
            }
            LOG.debugf("Upstream %s answered %d without a problem body; answering %d", upstream.name(), status, kind.status());
            Problems.send(ctx, kind, exchange.requestId);
            return;
        }
        response.setStatusCode(status);
        MultiMap out = response.headers();
        MultiMap in = upstreamResponse.headers();
        String connection = in.get(HttpHeaders.CONNECTION);
        boolean scan = Headers.needsConnectionScan(connection);
        boolean hasLength = false;
        for (var header : in) {
            String name = header.getKey();
            if (Headers.isHopByHop(name) || Headers.isGatewayOwnedResponseHeader(name)
                    || (scan && Headers.listedInConnection(connection, name))) {
                continue;
            }
            String value = header.getValue();
            if (name.equalsIgnoreCase("content-length")) {
                hasLength = true;
            } else if (name.equalsIgnoreCase("location") && value.startsWith(upstream.origin())) {
                // The service named itself: make it relative so the client stays on the gateway.
                value = value.substring(upstream.origin().length());
                if (value.isEmpty()) {
                    value = "/";
                }
            }
            out.add(name, value);
        }
        if (!hasLength && status != 204 && status != 304 && ctx.request().method() != HttpMethod.HEAD) {
            response.setChunked(true);
        }
        upstreamResponse.pipe()
                .endOnFailure(false)
                .to(response)
                .onFailure(e -> {
                    // Broken mid-way (upstream or client gone): reset both so nobody mistakes a short body for a whole one.
                    upstreamRequest.reset();
                    if (!response.ended()) {
                        response.reset();
                    }
                });
    }

    private void failed(RoutingContext ctx, Exchange exchange, Upstream upstream, Throwable cause) {
        long now = System.nanoTime();
        Kind kind;
        if (cause instanceof ConnectionPoolTooBusyException) {
            kind = Kind.SERVICE_UNAVAILABLE;
            ctx.response().putHeader(Problems.RETRY_AFTER, "1");
        } else if (cause instanceof TimeoutException || cause instanceof io.netty.channel.ConnectTimeoutException) {
            kind = Kind.GATEWAY_TIMEOUT;
            upstream.breaker().onFailure(now);
        } else if (cause instanceof ConnectException) {
            kind = Kind.BAD_GATEWAY;
            upstream.breaker().onFailure(now);
        } else {
            kind = Kind.BAD_GATEWAY;
        }
        if (ctx.response().ended() || ctx.response().closed()) {
            return;
        }
        // The cause's message can name hosts and ports: log its type only.
        LOG.warnf("requestId=%s upstream=%s failed: %s; answering %d", exchange.requestId, upstream.name(),
                cause.getClass().getSimpleName(), kind.status());
        Problems.send(ctx, kind, exchange.requestId);
    }

    private static boolean isProblemJson(HttpClientResponse response) {
        String type = response.getHeader(HttpHeaders.CONTENT_TYPE);
        return type != null && type.regionMatches(true, 0, "application/problem+json", 0, 24);
    }

    private static boolean isHtml(HttpClientResponse response) {
        String type = response.getHeader(HttpHeaders.CONTENT_TYPE);
        return type != null && type.regionMatches(true, 0, "text/html", 0, 9);
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
