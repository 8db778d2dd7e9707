package fr.passerelle.referral.client;

import io.quarkus.cache.CacheResult;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.WebApplicationException;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Fallback;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;

/**
 * The one way to the directory: a short cache in front, then timeout, retry and circuit breaker around
 * each call. "Not found" is an answer ({@link Optional#empty()}); anything else that is not a 2xx
 * becomes {@link DirectoryUnavailableException}, which is never cached.
 */
@ApplicationScoped
public class DirectoryGateway {

    private static final Logger LOG = Logger.getLogger(DirectoryGateway.class);

    @Inject
    @RestClient
    DirectoryClient client;

    @CacheResult(cacheName = "directory-programme")
    @Timeout(value = 3, unit = ChronoUnit.SECONDS)
    @Retry(maxRetries = 2, delay = 100, jitter = 50)
    @CircuitBreaker(requestVolumeThreshold = 6, failureRatio = 0.5, delay = 10, delayUnit = ChronoUnit.SECONDS)
    @Fallback(fallbackMethod = "programmeUnavailable")
    public Optional<DirectoryProgramme> programme(UUID id) {
        return notFoundAsEmpty(() -> client.programme(id));
    }

    @CacheResult(cacheName = "directory-platform")
    @Timeout(value = 3, unit = ChronoUnit.SECONDS)
    @Retry(maxRetries = 2, delay = 100, jitter = 50)
    @CircuitBreaker(requestVolumeThreshold = 6, failureRatio = 0.5, delay = 10, delayUnit = ChronoUnit.SECONDS)
    @Fallback(fallbackMethod = "platformUnavailable")
    public Optional<DirectoryPlatform> platform(UUID id) {
        return notFoundAsEmpty(() -> client.platform(id));
    }

    @CacheResult(cacheName = "directory-commune")
    @Timeout(value = 3, unit = ChronoUnit.SECONDS)
    @Retry(maxRetries = 2, delay = 100, jitter = 50)
    @CircuitBreaker(requestVolumeThreshold = 6, failureRatio = 0.5, delay = 10, delayUnit = ChronoUnit.SECONDS)
    @Fallback(fallbackMethod = "communeUnavailable")
    public Optional<DirectoryCommune> commune(String code) {
        return notFoundAsEmpty(() -> client.commune(code));
    }

    Optional<DirectoryProgramme> programmeUnavailable(UUID id) {
        throw unavailable("programme");
    }

    Optional<DirectoryPlatform> platformUnavailable(UUID id) {
        throw unavailable("platform");
    }

    Optional<DirectoryCommune> communeUnavailable(String code) {
        throw unavailable("commune");
    }

    private static DirectoryUnavailableException unavailable(String what) {
        LOG.warnf("directory-service %s look-up failed after retries (or circuit open)", what);
        return new DirectoryUnavailableException("directory-service could not answer a " + what + " look-up");
    }

    private static <T> Optional<T> notFoundAsEmpty(java.util.function.Supplier<T> call) {
        try {
            return Optional.ofNullable(call.get());
        } catch (WebApplicationException e) {
            if (e.getResponse() != null && e.getResponse().getStatus() == 404) {
                return Optional.empty();
            }
            throw e;
        }
    }
}
