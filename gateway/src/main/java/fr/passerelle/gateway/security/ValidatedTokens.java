package fr.passerelle.gateway.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import com.github.benmanes.caffeine.cache.Ticker;

/**
 * Tokens quarkus-oidc has already validated, so a client's next requests with the same token skip the signature
 * check. A Caffeine cache bounded in size (least recently used tokens go first); each entry lives until its token
 * expires and never longer than {@code maxAge}, so a key removed from the realm stops being honoured within that
 * time. The key is the whole Authorization value: only the very same signed bytes hit.
 */
public final class ValidatedTokens {

    private final boolean enabled;
    private final long maxAgeNanos;
    private final Ticker ticker;
    private final Cache<String, Entry> entries;

    /** The subject, and how long this entry may be trusted from the moment it is written. */
    private record Entry(String subject, long lifeNanos) {
    }

    public ValidatedTokens(boolean enabled, long maxAgeNanos, int maxEntries) {
        this(enabled, maxAgeNanos, maxEntries, Ticker.systemTicker());
    }

    ValidatedTokens(boolean enabled, long maxAgeNanos, int maxEntries, Ticker ticker) {
        this.enabled = enabled;
        this.maxAgeNanos = maxAgeNanos;
        this.ticker = ticker;
        this.entries = Caffeine.newBuilder()
                .maximumSize(maxEntries)
                .expireAfter(new Expiry<String, Entry>() {
                    @Override
                    public long expireAfterCreate(String key, Entry entry, long currentTime) {
                        return entry.lifeNanos;
                    }

                    @Override
                    public long expireAfterUpdate(String key, Entry entry, long currentTime, long currentDuration) {
                        return entry.lifeNanos;
                    }

                    @Override
                    public long expireAfterRead(String key, Entry entry, long currentTime, long currentDuration) {
                        // Reading a token never extends its trust.
                        return currentDuration;
                    }
                })
                .ticker(ticker)
                // Evictions run on the calling thread (they are cheap): no pool thread is woken per request.
                .executor(Runnable::run)
                .build();
    }

    /** @return the token's subject when it was validated and is still within its life, else null */
    public String subject(String authorization) {
        if (!enabled || authorization == null) {
            return null;
        }
        Entry entry = entries.getIfPresent(authorization);
        return entry == null ? null : entry.subject;
    }

    /**
     * @param expiresAtEpochSeconds the token's {@code exp}
     * @param nowEpochMillis        the wall clock, which {@code exp} is measured against
     */
    public void remember(String authorization, String subject, long expiresAtEpochSeconds, long nowEpochMillis) {
        if (!enabled || authorization == null || subject == null || expiresAtEpochSeconds <= 0) {
            return;
        }
        long untilExpiry = (expiresAtEpochSeconds * 1000 - nowEpochMillis) * 1_000_000L;
        long life = Math.min(untilExpiry, maxAgeNanos);
        if (life > 0) {
            entries.put(authorization, new Entry(subject, life));
        }
    }

    long size() {
        entries.cleanUp();
        return entries.estimatedSize();
    }
}
