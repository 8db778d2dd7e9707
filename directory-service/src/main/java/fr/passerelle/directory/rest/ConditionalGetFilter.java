package fr.passerelle.directory.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.passerelle.common.web.Answers;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Conditional GET on every directory read (ETag, If-None-Match, 304), as {@link Answers#conditional} does it.
 * Registered here, not in common, so that a service opts in to conditional reads (and documents them:
 * {@link ConditionalGetOpenApi}).
 */
public class ConditionalGetFilter {

    @Inject
    ObjectMapper json;

    @ServerResponseFilter
    public void conditional(ContainerRequestContext request, ContainerResponseContext response) throws JsonProcessingException {
        Answers.conditional(request, response, json);
    }
}
