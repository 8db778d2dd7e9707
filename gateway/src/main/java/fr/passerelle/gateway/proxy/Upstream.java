package fr.passerelle.gateway.proxy;

import io.vertx.core.http.HttpClient;
import io.vertx.httpproxy.HttpProxy;

/**
 * One service behind the gateway: its pooled HTTP client, the reverse proxy on it (with its circuit breaker);
 * {@code livenessUrl} is its liveness probe, on its management interface.
 */
public record Upstream(String name, String origin, String livenessUrl, HttpClient client, HttpProxy proxy,
                       UpstreamBreaker breaker) {
}
