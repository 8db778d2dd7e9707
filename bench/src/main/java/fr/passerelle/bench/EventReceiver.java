package fr.passerelle.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A webhook subscriber's endpoint for the outbox figures: for each delivered {@code referral.submitted} it keeps the
 * time from the event's commit ({@code data.occurredAt}, stamped by referral-service on this same machine's clock) to
 * its arrival here. Answers 204 at once; signatures are the e2e suite's business, not the bench's.
 */
final class EventReceiver implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Vertx vertx = Vertx.vertx();
    private final HttpServer server;
    /** Commit time (epoch micros) and delivery latency (micros) per referral, first delivery only. */
    private final Map<String, long[]> byReferral = new HashMap<>();

    EventReceiver() throws Exception {
        server = vertx.createHttpServer().requestHandler(req -> req.body().onSuccess(body -> {
            long now = micros(Instant.now());
            try {
                JsonNode event = JSON.readTree(body.getBytes());
                JsonNode data = event.path("data");
                long committed = micros(Instant.parse(data.path("occurredAt").asText()));
                synchronized (byReferral) {
                    byReferral.putIfAbsent(data.path("referralId").asText(), new long[] {committed, now - committed});
                }
            } catch (Exception e) {
                // A malformed delivery is simply not counted; the figure's count shows it.
            }
            req.response().setStatusCode(204).end();
        })).listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    String url() {
        return "http://127.0.0.1:" + server.actualPort() + "/events";
    }

    int received() {
        synchronized (byReferral) {
            return byReferral.size();
        }
    }

    /** The delivery latencies of the events committed in [from, to). */
    Latencies between(Instant from, Instant to) {
        Latencies l = new Latencies();
        long a = micros(from);
        long b = micros(to);
        synchronized (byReferral) {
            for (long[] v : byReferral.values()) {
                if (v[0] >= a && v[0] < b) {
                    l.record(v[1]);
                }
            }
        }
        return l;
    }

    private static long micros(Instant t) {
        return TimeUnit.SECONDS.toMicros(t.getEpochSecond()) + t.getNano() / 1000;
    }

    @Override
    public void close() {
        vertx.close();
    }
}
