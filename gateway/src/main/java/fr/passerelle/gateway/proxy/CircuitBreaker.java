package fr.passerelle.gateway.proxy;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Stops sending requests to an upstream that keeps failing at the connection level (refused, timed
 * out): while open, requests answer 503 at once instead of piling up; after the open period one
 * trial request goes through and its outcome closes or re-opens the circuit.
 */
public final class CircuitBreaker {

    private final int threshold;
    private final long openNanos;
    private final AtomicInteger consecutiveFailures = new AtomicInteger();
    /** 0 when closed, otherwise the nano time until which the circuit stays open. */
    private final AtomicLong openUntil = new AtomicLong();

    public CircuitBreaker(int threshold, long openNanos) {
        this.threshold = threshold;
        this.openNanos = openNanos;
    }

    /** @return true when a request may be sent now */
    public boolean allow(long now) {
        long until = openUntil.get();
        if (until == 0) {
            return true;
        }
        // Half-open: the first caller past the deadline takes the trial and pushes the deadline out.
        return now - until >= 0 && openUntil.compareAndSet(until, now + openNanos);
    }

    /** Seconds until the next trial, for Retry-After. */
    public long retryAfterSeconds(long now) {
        long until = openUntil.get();
        return until == 0 ? 1 : Math.max(1, (until - now + 999_999_999L) / 1_000_000_000L);
    }

    public void onSuccess() {
        if (consecutiveFailures.get() != 0) {
            consecutiveFailures.set(0);
        }
        if (openUntil.get() != 0) {
            openUntil.set(0);
        }
    }

    public void onFailure(long now) {
        if (consecutiveFailures.incrementAndGet() >= threshold) {
            openUntil.set(now + openNanos);
        }
    }

    public boolean isOpen() {
        return openUntil.get() != 0;
    }
}
