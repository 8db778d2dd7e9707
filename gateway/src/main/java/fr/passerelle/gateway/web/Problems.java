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
 * or an exception carried ever reaches the client. For a page of the web application asked for by a browser
 * (Accept: text/html first), the same answer is a short French HTML page instead.
 */
public final class Problems {

    public static final String WWW_AUTHENTICATE = "WWW-Authenticate";
    public static final String RETRY_AFTER = "Retry-After";
    private static final CharSequence PROBLEM_JSON = HttpHeaders.createOptimized(Problem.MEDIA_TYPE);
    private static final CharSequence NO_STORE = HttpHeaders.createOptimized("no-store");
    private static final CharSequence TEXT_HTML = HttpHeaders.createOptimized("text/html; charset=utf-8");
    private static final CharSequence CONTENT_SECURITY_POLICY = HttpHeaders.createOptimized("Content-Security-Policy");
    private static final CharSequence PAGE_CSP = HttpHeaders.createOptimized(
            "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'");

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
        Exchange exchange = ctx.get(Exchange.KEY);
        boolean html = exchange != null && exchange.page && prefersHtml(request.getHeader(HttpHeaders.ACCEPT));
        if (html) {
            // A person in a browser, not a program: the page is all they get (nothing scripted, nothing loaded).
            response.putHeader(CONTENT_SECURITY_POLICY, PAGE_CSP);
        }
        Buffer body = Buffer.buffer(html ? page(kind, requestId) : body(kind, request.path(), requestId));
        response.setStatusCode(kind.status)
                .putHeader(HttpHeaders.CONTENT_TYPE, html ? TEXT_HTML : PROBLEM_JSON)
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

    /** True when the client asks for HTML before any JSON (a browser's navigation), false for an API client. */
    static boolean prefersHtml(String accept) {
        if (accept == null) {
            return false;
        }
        int html = accept.indexOf("text/html");
        if (html < 0) {
            return false;
        }
        int json = accept.indexOf("json");
        return json < 0 || html < json;
    }

    /** The French page a browser shows when the web application cannot answer (or the request was refused). */
    static String page(Kind kind, String requestId) {
        String title;
        String text;
        switch (kind.status) {
            case 502, 504 -> {
                title = "Service momentanément indisponible";
                text = "Passerelle ne répond pas pour le moment. Réessayez dans quelques instants.";
            }
            case 503 -> {
                title = "Service momentanément indisponible";
                text = "Passerelle est en cours de démarrage ou de maintenance. Réessayez dans quelques instants.";
            }
            case 429 -> {
                title = "Trop de requêtes";
                text = "Trop de requêtes ont été envoyées depuis votre connexion. Patientez quelques secondes puis réessayez.";
            }
            case 404 -> {
                title = "Page introuvable";
                text = "Cette adresse ne correspond à aucune page de Passerelle.";
            }
            case 413, 414, 431 -> {
                title = "Requête trop volumineuse";
                text = "La requête envoyée est trop volumineuse pour être traitée.";
            }
            case 500 -> {
                title = "Erreur inattendue";
                text = "Une erreur inattendue s'est produite. Réessayez plus tard.";
            }
            default -> {
                title = "Requête refusée";
                text = "Cette requête ne peut pas être traitée.";
            }
        }
        StringBuilder html = new StringBuilder(512)
                .append("<!DOCTYPE html>\n<html lang=\"fr\"><head><meta charset=\"utf-8\">")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
                .append("<title>").append(title).append(" – Passerelle</title>")
                .append("<style>body{font-family:Marianne,Arial,sans-serif;max-width:40rem;margin:3rem auto;padding:0 1rem;color:#161616}</style>")
                .append("</head><body><main><h1>").append(title).append("</h1><p>").append(text).append("</p>");
        if (requestId != null) {
            html.append("<p>Si le problème persiste, indiquez cette référence à votre assistance : <code>");
            appendHtml(html, requestId);
            html.append("</code></p>");
        }
        return html.append("<p><a href=\"/\">Revenir à l'accueil</a></p></main></body></html>\n").toString();
    }

    private static void appendHtml(StringBuilder sb, String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '&' -> sb.append("&amp;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&#39;");
                default -> sb.append(c);
            }
        }
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
