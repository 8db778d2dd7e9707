package fr.passerelle.common.envelope;

import fr.passerelle.common.problem.Problem;
import fr.passerelle.common.security.BearerCredentials;
import fr.passerelle.common.web.RequestIds;
import io.vertx.core.MultiMap;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.Map;

/**
 * Refusals a service makes on the HTTP layer, before authentication and before JAX-RS, still as problem+json with a
 * request id: a token in the query string (it would end up in URLs, histories and proxies' logs), credentials of the
 * wrong shape ({@link BearerCredentials}: two Authorization headers, a token that cannot be a JWT), and a body above
 * the HTTP layer's own limit (quarkus.http.limits.max-body-size, whose built-in 413 has no body).
 * <p>
 * Not a bean, so that the gateway, which shares this module, keeps its own envelope: each service installs it from
 * an observer of its {@link Router}.
 */
public final class HttpEnvelope {

    /** Before Quarkus's own body-size check (RouteConstants.ROUTE_ORDER_UPLOAD_LIMIT, -2), after its configured headers. */
    static final int ORDER = -3;
    static final String TOKEN_PARAMETER = "access_token";
    /** Far below the HTTP codec's own limits (application.properties), so that an oversized request is still a problem. */
    static final int MAX_URI_LENGTH = 8192;
    static final int MAX_HEADER_BYTES = 16 * 1024;

    private HttpEnvelope() {
    }

    public static void install(Router router, long maxBodyBytes) {
        router.route().order(ORDER).handler(ctx -> refuseOrPass(ctx, maxBodyBytes));
    }

    private static void refuseOrPass(RoutingContext ctx, long maxBodyBytes) {
        if (ctx.request().uri().length() > MAX_URI_LENGTH) {
            answer(ctx, 414, "uri-too-long", "URI too long", "The request URI exceeds " + MAX_URI_LENGTH + " characters.", null);
            return;
        }
        if (headerBytes(ctx.request().headers()) > MAX_HEADER_BYTES) {
            answer(ctx, 431, "headers-too-large", "Request header fields too large",
                    "The request headers exceed " + MAX_HEADER_BYTES + " bytes.", null);
            return;
        }
        if (ctx.queryParams().names().stream().anyMatch(TOKEN_PARAMETER::equalsIgnoreCase)) {
            answer(ctx, 400, "bad-request", "Bad Request", "A token is never accepted in the URL: send it in the Authorization header.",
                    Map.of("field", TOKEN_PARAMETER, "message", "not allowed in the query string", "code", "TOKEN_IN_QUERY"));
            return;
        }
        BearerCredentials.Defect credentials = BearerCredentials.defect(ctx.request().headers().getAll("Authorization"));
        if (credentials == BearerCredentials.Defect.REPEATED_HEADER) {
            answer(ctx, 400, "bad-request", "Bad Request", "Send one Authorization header.",
                    Map.of("field", "Authorization", "message", "given more than once", "code", "REPEATED_HEADER"));
            return;
        }
        if (credentials == BearerCredentials.Defect.MALFORMED_TOKEN) {
            ctx.response().putHeader("WWW-Authenticate", "Bearer error=\"invalid_token\"");
            answer(ctx, 401, "unauthorized", "Unauthorized", "A valid bearer token is required.", null);
            return;
        }
        String length = ctx.request().getHeader("Content-Length");
        if (length != null && tooLong(length.trim(), maxBodyBytes)) {
            // The body stays unread: close the connection rather than drain it.
            ctx.response().putHeader("Connection", "close");
            answer(ctx, 413, "payload-too-large", "Payload too large", "The request body exceeds " + maxBodyBytes + " bytes.", null);
            return;
        }
        ctx.next();
    }

    private static long headerBytes(MultiMap headers) {
        long bytes = 0;
        for (Map.Entry<String, String> header : headers) {
            bytes += header.getKey().length() + header.getValue().length() + 4; // as on the wire: ": " and CRLF
        }
        return bytes;
    }

    private static boolean tooLong(String length, long maxBodyBytes) {
        try {
            return Long.parseLong(length) > maxBodyBytes;
        } catch (NumberFormatException e) {
            return false; // the HTTP codec refuses a malformed Content-Length itself
        }
    }

    private static void answer(RoutingContext ctx, int status, String slug, String title, String detail, Map<String, Object> violation) {
        String requestId = RequestIds.acceptOrCreate(ctx.request().getHeader(RequestIds.HEADER));
        JsonObject problem = new JsonObject().put("type", Problem.TYPE_BASE + slug).put("title", title).put("status", status)
                .put("detail", detail).put("instance", ctx.request().path()).put("requestId", requestId);
        if (violation != null) {
            problem.put("violations", new JsonArray().add(new JsonObject(violation)));
        }
        ctx.response().setStatusCode(status).putHeader("Content-Type", Problem.MEDIA_TYPE)
                .putHeader(RequestIds.HEADER, requestId).end(problem.encode());
    }
}
