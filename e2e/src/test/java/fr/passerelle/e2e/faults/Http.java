package fr.passerelle.e2e.faults;

import com.fasterxml.jackson.databind.JsonNode;
import fr.passerelle.e2e.support.Jwts;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/**
 * Plain requests with the JDK client, timed, never retried and never thrown: what a caller sees, including
 * "nothing answered" (status -1). Each request has a hard ceiling, so a hang shows as such instead of
 * blocking the suite.
 */
final class Http {

    static final Duration CEILING = Duration.ofSeconds(20);
    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(3)).build();

    /** An answer and how long it took; status -1 when the connection failed or the ceiling passed. */
    record Answer(int status, java.net.http.HttpHeaders headers, String body, Duration took) {

        String header(String name) {
            return headers == null ? null : headers.firstValue(name).orElse(null);
        }

        boolean isProblem() {
            String type = header("Content-Type");
            return type != null && type.startsWith("application/problem+json");
        }

        JsonNode json() {
            try {
                return Jwts.JSON.readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException("not JSON (HTTP " + status + "): " + body, e);
            }
        }

        String id() {
            return status / 100 == 2 ? json().path("id").asText(null) : null;
        }

        double seconds() {
            return took.toMillis() / 1000.0;
        }

        @Override
        public String toString() {
            return "HTTP " + status + " in " + took.toMillis() + " ms"
                    + (header("Retry-After") != null ? " Retry-After " + header("Retry-After") : "") + " " + body;
        }
    }

    private Http() {
    }

    static Answer get(String url, String token) {
        return send(request(url, token, Map.of()).GET());
    }

    static Answer post(String url, String token, Map<String, String> headers, Object body) {
        try {
            return send(request(url, token, headers).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(Jwts.JSON.writeValueAsBytes(body))));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static HttpRequest.Builder request(String url, String token, Map<String, String> headers) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(url)).timeout(CEILING).header("Accept", "application/json");
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        headers.forEach(builder::header);
        return builder;
    }

    static Answer send(HttpRequest.Builder request) {
        long t0 = System.nanoTime();
        try {
            HttpResponse<String> response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.headers(), response.body(), Duration.ofNanos(System.nanoTime() - t0));
        } catch (IOException e) {
            return new Answer(-1, null, e.getClass().getSimpleName(), Duration.ofNanos(System.nanoTime() - t0));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Answer(-1, null, "interrupted", Duration.ofNanos(System.nanoTime() - t0));
        }
    }
}
