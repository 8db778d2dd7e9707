package fr.passerelle.web.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.oidc.AuthorizationCodeTokens;
import io.quarkus.security.AuthenticationFailedException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class ServerSideTokensTest {

    private final MutableClock clock = new MutableClock();

    @Test
    void theCookieCarriesAHandleNeverTheTokens() {
        ServerSideTokens store = new ServerSideTokens(10, Duration.ofHours(8).toMillis(), clock);
        AuthorizationCodeTokens tokens = new AuthorizationCodeTokens("id.token.x", "access.token.y", "refresh.token.z");
        String handle = store.remember(tokens);
        assertTrue(handle.matches("[A-Za-z0-9_-]{43}"), "a 256-bit random handle: " + handle);
        assertTrue(!handle.contains("token"), "no token in the handle");
        assertSame(tokens, store.tokens(handle));
        assertNotEquals(handle, store.remember(tokens), "every login gets its own handle");
    }

    @Test
    void anUnknownOrForgottenHandleHasNoTokens() {
        ServerSideTokens store = new ServerSideTokens(10, Duration.ofHours(8).toMillis(), clock);
        String handle = store.remember(new AuthorizationCodeTokens("i", "a", "r"));
        assertNull(store.tokens("forged"));
        assertNull(store.tokens(null));
        store.forget(handle);
        assertNull(store.tokens(handle), "logout forgets the tokens");
    }

    @Test
    void anUnknownHandleIsRefusedSoQuarkusStartsANewLogin() {
        // Answering null would leave Quarkus with a session without tokens (a 500 on every page after a restart).
        ServerSideTokens store = new ServerSideTokens(10, Duration.ofHours(8).toMillis(), clock);
        assertThrows(AuthenticationFailedException.class,
                () -> store.getTokens(null, null, "unknown-after-restart", null).await().indefinitely());
    }

    @Test
    void anIdleSessionExpiresAndAUsedOneDoesNot() {
        ServerSideTokens store = new ServerSideTokens(10, Duration.ofHours(1).toMillis(), clock);
        String idle = store.remember(new AuthorizationCodeTokens("i", "a", "r"));
        String used = store.remember(new AuthorizationCodeTokens("i", "a", "r"));
        for (int i = 0; i < 4; i++) {
            clock.advance(Duration.ofMinutes(20));
            store.tokens(used);
        }
        assertNull(store.tokens(idle), "80 minutes idle: gone");
        assertTrue(store.tokens(used) != null, "used every 20 minutes: kept");
    }

    @Test
    void theStoreIsBoundedOldestFirst() {
        ServerSideTokens store = new ServerSideTokens(3, Duration.ofHours(8).toMillis(), clock);
        String first = store.remember(new AuthorizationCodeTokens("i", "a", "r"));
        clock.advance(Duration.ofSeconds(1));
        String second = store.remember(new AuthorizationCodeTokens("i", "a", "r"));
        clock.advance(Duration.ofSeconds(1));
        store.remember(new AuthorizationCodeTokens("i", "a", "r"));
        clock.advance(Duration.ofSeconds(1));
        store.tokens(first);
        store.remember(new AuthorizationCodeTokens("i", "a", "r"));
        assertEquals(3, store.size());
        assertNull(store.tokens(second), "the least recently used session went first");
        assertTrue(store.tokens(first) != null);
    }

    private static final class MutableClock extends Clock {
        private Instant now = Instant.parse("2026-11-30T08:00:00Z");

        void advance(Duration d) { now = now.plus(d); }
        @Override public ZoneId getZone() { return ZoneId.of("UTC"); }
        @Override public Clock withZone(ZoneId zone) { return this; }
        @Override public Instant instant() { return now; }
    }
}
