package fr.passerelle.gateway.proxy;

import io.vertx.core.http.HttpClient;

/** One service behind the gateway: its pooled HTTP client and its circuit breaker. */
public record Upstream(String name, String host, int port, String origin, HttpClient client, CircuitBreaker breaker) {
}
