package fr.passerelle.gateway.proxy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.Future;
import java.net.ConnectException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.junit.jupiter.api.Test;

/** The breaker runs on SmallRye Fault Tolerance, which the Quarkus application provides. */
@QuarkusTest
class UpstreamBreakerTest {

    private final AtomicInteger sent = new AtomicInteger();

    private Throwable call(UpstreamBreaker breaker, Future<String> outcome) throws Exception {
        Future<String> result = breaker.call(() -> {
            sent.incrementAndGet();
            return outcome;
        });
        return result.toCompletionStage().toCompletableFuture().handle((ok, failure) -> failure).get(5, TimeUnit.SECONDS);
    }

    @Test
    void opensAfterConsecutiveConnectionFailuresThenLetsATrialThrough() throws Exception {
        UpstreamBreaker breaker = new UpstreamBreaker("test-open", 3, Duration.ofMillis(300));
        for (int i = 0; i < 3; i++) {
            assertInstanceOf(ConnectException.class, call(breaker, Future.failedFuture(new ConnectException("refused"))));
        }
        assertTrue(breaker.isOpen());
        Throwable refused = call(breaker, Future.succeededFuture("never sent"));
        assertInstanceOf(CircuitBreakerOpenException.class, refused, "open: answered at once");
        assertEquals(3, sent.get(), "nothing sent while open");
        assertEquals(1, breaker.retryAfterSeconds());
        Thread.sleep(400);
        assertEquals(null, call(breaker, Future.succeededFuture("trial")), "the trial after the open period goes through");
        assertFalse(breaker.isOpen(), "a successful trial closes the circuit");
    }

    @Test
    void anAnswerOrAnotherFailureIsNotAConnectionFailure() throws Exception {
        UpstreamBreaker breaker = new UpstreamBreaker("test-other", 2, Duration.ofSeconds(5));
        call(breaker, Future.failedFuture(new ConnectException("refused")));
        call(breaker, Future.succeededFuture("answered"));
        call(breaker, Future.failedFuture(new ConnectException("refused")));
        call(breaker, Future.failedFuture(new IllegalStateException("reset by the client")));
        assertFalse(breaker.isOpen());
        assertEquals(null, call(breaker, Future.succeededFuture("ok")));
    }
}
