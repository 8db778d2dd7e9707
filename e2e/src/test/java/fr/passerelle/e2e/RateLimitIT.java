package fr.passerelle.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.passerelle.e2e.support.Api;
import fr.passerelle.e2e.support.E2e;
import fr.passerelle.e2e.support.Keycloak;
import fr.passerelle.e2e.support.Stack;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * Hammering one cheap route as one user ends in 429 problem+json with Retry-After (the gateway's token
 * buckets: per IP before the token check, per subject after it), and the route answers again once the
 * announced delay has passed. Bounded: at most MAX_REQUESTS requests or MAX_TIME, whichever comes first.
 * Runs as admin1, whom no other test uses, so the other tests' user buckets stay full.
 */
@E2e
@Order(6)
class RateLimitIT {

    private static final int THREADS = 12;
    private static final int MAX_REQUESTS = 3000;
    private static final Duration MAX_TIME = Duration.ofSeconds(30);
    private static final String ROUTE = Stack.GATEWAY + "/api/v1/programmes/codes";

    @Test
    void hammeringOneRouteGives429WithRetryAfter() throws Exception {
        String token = Keycloak.token("admin1");
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        HttpRequest request = HttpRequest.newBuilder(URI.create(ROUTE)).header("Authorization", "Bearer " + token)
                .header("Accept", "application/json").timeout(Duration.ofSeconds(10)).GET().build();

        AtomicInteger sent = new AtomicInteger();
        AtomicInteger ok = new AtomicInteger();
        AtomicReference<HttpResponse<String>> limited = new AtomicReference<>();
        AtomicReference<String> unexpected = new AtomicReference<>();
        Instant deadline = Instant.now().plus(MAX_TIME);
        Instant t0 = Instant.now();
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            List<Future<?>> workers = new ArrayList<>();
            for (int i = 0; i < THREADS; i++) {
                workers.add(pool.submit(() -> {
                    while (limited.get() == null && unexpected.get() == null && sent.incrementAndGet() <= MAX_REQUESTS
                            && Instant.now().isBefore(deadline)) {
                        try {
                            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                            if (response.statusCode() == 429) {
                                limited.compareAndSet(null, response);
                            } else if (response.statusCode() == 200) {
                                ok.incrementAndGet();
                            } else {
                                unexpected.compareAndSet(null, response.statusCode() + " " + response.body());
                            }
                        } catch (IOException e) {
                            unexpected.compareAndSet(null, e.toString());
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                            return;
                        }
                    }
                }));
            }
            for (Future<?> worker : workers) {
                worker.get(MAX_TIME.toSeconds() + 30, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        long millis = Duration.between(t0, Instant.now()).toMillis();
        System.out.printf("[e2e] rate limit: %d accepted before the first 429, %d sent, in %d ms%n", ok.get(),
                Math.min(sent.get(), MAX_REQUESTS), millis);
        assertEquals(null, unexpected.get(), "every answer before the limit is 200");
        HttpResponse<String> response = limited.get();
        assertNotNull(response, "no 429 after " + Math.min(sent.get(), MAX_REQUESTS) + " requests in " + millis
                + " ms: the gateway's limits are too high to reach here (see gateway.rate-limit.*)");
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith(Api.PROBLEM_JSON), "429 is problem+json");
        assertTrue(response.body().contains("\"status\":429"), response.body());
        String retryAfter = response.headers().firstValue("Retry-After").orElse(null);
        assertNotNull(retryAfter, "429 carries Retry-After");
        long seconds = Long.parseLong(retryAfter.trim());
        assertTrue(seconds >= 1 && seconds <= 60, "Retry-After in whole seconds, 1 to 60: " + retryAfter);

        // After the announced delay (bounded), the same user is served again.
        Instant retryAt = Instant.now().plusSeconds(seconds);
        Stack.await("Retry-After to pass", Duration.ofSeconds(seconds + 1), () -> Instant.now().isAfter(retryAt));
        Stack.await("the route to answer admin1 again", Duration.ofSeconds(10), () -> {
            try {
                return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
            } catch (IOException e) {
                return false;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        });
        // And so is everyone else.
        Api.as("referent1").get("/api/v1/programmes/codes").then().statusCode(200);
    }
}
