package fr.passerelle.referral.rest;

import fr.passerelle.common.problem.ProblemException;
import fr.passerelle.referral.config.ReferralConfig;
import jakarta.inject.Inject;
import jakarta.inject.Provider;
import jakarta.ws.rs.container.ContainerRequestContext;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/** Refuses bodies above referral.limits.max-body-bytes with a 413 problem, before anything reads them. */
public class BodySizeLimit {

    // A Provider: filters are created at static init, before config mappings are available.
    @Inject
    Provider<ReferralConfig> config;

    @ServerRequestFilter(priority = 50)
    public void limit(ContainerRequestContext request) {
        String length = request.getHeaderString("Content-Length");
        if (length == null) {
            return;
        }
        long bytes;
        try {
            bytes = Long.parseLong(length.trim());
        } catch (NumberFormatException e) {
            throw ProblemException.badParameter("Content-Length", "must be a number", "WRONG_TYPE");
        }
        if (bytes > config.get().limits().maxBodyBytes()) {
            throw new ProblemException(413, "payload-too-large", "Payload too large",
                    "The request body exceeds " + config.get().limits().maxBodyBytes() + " bytes.", null);
        }
    }
}
