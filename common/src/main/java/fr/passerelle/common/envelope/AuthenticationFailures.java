package fr.passerelle.common.envelope;

import fr.passerelle.common.problem.ProblemMappers;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.UnauthorizedException;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * A token that fails validation (bad signature, expired, wrong audience) is the same 401 problem as no token at all,
 * instead of Quarkus's empty 401. Needs quarkus.http.auth.proactive=false, so that authentication runs inside JAX-RS.
 */
public class AuthenticationFailures {

    private final ProblemMappers mappers = new ProblemMappers();

    @ServerExceptionMapper
    public Response failed(AuthenticationFailedException e, ContainerRequestContext request) {
        return mappers.unauthorized(new UnauthorizedException(), request);
    }
}
