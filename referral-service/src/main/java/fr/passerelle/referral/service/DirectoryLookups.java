package fr.passerelle.referral.service;

import fr.passerelle.common.problem.ProblemException;
import fr.passerelle.referral.client.DirectoryCommune;
import fr.passerelle.referral.client.DirectoryEligibility;
import fr.passerelle.referral.client.DirectoryGateway;
import fr.passerelle.referral.client.DirectoryPlatform;
import fr.passerelle.referral.client.DirectoryProgramme;
import fr.passerelle.referral.client.DirectoryUnavailableException;
import fr.passerelle.referral.config.ReferralConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

/** Directory look-ups for the services: "cannot confirm" becomes 503 + Retry-After, before anything is written. */
@ApplicationScoped
public class DirectoryLookups {

    @Inject
    DirectoryGateway gateway;
    @Inject
    ReferralConfig config;

    public Optional<DirectoryProgramme> programme(UUID id) {
        return call(() -> gateway.programme(id));
    }

    public Optional<DirectoryEligibility> eligibility(UUID programmeId, DirectoryEligibility.Criteria criteria) {
        return call(() -> gateway.eligibility(programmeId, criteria));
    }

    public Optional<DirectoryPlatform> platform(UUID id) {
        return call(() -> gateway.platform(id));
    }

    public Optional<DirectoryCommune> commune(String code) {
        return call(() -> gateway.commune(code));
    }

    private <T> Optional<T> call(Supplier<Optional<T>> lookup) {
        try {
            return lookup.get();
        } catch (DirectoryUnavailableException e) {
            throw ProblemException.serviceUnavailable("The directory cannot confirm the target right now; nothing was saved."
                    + " Retry later with the same Idempotency-Key.", config.directory().retryAfterSeconds());
        }
    }
}
