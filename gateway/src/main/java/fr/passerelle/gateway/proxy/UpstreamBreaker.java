package fr.passerelle.gateway.proxy;

import io.netty.channel.ConnectTimeoutException;
import io.smallrye.faulttolerance.api.CircuitBreakerState;
import io.smallrye.faulttolerance.api.TypedGuard;
import io.vertx.core.Vertx;
import io.vertx.core.Context;
import io.vertx.core.Future;
import jakarta.enterprise.util.TypeLiteral;
import java.net.ConnectException;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * One upstream's circuit breaker, SmallRye Fault Tolerance's (as referral-service's client uses, with its ft_*
 * metrics): after {@code failureThreshold} consecutive connection failures (refused, timed out) requests answer 503
 * at once instead of piling up; after {@code openDuration} one trial request goes through and its outcome closes or
 * re-opens the circuit. An answer, whatever its status, is a success: a service that answers is reachable.
 */
public final class UpstreamBreaker {

    private static final TypeLiteral<CompletionStage<Object>> ASYNC = new TypeLiteral<>() {
    };

    private final TypedGuard<CompletionStage<Object>> guard;
    private final long retryAfterSeconds;
    private volatile CircuitBreakerState state = CircuitBreakerState.CLOSED;

    public UpstreamBreaker(String upstream, int failureThreshold, Duration openDuration) {
        this.guard = TypedGuard.create(ASYNC)
                .withDescription("gateway upstream " + upstream)
                .withCircuitBreaker()
                .name("gateway-" + upstream)
                // A window of N calls that must all fail: N consecutive failures.
                .requestVolumeThreshold(failureThreshold)
                .failureRatio(1.0)
                .successThreshold(1)
                .delay(openDuration.toMillis(), ChronoUnit.MILLIS)
                .when(UpstreamBreaker::isConnectionFailure)
                .onStateChange(changed -> state = changed)
                .done()
                // The call is already non-blocking (Vert.x): it stays on the request's event loop.
                .withThreadOffload(false)
                .build();
        this.retryAfterSeconds = Math.max(1, (openDuration.toMillis() + 999) / 1000);
    }

    /** Runs the call through the breaker; an open circuit fails it with {@code CircuitBreakerOpenException}. */
    @SuppressWarnings("unchecked")
    public <T> Future<T> call(Supplier<Future<T>> call) {
        CompletionStage<Object> stage = guard.get(() -> (CompletionStage<Object>) call.get().toCompletionStage());
        // Completions come back on the request's own (duplicated) context: its trace and log data stay with it.
        Context context = Vertx.currentContext();
        return (Future<T>) (context == null ? Future.fromCompletionStage(stage) : Future.fromCompletionStage(stage, context));
    }

    /** For Retry-After while the circuit is open: the open period (the next trial comes no later). */
    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }

    /** Reported by readiness (an open circuit does not make the gateway unready). */
    public boolean isOpen() {
        return state == CircuitBreakerState.OPEN;
    }

    static boolean isConnectionFailure(Throwable failure) {
        Throwable cause = failure;
        while (cause != null) {
            if (cause instanceof ConnectException || cause instanceof TimeoutException
                    || cause instanceof ConnectTimeoutException) {
                return true;
            }
            cause = cause.getCause() == cause ? null : cause.getCause();
        }
        return false;
    }
}
