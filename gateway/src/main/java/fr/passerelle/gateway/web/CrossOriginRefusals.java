package fr.passerelle.gateway.web;

import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.HostAndPort;
import java.net.URI;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.eclipse.microprofile.config.Config;

/**
 * The two cases where Quarkus' CORS filter (quarkus.http.cors.*) refuses a request, decided here first so the
 * refusal is a problem+json answer rather than its empty 403: an Origin neither listed nor the gateway's own, and
 * a non-preflight request whose method is not listed. Quarkus' filter still handles everything it allows, and
 * still refuses anything this misses.
 */
final class CrossOriginRefusals {

    private final boolean enabled;
    private final Set<String> origins;
    /** Empty: every method. */
    private final Set<HttpMethod> methods = new HashSet<>();

    CrossOriginRefusals(Config config) {
        this.enabled = config.getOptionalValue("quarkus.http.cors.enabled", Boolean.class).orElse(false);
        List<String> listed = config.getOptionalValues("quarkus.http.cors.origins", String.class).orElse(List.of());
        for (String origin : listed) {
            // CORS is part of the gateway's contract: a wildcard origin would hand any web page the API.
            if (origin.contains("*") || origin.startsWith("/")) {
                throw new IllegalStateException("quarkus.http.cors.origins must list exact origins, not " + origin);
            }
        }
        this.origins = Set.copyOf(listed);
        for (String method : config.getOptionalValues("quarkus.http.cors.methods", String.class).orElse(List.of())) {
            if (method.equals("*")) {
                methods.clear();
                break;
            }
            methods.add(HttpMethod.valueOf(method.trim().toUpperCase(Locale.ROOT)));
        }
    }

    boolean refuses(HttpServerRequest request) {
        String origin = request.getHeader(HttpHeaders.ORIGIN);
        if (!enabled || origin == null) {
            return false;
        }
        if (!origins.contains(origin) && !sameOrigin(request, origin)) {
            return true;
        }
        boolean preflight = request.method() == HttpMethod.OPTIONS
                && (request.getHeader(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD) != null
                || request.getHeader(HttpHeaders.ACCESS_CONTROL_REQUEST_HEADERS) != null);
        return !preflight && !methods.isEmpty() && !methods.contains(request.method());
    }

    /** The page was served by the gateway itself: same scheme, host and port (default ports filled in). */
    static boolean sameOrigin(HttpServerRequest request, String origin) {
        String scheme = request.scheme();
        HostAndPort authority = request.authority();
        if (scheme == null || authority == null) {
            return false;
        }
        URI uri;
        try {
            uri = URI.create(origin);
        } catch (IllegalArgumentException e) {
            return false;
        }
        return scheme.equalsIgnoreCase(uri.getScheme()) && uri.getHost() != null
                && (uri.getRawPath() == null || uri.getRawPath().isEmpty())
                && uri.getHost().equalsIgnoreCase(authority.host())
                && port(uri.getPort(), scheme) == port(authority.port(), scheme);
    }

    private static int port(int port, String scheme) {
        return port > 0 ? port : "https".equalsIgnoreCase(scheme) ? 443 : 80;
    }
}
