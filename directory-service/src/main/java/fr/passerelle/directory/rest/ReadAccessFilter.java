package fr.passerelle.directory.rest;

import fr.passerelle.common.security.CurrentCaller;
import fr.passerelle.directory.service.DirectoryAccess;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Every API call needs at least read access, checked once here so no endpoint can forget it;
 * writes additionally need the directory-admin role (on each write method).
 */
public class ReadAccessFilter {

    @Inject
    DirectoryAccess access;
    @Inject
    CurrentCaller caller;

    @ServerRequestFilter
    public void requireRead(ContainerRequestContext request) {
        if (request.getUriInfo().getPath().startsWith("/api/")) {
            access.requireRead(caller.get());
        }
    }
}
