package fr.passerelle.gateway.ratelimit;

import java.util.concurrent.ConcurrentHashMap;

/**
 * Token buckets in memory, one per key (client IP or token subject): {@code rate} tokens a second,
 * up to {@code burst} saved. One gateway instance holds its own buckets; with several instances
 * the effective limit is per instance.
 */
public final class RateLimiter {

    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    private final boolean enabled;
    private final double tokensPerNano;
    private final double burst;
    private final long idleEvictionNanos;
    private final ConcurrentHashMap<String, Bucket> buckets = new ConcurrentHashMap<>();

    public RateLimiter(boolean enabled, double ratePerSecond, int burst, long idleEvictionNanos) {
        if (enabled && (ratePerSecond <= 0 || burst < 1)) {
            throw new IllegalArgumentException("A rate limit needs rate > 0 and burst >= 1");
        }
        this.enabled = enabled;
        this.tokensPerNano = ratePerSecond / NANOS_PER_SECOND;
        this.burst = Math.max(1, burst);
        this.idleEvictionNanos = idleEvictionNanos;
    }

    /**
     * Takes one token for {@code key}.
     *
     * @return 0 when the request may go on, otherwise the whole seconds to wait (at least 1), for Retry-After
     */
    public long acquire(String key, long nowNanos) {
        if (!enabled) {
            return 0;
        }
        Bucket bucket = buckets.get(key);
        if (bucket == null) {
            bucket = buckets.computeIfAbsent(key, k -> new Bucket(burst, nowNanos));
        }
        return bucket.take(nowNanos, tokensPerNano, burst);
    }

    /** Forgets buckets that have refilled and not been used for a while, so memory follows active clients. */
    public void evictIdle(long nowNanos) {
        buckets.values().removeIf(b -> b.idleSince(nowNanos) > idleEvictionNanos);
    }

    public int size() {
        return buckets.size();
    }

    static final class Bucket {
        private double tokens;
        private long last;

        Bucket(double tokens, long now) {
            this.tokens = tokens;
            this.last = now;
        }

        synchronized long take(long now, double tokensPerNano, double burst) {
            if (now > last) {
                tokens = Math.min(burst, tokens + (now - last) * tokensPerNano);
                last = now;
            }
            if (tokens >= 1) {
                tokens -= 1;
                return 0;
            }
            double missingNanos = (1 - tokens) / tokensPerNano;
            return Math.max(1, (long) Math.ceil(missingNanos / NANOS_PER_SECOND));
        }

        synchronized long idleSince(long now) {
            return now - last;
        }
    }
}
