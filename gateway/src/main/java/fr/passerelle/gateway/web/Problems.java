package fr.passerelle.gateway.web;

import fr.passerelle.common.problem.Problem;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.HttpVersion;
import io.vertx.ext.web.RoutingContext;

/**
 * The gateway's own answers, in the {@link Problem} shape of every service (RFC 9457), written by hand
 * because these handlers are plain Vert.x, not JAX-RS. Details are fixed texts: nothing an upstream said
 * or an exception carried ever reaches the client.
 */
public final class Problems {

    public static final String WWW_AUTHENTICATE = "WWW-Authenticate";
    public static final String RETRY_AFTER = "Retry-After";
    private static final CharSequence PROBLEM_JSON = HttpHeaders.createOptimized(Problem.MEDIA_TYPE);
    private static final CharSequence NO_STORE = HttpHeaders.createOptimized("no-store");

    /** The kinds of problem the gateway itself answers. */
    public enum Kind {
        BAD_REQUEST(400, "bad-request", "Bad request", "The request is not acceptable."),
        BAD_PATH(400, "bad-request", "Bad request", "The request path is not acceptable."),
        BAD_HEADER(400, "bad-request", "Bad request", "A request header holds a control character."),
        TOKEN_IN_QUERY(400, "bad-request", "Bad request",
                "Tokens are not accepted in the query string; send them in the Authorization header."),
        REPEATED_AUTHORIZATION(400, "bad-request", "Bad request", "Send one Authorization header."),
        UNAUTHORIZED(401, "unauthorized", "Unauthorized", "A valid bearer token is required."),
        MALFORMED_TOKEN(401, "unauthorized", "Unauthorized", "A valid bearer token is required."),
        FORBIDDEN(403, "forbidden", "Forbidden", "This request is not allowed."),
        ORIGIN_REFUSED(403, "forbidden", "Forbidden", "Cross-origin requests from this origin, or with this method, are not allowed."),
        NOT_FOUND(404, "not-found", "Not found", "No resource at this path."),
        METHOD_NOT_ALLOWED(405, "method-not-allowed", "Method not allowed", "This method is not allowed on this resource."),
        PAYLOAD_TOO_LARGE(413, "payload-too-large", "Payload too large", "The request body is too large."),
        URI_TOO_LONG(414, "uri-too-long", "URI too long", "The request URI is too long."),
        HEADERS_TOO_LARGE(431, "headers-too-large", "Request header fields too large", "The request headers are too large."),
        INTERNAL(500, "internal", "Internal error", "An unexpected error occurred. Quote the request id when reporting it."),
        TOO_MANY_REQUESTS(429, "rate-limited", "Too many requests", "Too many requests; retry after the delay in Retry-After."),
        BAD_GATEWAY(502, "bad-gateway", "Bad gateway", "The service handling this request could not be reached. Quote the request id when reporting it."),
        SERVICE_UNAVAILABLE(503, "service-unavailable", "Service unavailable", "The service handling this request is unavailable; retry later."),
        GATEWAY_TIMEOUT(504, "gateway-timeout", "Gateway timeout", "The service handling this request did not answer in time. Quote the request id when reporting it.");

        final int status;
        final String prefix;

        Kind(int status, String slug, String title, String detail) {
            this.status = status;
            // Everything but instance and requestId is constant: build it once.
            this.prefix = "{\"type\":" + quote(Problem.TYPE_BASE + slug) + ",\"title\":" + quote(title)
                    + ",\"status\":" + status + ",\"detail\":" + quote(detail);
        }

        public int status() {
            return status;
        }
    }

    private Problems() {
    }

    /** Ends the exchange with this problem; headers already set on the response (CORS, X-Request-Id, Retry-After) stay. */
    public static void send(RoutingContext ctx, Kind kind, String requestId) {
        HttpServerResponse response = ctx.response();
        if (response.headWritten()) {
            // Too late for a clean answer: cut the connection so the client sees a broken response, not a short one.
            response.reset();
            return;
        }
        HttpServerRequest request = ctx.request();
        Buffer body = Buffer.buffer(body(kind, request.path(), requestId));
        response.setStatusCode(kind.status)
                .putHeader(HttpHeaders.CONTENT_TYPE, PROBLEM_JSON)
                .putHeader(HttpHeaders.CONTENT_LENGTH, String.valueOf(body.length()))
                // The instance names the path asked for: nobody keeps a copy.
                .putHeader(HttpHeaders.CACHE_CONTROL, NO_STORE);
        if (!request.isEnded() && kind == Kind.PAYLOAD_TOO_LARGE && request.version() != HttpVersion.HTTP_2) {
            // The rest of an oversized body is not worth reading: answer, then close the connection.
            response.putHeader(HttpHeaders.CONNECTION, HttpHeaders.CLOSE);
            response.end(body).onComplete(ignored -> request.connection().close());
            return;
        }
        if (!request.isEnded()) {
            // Drain (and drop) what remains of the body so the connection can be reused; on HTTP/2 that only
            // costs this stream's bytes (clients take a reset stream for an error even after a full answer).
            request.handler(null);
            request.resume();
        }
        response.end(body);
    }

    static String body(Kind kind, String path, String requestId) {
        StringBuilder json = new StringBuilder(kind.prefix.length() + 96).append(kind.prefix);
        if (path != null) {
            json.append(",\"instance\":");
            appendQuoted(json, path);
        }
        if (requestId != null) {
            json.append(",\"requestId\":");
            appendQuoted(json, requestId);
        }
        return json.append('}').toString();
    }

    private static String quote(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 2);
        appendQuoted(sb, s);
        return sb.toString();
    }

    private static void appendQuoted(StringBuilder sb, String s) {
        sb.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        sb.append('"');
    }
}
