package fr.passerelle.gateway.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class ValidatedTokensTest {

    private static final long SECOND = 1_000_000_000L;

    @Test
    void aRememberedTokenIsKnownUntilTheEarlierOfItsExpiryAndTheMaxAge() {
        ValidatedTokens tokens = new ValidatedTokens(true, 60 * SECOND, 10);
        long epochMillis = 1_000_000_000_000L;
        tokens.remember("Bearer a", "alice", epochMillis / 1000 + 30, 0, epochMillis);
        tokens.remember("Bearer b", "bob", epochMillis / 1000 + 3600, 0, epochMillis);
        assertEquals("alice", tokens.subject("Bearer a", 29 * SECOND));
        assertNull(tokens.subject("Bearer a", 30 * SECOND), "expired token");
        assertEquals("bob", tokens.subject("Bearer b", 59 * SECOND));
        assertNull(tokens.subject("Bearer b", 60 * SECOND), "max age reached: validate again");
        assertNull(tokens.subject("Bearer c", 0));
    }

    @Test
    void anAlreadyExpiredTokenIsNotRemembered() {
        ValidatedTokens tokens = new ValidatedTokens(true, 60 * SECOND, 10);
        tokens.remember("Bearer a", "alice", 999, 0, 1_000_000L);
        assertNull(tokens.subject("Bearer a", 0));
    }

    @Test
    void theCacheStaysBounded() {
        ValidatedTokens tokens = new ValidatedTokens(true, 60 * SECOND, 3);
        for (int i = 0; i < 10; i++) {
            tokens.remember("Bearer " + i, "u" + i, 4_000_000_000L, 0, 1_000_000L);
        }
        assertEquals(true, tokens.size() <= 3);
    }

    @Test
    void disabledRemembersNothing() {
        ValidatedTokens tokens = new ValidatedTokens(false, 60 * SECOND, 3);
        tokens.remember("Bearer a", "alice", 4_000_000_000L, 0, 1_000_000L);
        assertNull(tokens.subject("Bearer a", 0));
    }
}
