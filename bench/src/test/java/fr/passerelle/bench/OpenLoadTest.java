package fr.passerelle.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The generator against a local server that stalls once: an open-model generator keeps the schedule, so every
 * request due during the stall reports the time it waited; a closed-loop one would report a single slow request.
 */
class OpenLoadTest {

    private Vertx vertx;
    private HttpServer server;
    private final AtomicInteger served = new AtomicInteger();

    @BeforeEach
    void server() throws Exception {
        vertx = Vertx.vertx();
        server = vertx.createHttpServer().requestHandler(req -> {
            int n = served.incrementAndGet();
            if (req.path().equals("/fail")) {
                req.response().setStatusCode(503).end();
            } else if (n == 1) {
                vertx.setTimer(400, t -> req.response().end("slow"));
            } else {
                req.response().end("ok");
            }
        }).listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    @AfterEach
    void stop() {
        vertx.close();
    }

    @Test
    void requestsDueDuringAStallAreTimedFromTheirScheduleNotFromWhenTheyCouldBeSent() {
        Latencies l;
        // One connection: everything due while the first answer is held waits behind it.
        try (OpenLoad gen = new OpenLoad("127.0.0.1", server.actualPort(), 1)) {
            l = gen.run(200, Duration.ZERO, Duration.ofSeconds(1), i -> new OpenLoad.Request(HttpMethod.GET, "/x",
                    MultiMap.caseInsensitiveMultiMap(), null), s -> s == 200);
        }
        assertEquals(200, l.count(), "the offered rate is kept: 200/s for 1 s");
        assertEquals(0, l.errors());
        assertTrue(l.max() >= 390_000, "the held request itself: " + l.max() + " µs");
        // Requests due in the first ~300 ms of the 400 ms stall each waited at least 100 ms.
        // (a closed-loop generator would report one slow request here).
        int waited = l.atLeast(100_000);
        assertTrue(waited >= 40, "at least 40 of 200 requests queued behind the stall, got " + waited);
    }

    @Test
    void unexpectedStatusesCountAsErrors() {
        Latencies l;
        try (OpenLoad gen = new OpenLoad("127.0.0.1", server.actualPort(), 4)) {
            l = gen.run(100, Duration.ZERO, Duration.ofMillis(200), i -> new OpenLoad.Request(HttpMethod.GET, "/fail",
                    MultiMap.caseInsensitiveMultiMap(), null), s -> s == 200);
        }
        assertEquals(20, l.count());
        assertEquals(20, l.errors());
        assertTrue(Errors.drain().contains("HTTP 503"));
    }
}
