package fr.passerelle.bench;

import io.vertx.core.Context;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntPredicate;
import java.util.function.LongFunction;

/**
 * Open-model load: request i is due at start + i / rate whatever happened to the earlier ones, and its latency
 * runs from that due time to the last byte of the answer. A slow server therefore shows up as queueing in the
 * figures instead of silently lowering the offered rate (no coordinated omission). Keep-alive HTTP/1.1 over a
 * bounded pool; a request waiting for a free connection is still on the clock.
 */
public final class OpenLoad implements AutoCloseable {

    /** One request to send; {@code body} null for none. */
    public record Request(HttpMethod method, String uri, MultiMap headers, Buffer body) {
    }

    private final Vertx vertx;
    private final HttpClient client;
    private final Context context;

    public OpenLoad(String host, int port, int connections) {
        // One event loop is plenty at these rates and leaves the second core to the system under test.
        vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1).setWorkerPoolSize(1).setInternalBlockingPoolSize(1));
        client = vertx.createHttpClient(new HttpClientOptions().setDefaultHost(host).setDefaultPort(port).setKeepAlive(true)
                .setTcpNoDelay(true).setConnectTimeout(5_000), new PoolOptions().setHttp1MaxSize(connections));
        context = vertx.getOrCreateContext();
    }

    /**
     * Offers {@code rate} requests per second: {@code warmup} unmeasured, then {@code duration} measured. Waits for
     * the measured requests to finish (those unanswered after the timeout count as errors).
     */
    public Latencies run(double rate, Duration warmup, Duration duration, LongFunction<Request> requests, IntPredicate expected) {
        Latencies discarded = new Latencies();
        Latencies measured = new Latencies();
        AtomicLong inFlight = new AtomicLong();
        java.util.concurrent.atomic.AtomicBoolean counting = new java.util.concurrent.atomic.AtomicBoolean(true);
        long period = (long) (1_000_000_000L / rate);
        long warmupCount = warmup.toNanos() / period;
        long total = warmupCount + duration.toNanos() / period;
        long start = System.nanoTime() + 20_000_000L;
        for (long i = 0; i < total; i++) {
            long due = start + i * period;
            long wait;
            while ((wait = due - System.nanoTime()) > 0) {
                LockSupport.parkNanos(wait);
            }
            Latencies into = i < warmupCount ? discarded : measured;
            Request request = requests.apply(i);
            inFlight.incrementAndGet();
            context.runOnContext(v -> send(request, due, into, expected, inFlight, counting));
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (inFlight.get() > 0 && System.nanoTime() < deadline) {
            LockSupport.parkNanos(1_000_000L);
        }
        // Still unanswered: errors, counted once; their late answers (or the pool's closing) are ignored.
        counting.set(false);
        for (long i = inFlight.get(); i > 0; i--) {
            measured.error();
        }
        if (inFlight.get() > 0) {
            Errors.note("no answer within 15 s of the end of the phase");
        }
        return measured;
    }

    private void send(Request r, long due, Latencies into, IntPredicate expected, AtomicLong inFlight,
                      java.util.concurrent.atomic.AtomicBoolean counting) {
        RequestOptions options = new RequestOptions().setMethod(r.method()).setURI(r.uri()).setHeaders(r.headers())
                .setIdleTimeout(10_000);
        client.request(options)
                .compose(req -> r.body() == null ? req.send() : req.send(r.body()))
                .compose(resp -> resp.body().map(b -> resp.statusCode()))
                .onComplete(ar -> {
                    if (!counting.get()) {
                        return;
                    }
                    long micros = (System.nanoTime() - due) / 1_000;
                    into.record(micros);
                    if (ar.failed() || !expected.test(ar.result())) {
                        into.error();
                        Errors.note(ar.failed() ? ar.cause().toString() : "HTTP " + ar.result());
                    }
                    inFlight.decrementAndGet();
                });
    }

    @Override
    public void close() {
        client.close();
        vertx.close().toCompletionStage().toCompletableFuture().orTimeout(10, TimeUnit.SECONDS).exceptionally(e -> null).join();
    }
}
