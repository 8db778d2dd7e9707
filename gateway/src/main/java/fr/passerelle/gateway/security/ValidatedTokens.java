package fr.passerelle.gateway.security;

import java.util.concurrent.ConcurrentHashMap;

/**
 * Tokens quarkus-oidc has already validated, so a client's next requests with the same token skip
 * the signature check. An entry lives until the token expires, and never longer than {@code maxAge},
 * so a key removed from the realm stops being honoured within that time. The key is the whole
 * Authorization value: only the very same signed bytes hit.
 */
public final class ValidatedTokens {

    private final boolean enabled;
    private final long maxAgeNanos;
    private final int maxEntries;
    private final ConcurrentHashMap<String, Entry> entries = new ConcurrentHashMap<>();

    record Entry(String subject, long validUntilNanos) {
    }

    public ValidatedTokens(boolean enabled, long maxAgeNanos, int maxEntries) {
        this.enabled = enabled;
        this.maxAgeNanos = maxAgeNanos;
        this.maxEntries = maxEntries;
    }

    /** @return the token's subject when it was validated and is still within its life, else null */
    public String subject(String authorization, long nowNanos) {
        if (!enabled || authorization == null) {
            return null;
        }
        Entry entry = entries.get(authorization);
        if (entry == null) {
            return null;
        }
        if (nowNanos - entry.validUntilNanos >= 0) {
            entries.remove(authorization, entry);
            return null;
        }
        return entry.subject;
    }

    /**
     * @param expiresAtEpochSeconds the token's {@code exp}
     */
    public void remember(String authorization, String subject, long expiresAtEpochSeconds, long nowNanos, long nowEpochMillis) {
        if (!enabled || authorization == null || subject == null || expiresAtEpochSeconds <= 0) {
            return;
        }
        long untilExpiry = (expiresAtEpochSeconds * 1000 - nowEpochMillis) * 1_000_000L;
        long life = Math.min(untilExpiry, maxAgeNanos);
        if (life <= 0) {
            return;
        }
        if (entries.size() >= maxEntries) {
            evictExpired(nowNanos);
            if (entries.size() >= maxEntries) {
                // Many distinct live tokens at once: start over rather than grow.
                entries.clear();
            }
        }
        entries.put(authorization, new Entry(subject, nowNanos + life));
    }

    public void evictExpired(long nowNanos) {
        entries.values().removeIf(e -> nowNanos - e.validUntilNanos >= 0);
    }

    public int size() {
        return entries.size();
    }
}
