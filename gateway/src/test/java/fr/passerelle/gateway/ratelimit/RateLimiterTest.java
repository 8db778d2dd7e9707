package fr.passerelle.gateway.ratelimit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class RateLimiterTest {

    private static final long SECOND = 1_000_000_000L;

    @Test
    void aBurstPassesThenTheRateRefillsAndRetryAfterSaysWhen() {
        RateLimiter limiter = new RateLimiter(true, 2, 3, 120 * SECOND);
        for (int i = 0; i < 3; i++) {
            assertEquals(0, limiter.acquire("ip", 0));
        }
        assertEquals(1, limiter.acquire("ip", 0), "wait about half a second, rounded up to 1");
        assertEquals(0, limiter.acquire("ip", SECOND / 2), "one token back after 0.5 s at 2/s");
        assertEquals(1, limiter.acquire("ip", SECOND / 2));
        assertEquals(0, limiter.acquire("other", 0), "buckets are per key");
    }

    @Test
    void slowRatesAnnounceLongerWaits() {
        RateLimiter limiter = new RateLimiter(true, 0.1, 1, 120 * SECOND);
        assertEquals(0, limiter.acquire("k", 0));
        assertEquals(10, limiter.acquire("k", 0));
    }

    @Test
    void idleBucketsAreForgotten() {
        RateLimiter limiter = new RateLimiter(true, 1, 1, 10 * SECOND);
        limiter.acquire("a", 0);
        limiter.acquire("b", 9 * SECOND);
        limiter.evictIdle(11 * SECOND);
        assertEquals(1, limiter.size());
    }

    @Test
    void disabledLetsEverythingThrough() {
        RateLimiter limiter = new RateLimiter(false, 0, 0, SECOND);
        for (int i = 0; i < 100; i++) {
            assertEquals(0, limiter.acquire("k", 0));
        }
    }
}
