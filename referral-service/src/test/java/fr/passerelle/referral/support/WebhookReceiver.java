package fr.passerelle.referral.support;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/** A webhook receiver on 127.0.0.1 (the JDK's HttpServer): records every request byte for byte, answers a chosen status. */
public final class WebhookReceiver implements AutoCloseable {

    /** One request as it arrived. */
    public record Received(Instant at, Map<String, List<String>> headers, byte[] body, int answered) {
        public String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name)).map(e -> e.getValue().get(0))
                    .findFirst().orElse(null);
        }

        public String text() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    private final HttpServer server;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final AtomicInteger status = new AtomicInteger(204);
    /** Requests to answer 500 before the configured status applies. */
    private final AtomicInteger failFirst = new AtomicInteger();

    public WebhookReceiver() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.createContext("/", exchange -> {
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            int answer = failFirst.getAndUpdate(n -> Math.max(0, n - 1)) > 0 ? 500 : status.get();
            received.add(new Received(Instant.now(), Map.copyOf(exchange.getRequestHeaders()), body, answer));
            exchange.sendResponseHeaders(answer, -1);
            exchange.close();
        });
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.start();
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hooks?token=abc";
    }

    public WebhookReceiver answering(int status) {
        this.status.set(status);
        return this;
    }

    public WebhookReceiver failingFirst(int n) {
        failFirst.set(n);
        return this;
    }

    public List<Received> received() {
        return new ArrayList<>(received);
    }

    public List<Received> matching(Predicate<Received> which) {
        return received.stream().filter(which).toList();
    }

    /** Waits (generous cap) until {@code count} requests match; returns them. */
    public List<Received> await(int count, Predicate<Received> which, Duration cap) {
        long end = System.nanoTime() + cap.toNanos();
        while (System.nanoTime() < end) {
            List<Received> got = matching(which);
            if (got.size() >= count) {
                return got;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        throw new AssertionError("expected " + count + " matching requests within " + cap + ", got " + matching(which).size()
                + " (all: " + received.size() + ")");
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
