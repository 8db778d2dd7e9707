package fr.passerelle.web.security;

import fr.passerelle.web.config.WebConfig;
import io.quarkus.oidc.AuthorizationCodeTokens;
import io.quarkus.oidc.OidcRequestContext;
import io.quarkus.oidc.OidcTenantConfig;
import io.quarkus.oidc.TokenStateManager;
import io.quarkus.security.AuthenticationFailedException;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Inject;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.Comparator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Keeps the ID, access and refresh tokens on the server: the session cookie carries only a random handle (itself
 * encrypted by Quarkus OIDC), so no token ever reaches the browser, not even encrypted. Quarkus' database and Redis
 * token-state managers are not on the Maven Central mirror this project builds from (docs/adr/web-session-store.md): sessions live
 * in this instance's memory, so a restart logs everyone out and several instances need sticky sessions.
 */
@Alternative
@Priority(1)
@ApplicationScoped
public class ServerSideTokens implements TokenStateManager {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Map<String, Entry> sessions = new ConcurrentHashMap<>();
    private final int maxEntries;
    private final long maxIdleMillis;
    private final Clock clock;

    @Inject
    public ServerSideTokens(WebConfig config) {
        this(config.sessions().maxEntries(), config.sessions().maxIdle().toMillis(), Clock.systemUTC());
    }

    ServerSideTokens(int maxEntries, long maxIdleMillis, Clock clock) {
        this.maxEntries = maxEntries;
        this.maxIdleMillis = maxIdleMillis;
        this.clock = clock;
    }

    @Override
    public Uni<String> createTokenState(RoutingContext context, OidcTenantConfig config, AuthorizationCodeTokens tokens,
                                        OidcRequestContext<String> requestContext) {
        return Uni.createFrom().item(() -> remember(tokens));
    }

    @Override
    public Uni<AuthorizationCodeTokens> getTokens(RoutingContext context, OidcTenantConfig config, String handle,
                                                  OidcRequestContext<AuthorizationCodeTokens> requestContext) {
        AuthorizationCodeTokens tokens = tokens(handle);
        // Unknown (restart, idle, forged): refusing the session makes Quarkus drop the cookie and start a new login;
        // answering null would leave it with a session and no tokens.
        return tokens == null
                ? Uni.createFrom().failure(new AuthenticationFailedException("session expired or unknown"))
                : Uni.createFrom().item(tokens);
    }

    @Override
    public Uni<Void> deleteTokens(RoutingContext context, OidcTenantConfig config, String handle,
                                  OidcRequestContext<Void> requestContext) {
        return Uni.createFrom().item(() -> {
            forget(handle);
            return null;
        });
    }

    String remember(AuthorizationCodeTokens tokens) {
        long now = clock.millis();
        evict(now);
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String handle = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        sessions.put(handle, new Entry(tokens, now));
        return handle;
    }

    /** The tokens behind a handle, or null when unknown or idle too long. */
    AuthorizationCodeTokens tokens(String handle) {
        if (handle == null) {
            return null;
        }
        long now = clock.millis();
        Entry entry = sessions.get(handle);
        if (entry == null) {
            return null;
        }
        if (now - entry.lastUse > maxIdleMillis) {
            sessions.remove(handle, entry);
            return null;
        }
        entry.lastUse = now;
        return entry.tokens;
    }

    void forget(String handle) {
        if (handle != null) {
            sessions.remove(handle);
        }
    }

    int size() {
        return sessions.size();
    }

    private void evict(long now) {
        sessions.entrySet().removeIf(e -> now - e.getValue().lastUse > maxIdleMillis);
        while (sessions.size() >= maxEntries) {
            sessions.entrySet().stream().min(Comparator.comparingLong(e -> e.getValue().lastUse))
                    .ifPresent(oldest -> sessions.remove(oldest.getKey()));
        }
    }

    private static final class Entry {
        final AuthorizationCodeTokens tokens;
        volatile long lastUse;

        Entry(AuthorizationCodeTokens tokens, long lastUse) {
            this.tokens = tokens;
            this.lastUse = lastUse;
        }
    }
}
