package fr.passerelle.gateway.config;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/** Everything the gateway does is driven from here: upstreams, the route table, limits, the merged document. */
@ConfigMapping(prefix = "gateway")
public interface GatewayConfig {

    /** The services behind the gateway, by name. */
    Map<String, Upstream> upstreams();

    /** The public API routes, by name (the name appears in the access log and metrics). */
    Map<String, Route> routes();

    /** Largest request body relayed to a service; a bigger one answers 413. */
    @WithDefault("1M")
    MemorySize maxBodySize();

    /**
     * Longest request URI (path and query) accepted; a longer one answers 414. Below the services' own request-line
     * limit (Quarkus' 4096), and below quarkus.http.limits.max-initial-line-length so that the gateway, not the HTTP
     * codec, answers it.
     */
    @WithDefault("4000")
    int maxUriLength();

    /**
     * Largest header block accepted (names and values); a bigger one answers 431. Below the services' own limit, as
     * the gateway adds forwarding headers, and below quarkus.http.limits.max-header-size for the same reason as above.
     */
    @WithDefault("16K")
    MemorySize maxHeaderSize();

    RateLimits rateLimit();

    TokenCache tokenCache();

    OpenApi openapi();

    Health health();

    /** The web application, served at every path the gateway does not answer itself (not /api, not /q). */
    Web web();

    interface Upstream {
        /** Base URL, e.g. http://127.0.0.1:8081 (no path). */
        URI url();

        /**
         * Base URL of the service's management interface, where its health lives (/q/health/live is appended),
         * e.g. http://127.0.0.1:9081; defaults to {@link #url()} for a service without one.
         */
        Optional<URI> managementUrl();

        @WithDefault("1s")
        Duration connectTimeout();

        /** Pooled keep-alive connections to this upstream. */
        @WithDefault("64")
        int maxConnections();

        /** Requests that may wait for a pooled connection; beyond, 503 at once. */
        @WithDefault("512")
        int maxWaitQueue();

        CircuitBreaker circuitBreaker();
    }

    interface CircuitBreaker {
        /** Consecutive connection failures or timeouts that open the circuit. */
        @WithDefault("5")
        int failureThreshold();

        /** How long an open circuit answers 503 before letting one trial request through. */
        @WithDefault("5s")
        Duration openDuration();
    }

    interface Route {
        /** Path prefix, matched on whole segments: /api/v1/cases matches /api/v1/cases and /api/v1/cases/…, not /api/v1/casesX. */
        String prefix();

        /** Name of an entry of gateway.upstreams. */
        String upstream();

        /** Longest wait for the upstream to answer (and longest silence while streaming); then 504. */
        @WithDefault("30s")
        Duration timeout();
    }

    interface TokenCache {
        /** Remember validated tokens so their next requests skip the signature check. */
        @WithDefault("true")
        boolean enabled();

        /** Longest time a validated token is trusted without checking it again (bounded by its own expiry). */
        @WithDefault("60s")
        Duration maxAge();

        @WithDefault("5000")
        int maxEntries();
    }

    interface RateLimits {
        /** Applied to every /api request before its token is looked at. */
        Limit perIp();

        /** Applied per token subject ({@code sub}) once the token is valid. */
        Limit perSubject();

        /** Buckets idle longer than this are forgotten. */
        @WithDefault("2m")
        Duration idleEviction();
    }

    interface Limit {
        @WithDefault("true")
        boolean enabled();

        /** Sustained requests per second. */
        double rate();

        /** Requests allowed in a burst above the sustained rate. */
        int burst();
    }

    interface OpenApi {
        /** The gateway's public URL, written as the merged document's server. */
        String serverUrl();

        @WithDefault("Passerelle API")
        String title();

        /** Semantic version of the public API (info.version of the merged document). */
        @WithDefault("1.0.0")
        String version();

        @WithDefault("Passerelle API team")
        String contactName();

        @WithDefault("api@passerelle.example.org")
        String contactEmail();

        Optional<String> contactUrl();

        /** How long a merged document is served before the services are asked again. */
        @WithDefault("30s")
        Duration cacheTtl();

        @WithDefault("2s")
        Duration fetchTimeout();

        /** The realm URL a browser reaches (Swagger UI's login); defaults to quarkus.oidc.auth-server-url. */
        String oauthRealmUrl();
    }

    interface Web {
        /** Name of the gateway.upstreams entry that serves the pages; without such an entry those paths answer 404. */
        @WithDefault("web")
        String upstream();

        /** Longest wait for a page (and longest silence while streaming it); then 504. */
        @WithDefault("30s")
        Duration timeout();
    }

    interface Health {
        /** Timeout of each upstream liveness probe made by the readiness check. */
        @WithDefault("1s")
        Duration upstreamTimeout();
    }
}
