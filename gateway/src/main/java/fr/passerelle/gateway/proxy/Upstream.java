package fr.passerelle.gateway.proxy;

import io.vertx.core.http.HttpClient;

/**
 * One service behind the gateway: its pooled HTTP client and its circuit breaker; {@code livenessUrl} is its
 * liveness probe, on its management interface.
 */
public record Upstream(String name, String host, int port, String origin, String livenessUrl, HttpClient client,
                       CircuitBreaker breaker) {
}
