package fr.passerelle.gateway.proxy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class CircuitBreakerTest {

    private static final long SECOND = 1_000_000_000L;

    @Test
    void opensAfterConsecutiveFailuresThenLetsOneTrialThrough() {
        CircuitBreaker breaker = new CircuitBreaker(3, 5 * SECOND);
        breaker.onFailure(0);
        breaker.onFailure(0);
        assertTrue(breaker.allow(0));
        breaker.onFailure(0);
        assertFalse(breaker.allow(SECOND));
        assertEquals(4, breaker.retryAfterSeconds(SECOND));
        assertTrue(breaker.allow(5 * SECOND), "trial after the open period");
        assertFalse(breaker.allow(5 * SECOND), "only one trial at a time");
        breaker.onSuccess();
        assertTrue(breaker.allow(5 * SECOND));
        assertFalse(breaker.isOpen());
    }

    @Test
    void aSuccessResetsTheCount() {
        CircuitBreaker breaker = new CircuitBreaker(2, SECOND);
        breaker.onFailure(0);
        breaker.onSuccess();
        breaker.onFailure(0);
        assertTrue(breaker.allow(0));
    }
}
