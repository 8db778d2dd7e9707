package fr.passerelle.gateway.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ValidatedTokensTest {

    private static final long SECOND = 1_000_000_000L;
    private static final long EPOCH_MILLIS = 1_000_000_000_000L;

    private final AtomicLong now = new AtomicLong();

    private ValidatedTokens tokens(boolean enabled, int maxEntries) {
        return new ValidatedTokens(enabled, 60 * SECOND, maxEntries, now::get);
    }

    @Test
    void aRememberedTokenIsKnownUntilTheEarlierOfItsExpiryAndTheMaxAge() {
        ValidatedTokens tokens = tokens(true, 10);
        tokens.remember("Bearer a", "alice", EPOCH_MILLIS / 1000 + 30, EPOCH_MILLIS);
        tokens.remember("Bearer b", "bob", EPOCH_MILLIS / 1000 + 3600, EPOCH_MILLIS);
        now.set(29 * SECOND);
        assertEquals("alice", tokens.subject("Bearer a"));
        now.set(30 * SECOND);
        assertNull(tokens.subject("Bearer a"), "expired token");
        now.set(59 * SECOND);
        assertEquals("bob", tokens.subject("Bearer b"));
        now.set(60 * SECOND);
        assertNull(tokens.subject("Bearer b"), "max age reached: validate again");
        assertNull(tokens.subject("Bearer c"));
    }

    @Test
    void readingATokenDoesNotExtendItsLife() {
        ValidatedTokens tokens = tokens(true, 10);
        tokens.remember("Bearer a", "alice", EPOCH_MILLIS / 1000 + 10, EPOCH_MILLIS);
        for (int s = 1; s < 10; s++) {
            now.set(s * SECOND);
            assertEquals("alice", tokens.subject("Bearer a"));
        }
        now.set(10 * SECOND);
        assertNull(tokens.subject("Bearer a"));
    }

    @Test
    void anAlreadyExpiredTokenIsNotRemembered() {
        ValidatedTokens tokens = tokens(true, 10);
        tokens.remember("Bearer a", "alice", 999, 1_000_000L);
        assertNull(tokens.subject("Bearer a"));
    }

    @Test
    void theCacheStaysBoundedAndKeepsWorking() {
        ValidatedTokens tokens = tokens(true, 3);
        for (int i = 0; i < 10; i++) {
            tokens.remember("Bearer " + i, "u" + i, 4_000_000_000L, 1_000_000L);
        }
        assertTrue(tokens.size() <= 3, "size " + tokens.size());
        // Unlike a cache that starts over when full, the newest token is still known.
        assertEquals("u9", tokens.subject("Bearer 9"));
    }

    @Test
    void disabledRemembersNothing() {
        ValidatedTokens tokens = tokens(false, 3);
        tokens.remember("Bearer a", "alice", 4_000_000_000L, 1_000_000L);
        assertNull(tokens.subject("Bearer a"));
    }
}
