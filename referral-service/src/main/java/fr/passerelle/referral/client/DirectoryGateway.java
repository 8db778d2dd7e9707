package fr.passerelle.referral.client;

import io.quarkus.cache.CacheResult;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.WebApplicationException;
import java.time.temporal.ChronoUnit;
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
 * The one way to the directory: a short cache in front, then timeout, retry and circuit breaker around each call
 * (the breaker sits inside the retry: it sees every attempt). What the directory answers decides what counts:
 * <ul>
 * <li>2xx: the record.</li>
 * <li>404, or 400 for a malformed code: the record does not exist, the caller's mistake. An ordinary answer
 * ({@link Optional#empty()}, cached like a record): nothing is retried and the breaker records a success, so
 * callers' mistakes can never open it for everybody.</li>
 * <li>401: this service's own token was refused (expired, keys rotated). The OIDC client filter marks it for renewal
 * ({@code quarkus.rest-client-oidc-filter.refresh-on-unauthorized}) and the call is made once more, with a fresh
 * token; refused again, the directory is unusable for us: {@link DirectoryRefusedException}.</li>
 * <li>429: the directory asks us to slow down. Unavailable for the caller (503 + Retry-After) and a failure for the
 * breaker, whose opening is the back-off; not retried at once ({@link DirectoryRefusedException}).</li>
 * <li>5xx, connection refused or reset, timeout: unavailable, retried, counted.</li>
 * <li>Any other status: an answer this client cannot use; unavailable, not retried, counted.</li>
 * </ul>
 */
@ApplicationScoped
public class DirectoryGateway {

    private static final Logger LOG = Logger.getLogger(DirectoryGateway.class);

    @Inject
    @RestClient
    DirectoryClient client;

    @CacheResult(cacheName = "directory-programme")
    @Timeout(value = 3, unit = ChronoUnit.SECONDS)
    @Retry(maxRetries = 2, delay = 100, jitter = 50, abortOn = DirectoryRefusedException.class)
    @CircuitBreaker(requestVolumeThreshold = 6, failureRatio = 0.5, delay = 10, delayUnit = ChronoUnit.SECONDS)
    @Fallback(fallbackMethod = "programmeUnavailable")
    public Optional<DirectoryProgramme> programme(UUID id) {
        return lookUp(() -> client.programme(id));
    }

    /**
     * Whether the young person fits the programme, as the directory decides (it owns the rule); empty when the directory
     * does not know the programme or refuses the criteria (404, 400). Cached briefly, keyed by programme and criteria.
     */
    @CacheResult(cacheName = "directory-eligibility")
    @Timeout(value = 3, unit = ChronoUnit.SECONDS)
    @Retry(maxRetries = 2, delay = 100, jitter = 50, abortOn = DirectoryRefusedException.class)
    @CircuitBreaker(requestVolumeThreshold = 6, failureRatio = 0.5, delay = 10, delayUnit = ChronoUnit.SECONDS)
    @Fallback(fallbackMethod = "eligibilityUnavailable")
    public Optional<DirectoryEligibility> eligibility(UUID programmeId, DirectoryEligibility.Criteria criteria) {
        return lookUp(() -> client.eligibility(programmeId, criteria.age(), criteria.schoolLevel(), criteria.schoolingStatus(),
                criteria.communeCode(), criteria.livesInQpv()));
    }

    @CacheResult(cacheName = "directory-platform")
    @Timeout(value = 3, unit = ChronoUnit.SECONDS)
    @Retry(maxRetries = 2, delay = 100, jitter = 50, abortOn = DirectoryRefusedException.class)
    @CircuitBreaker(requestVolumeThreshold = 6, failureRatio = 0.5, delay = 10, delayUnit = ChronoUnit.SECONDS)
    @Fallback(fallbackMethod = "platformUnavailable")
    public Optional<DirectoryPlatform> platform(UUID id) {
        return lookUp(() -> client.platform(id));
    }

    /** An organisation's functional contacts, for e-mail notifications. */
    @CacheResult(cacheName = "directory-organisation")
    @Timeout(value = 3, unit = ChronoUnit.SECONDS)
    @Retry(maxRetries = 2, delay = 100, jitter = 50, abortOn = DirectoryRefusedException.class)
    @CircuitBreaker(requestVolumeThreshold = 6, failureRatio = 0.5, delay = 10, delayUnit = ChronoUnit.SECONDS)
    @Fallback(fallbackMethod = "organisationUnavailable")
    public Optional<DirectoryOrganisation> organisation(UUID id) {
        return lookUp(() -> client.organisation(id));
    }

    @CacheResult(cacheName = "directory-commune")
    @Timeout(value = 3, unit = ChronoUnit.SECONDS)
    @Retry(maxRetries = 2, delay = 100, jitter = 50, abortOn = DirectoryRefusedException.class)
    @CircuitBreaker(requestVolumeThreshold = 6, failureRatio = 0.5, delay = 10, delayUnit = ChronoUnit.SECONDS)
    @Fallback(fallbackMethod = "communeUnavailable")
    public Optional<DirectoryCommune> commune(String code) {
        return lookUp(() -> client.commune(code));
    }

    Optional<DirectoryProgramme> programmeUnavailable(UUID id, Throwable cause) {
        throw unavailable("programme", cause);
    }

    Optional<DirectoryEligibility> eligibilityUnavailable(UUID programmeId, DirectoryEligibility.Criteria criteria,
                                                          Throwable cause) {
        throw unavailable("eligibility", cause);
    }

    Optional<DirectoryPlatform> platformUnavailable(UUID id, Throwable cause) {
        throw unavailable("platform", cause);
    }

    Optional<DirectoryOrganisation> organisationUnavailable(UUID id, Throwable cause) {
        throw unavailable("organisation", cause);
    }

    Optional<DirectoryCommune> communeUnavailable(String code, Throwable cause) {
        throw unavailable("commune", cause);
    }

    private static DirectoryUnavailableException unavailable(String what, Throwable cause) {
        // The class of the cause only: an exception's message may carry the URL, hence the code looked up.
        LOG.warnf("directory-service %s look-up failed (%s)", what, cause.getClass().getSimpleName());
        return new DirectoryUnavailableException("directory-service could not answer a " + what + " look-up");
    }

    private static <T> Optional<T> lookUp(Supplier<T> call) {
        try {
            return answer(call);
        } catch (WebApplicationException e) {
            if (status(e) != 401) {
                throw e;
            }
            // The filter has marked the token for renewal: the next request fetches a fresh one.
            try {
                return answer(call);
            } catch (WebApplicationException again) {
                throw status(again) == 401
                        ? new DirectoryRefusedException("directory-service refused this service's token after a renewal")
                        : again;
            }
        }
    }

    /** One request: the record, empty for a record that does not exist, or the status sorted into what it means. */
    private static <T> Optional<T> answer(Supplier<T> call) {
        try {
            return Optional.ofNullable(call.get());
        } catch (WebApplicationException e) {
            int status = status(e);
            if (status == 404 || status == 400) {
                return Optional.empty();
            }
            if (status == 401) {
                throw e;
            }
            if (status >= 500) {
                throw new DirectoryUnavailableException("directory-service answered " + status);
            }
            throw new DirectoryRefusedException("directory-service answered " + status);
        }
    }

    private static int status(WebApplicationException e) {
        return e.getResponse() == null ? 0 : e.getResponse().getStatus();
    }
}
