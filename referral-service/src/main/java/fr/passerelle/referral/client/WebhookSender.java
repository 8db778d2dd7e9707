package fr.passerelle.referral.client;

import fr.passerelle.referral.config.ReferralConfig;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.util.Map;

/**
 * POSTs one signed webhook body. Short timeouts (connect, whole request), redirects never followed (a 3xx is a
 * failure: following it would reach an address the SSRF guard did not check), the answer's body discarded, no proxy.
 */
@ApplicationScoped
public class WebhookSender {

    /** How an attempt ended; {@code statusCode} null when no answer came. */
    public record Result(Integer statusCode, long durationMs, Kind kind, String errorClass) {
        public boolean delivered() {
            return kind == Kind.DELIVERED;
        }
    }

    public enum Kind { DELIVERED, HTTP_ERROR, TIMEOUT, CONNECTION_FAILED }

    @Inject
    ReferralConfig config;

    private HttpClient http;

    @PostConstruct
    void init() {
        http = HttpClient.newBuilder()
                .connectTimeout(config.webhooks().connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .proxy(HttpClient.Builder.NO_PROXY)
                .version(HttpClient.Version.HTTP_1_1)
                .build();
    }

    public Result post(String url, Map<String, String> headers, byte[] body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                .timeout(config.webhooks().requestTimeout())
                .header("Content-Type", "application/json")
                .header("User-Agent", "Passerelle-Webhooks/1")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        headers.forEach(request::header);
        long start = System.nanoTime();
        try {
            HttpResponse<Void> answer = http.send(request.build(), HttpResponse.BodyHandlers.discarding());
            int status = answer.statusCode();
            return new Result(status, elapsed(start), status / 100 == 2 ? Kind.DELIVERED : Kind.HTTP_ERROR, null);
        } catch (HttpConnectTimeoutException e) {
            return new Result(null, elapsed(start), Kind.CONNECTION_FAILED, e.getClass().getName());
        } catch (HttpTimeoutException e) {
            return new Result(null, elapsed(start), Kind.TIMEOUT, e.getClass().getName());
        } catch (ConnectException e) {
            return new Result(null, elapsed(start), Kind.CONNECTION_FAILED, e.getClass().getName());
        } catch (IOException | IllegalArgumentException e) {
            return new Result(null, elapsed(start), Kind.CONNECTION_FAILED, e.getClass().getName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Result(null, elapsed(start), Kind.CONNECTION_FAILED, e.getClass().getName());
        }
    }

    private static long elapsed(long start) {
        return (System.nanoTime() - start) / 1_000_000;
    }
}
