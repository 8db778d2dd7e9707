package fr.passerelle.e2e.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.function.Predicate;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A subscriber's HTTP endpoint on 127.0.0.1, as another team would write it from the Standard Webhooks
 * specification alone: it checks each delivery's signature with its own HMAC (not Passerelle's code), records it,
 * and answers 204. It can be taken down and brought back on the same port, and made slow.
 */
public final class WebhookReceiver implements AutoCloseable {

    /** One delivery as received: its headers' id, the event's type and data, whether the signature held, when. */
    public record Delivery(String webhookId, String type, JsonNode data, boolean signatureValid, Instant receivedAt) {
        public String referralId() {
            return data.path("referralId").asText(null);
        }
    }

    private final int port;
    private final List<Delivery> deliveries = new ArrayList<>();
    private volatile byte[] key;
    private volatile Duration delay = Duration.ZERO;
    private HttpServer server;

    public WebhookReceiver(int port) {
        this.port = port;
    }

    public static WebhookReceiver start(int port) {
        WebhookReceiver r = new WebhookReceiver(port);
        r.up();
        return r;
    }

    public String url() {
        return "http://127.0.0.1:" + port + "/hooks/passerelle";
    }

    /** The secret as the subscription's creation answered it: {@code whsec_<base64>}. */
    public void secret(String whsec) {
        if (!whsec.startsWith("whsec_")) {
            throw new AssertionError("a Standard Webhooks secret starts with whsec_: " + whsec);
        }
        key = Base64.getDecoder().decode(whsec.substring("whsec_".length()));
    }

    public void delay(Duration delay) {
        this.delay = delay;
    }

    public synchronized void up() {
        if (server != null) {
            return;
        }
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 64);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.createContext("/hooks/passerelle", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            try {
                Thread.sleep(delay.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            String id = exchange.getRequestHeaders().getFirst("webhook-id");
            String timestamp = exchange.getRequestHeaders().getFirst("webhook-timestamp");
            String signatures = exchange.getRequestHeaders().getFirst("webhook-signature");
            boolean valid = verify(id, timestamp, body, signatures);
            JsonNode event = Jwts.JSON.readTree(body);
            synchronized (WebhookReceiver.this) {
                deliveries.add(new Delivery(id, event.path("type").asText(), event.path("data"), valid, Instant.now()));
            }
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        server.start();
    }

    /** Stops listening: connections are refused until {@link #up()}. */
    public synchronized void down() {
        if (server != null) {
            server.stop(0);
            ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
            server = null;
        }
    }

    public synchronized List<Delivery> deliveries() {
        return List.copyOf(deliveries);
    }

    public synchronized List<Delivery> deliveries(Predicate<Delivery> which) {
        return deliveries.stream().filter(which).toList();
    }

    /** Waits until a delivery matches, at most {@code within}; null if none came. */
    public Delivery await(Predicate<Delivery> which, Duration within) {
        Instant deadline = Instant.now().plus(within);
        while (Instant.now().isBefore(deadline)) {
            List<Delivery> found = deliveries(which);
            if (!found.isEmpty()) {
                return found.get(0);
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return null;
            }
        }
        return null;
    }

    /** Standard Webhooks: v1,<base64 HMAC-SHA256("{id}.{timestamp}.{body}")>, possibly several separated by spaces. */
    private boolean verify(String id, String timestamp, byte[] body, String header) {
        if (key == null || id == null || timestamp == null || header == null) {
            return false;
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            mac.update((id + "." + timestamp + ".").getBytes(StandardCharsets.UTF_8));
            byte[] expected = mac.doFinal(body);
            for (String candidate : header.split(" ")) {
                if (candidate.startsWith("v1,")) {
                    byte[] given = Base64.getDecoder().decode(candidate.substring(3));
                    if (MessageDigest.isEqual(expected, given)) {
                        return true;
                    }
                }
            }
            return false;
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }

    @Override
    public void close() {
        down();
    }
}
