package fr.passerelle.referral.rest;

import fr.passerelle.common.problem.ProblemException;
import fr.passerelle.common.problem.ProblemMappers;
import io.quarkus.oidc.OIDCException;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * When Keycloak cannot be reached to check a token (its keys unknown yet), answer 503 with Retry-After rather
 * than the catch-all 500. Belongs with the other mappers in common; kept here until it moves there.
 */
public class IdentityProviderProblems {

    private final ProblemMappers mappers = new ProblemMappers();

    @ServerExceptionMapper
    public Response unreachable(OIDCException e, ContainerRequestContext request) {
        return mappers.problem(ProblemException.serviceUnavailable(
                "The identity provider cannot be reached to check the token; retry shortly.", 10), request);
    }
}
