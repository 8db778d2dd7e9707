package fr.passerelle.referral.client;

import io.quarkus.cache.CacheResult;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.WebApplicationException;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Fallback;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;

/**
 * Who holds an account: asked of Keycloak, which owns that fact (no copy of it is kept here beyond a short cache).
 * The one way to Keycloak's admin API, shaped like {@link DirectoryGateway}: cache in front, then timeout, retry
 * and circuit breaker around each question. An unknown user (404, or 400 for an id Keycloak cannot parse) is an
 * ordinary answer ("no"), counted as a success by the breaker; 401 is retried once with a renewed token; anything
 * else that is not a 2xx, a timeout or a connection failure is {@link AccountsUnavailableException}.
 */
@ApplicationScoped
public class AccountsGateway {

    private static final Logger LOG = Logger.getLogger(AccountsGateway.class);
    /** Partner accounts of one organisation examined at most (an organisation has a handful). */
    private static final int MAX_USERS = 50;

    @Inject
    @RestClient
    KeycloakAdminClient client;

    /**
     * Whether the organisation has at least one enabled user whose {@code organisation} attribute is its id and who
     * holds the realm role {@code partner}: someone who can act as PROGRAMME_PARTNER on its referrals.
     */
    @CacheResult(cacheName = "accounts-partner")
    @Timeout(value = 3, unit = ChronoUnit.SECONDS)
    @Retry(maxRetries = 2, delay = 100, jitter = 50, abortOn = AccountsRefusedException.class)
    @CircuitBreaker(requestVolumeThreshold = 6, failureRatio = 0.5, delay = 10, delayUnit = ChronoUnit.SECONDS)
    @Fallback(fallbackMethod = "partnerAccountUnknown")
    public boolean hasPartnerAccount(UUID organisationId) {
        String value = organisationId.toString();
        List<KeycloakUser> users = call(() -> client.search("organisation:" + value, true, true, false, MAX_USERS), false)
                .orElseThrow(() -> new AccountsUnavailableException("Keycloak's user search answered 404"));
        for (KeycloakUser u : users) {
            if (u.isEnabled() && u.hasAttribute("organisation", value) && hasRealmRole(u.id(), "partner")) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether {@code userId} is an enabled user holding realm role {@code role} whose single-valued attribute
     * {@code attribute} equals {@code value} (a colleague of the same school, platform or organisation).
     */
    @CacheResult(cacheName = "accounts-colleague")
    @Timeout(value = 3, unit = ChronoUnit.SECONDS)
    @Retry(maxRetries = 2, delay = 100, jitter = 50, abortOn = AccountsRefusedException.class)
    @CircuitBreaker(requestVolumeThreshold = 6, failureRatio = 0.5, delay = 10, delayUnit = ChronoUnit.SECONDS)
    @Fallback(fallbackMethod = "colleagueUnknown")
    public boolean isMember(String userId, String role, String attribute, String value) {
        Optional<KeycloakUser> user = call(() -> client.user(userId), true);
        return user.isPresent() && user.get().isEnabled() && userId.equals(user.get().id())
                && user.get().hasAttribute(attribute, value) && hasRealmRole(userId, role);
    }

    boolean partnerAccountUnknown(UUID organisationId, Throwable cause) {
        throw unavailable("partner-account", cause);
    }

    boolean colleagueUnknown(String userId, String role, String attribute, String value, Throwable cause) {
        throw unavailable("colleague", cause);
    }

    private boolean hasRealmRole(String userId, String role) {
        return call(() -> client.realmRoles(userId, true), true).orElse(List.of()).stream()
                .anyMatch(r -> role.equals(r.name()));
    }

    private static AccountsUnavailableException unavailable(String what, Throwable cause) {
        // The class of the cause only: a message may carry the URL, hence an id.
        LOG.warnf("Keycloak %s look-up failed (%s)", what, cause.getClass().getSimpleName());
        return cause instanceof AccountsUnavailableException e ? e
                : new AccountsUnavailableException("Keycloak could not answer a " + what + " look-up");
    }

    /** One question, with one renewal of our token on 401; empty for "no such user" when {@code absentIsAnswer}. */
    private static <T> Optional<T> call(Supplier<T> request, boolean absentIsAnswer) {
        try {
            return answer(request, absentIsAnswer);
        } catch (WebApplicationException e) {
            if (status(e) != 401) {
                throw e;
            }
            // The OIDC client filter has marked the token for renewal: the next request fetches a fresh one.
            try {
                return answer(request, absentIsAnswer);
            } catch (WebApplicationException again) {
                throw status(again) == 401 ? new AccountsRefusedException("Keycloak refused this service's token after a renewal") : again;
            }
        }
    }

    private static <T> Optional<T> answer(Supplier<T> request, boolean absentIsAnswer) {
        try {
            return Optional.ofNullable(request.get());
        } catch (WebApplicationException e) {
            int status = status(e);
            if (absentIsAnswer && (status == 404 || status == 400)) {
                return Optional.empty();
            }
            if (status == 401) {
                throw e;
            }
            if (status >= 500 || status == 404) {
                throw new AccountsUnavailableException("Keycloak answered " + status);
            }
            // 403 (our service account lacks view-users), 429, anything else: retrying at once would not help.
            throw new AccountsRefusedException("Keycloak answered " + status);
        }
    }

    private static int status(WebApplicationException e) {
        return e.getResponse() == null ? 0 : e.getResponse().getStatus();
    }

    /** Keycloak answered, but not with users: never retried at once, a failure for the breaker. */
    public static class AccountsRefusedException extends AccountsUnavailableException {
        public AccountsRefusedException(String message) {
            super(message);
        }
    }
}
