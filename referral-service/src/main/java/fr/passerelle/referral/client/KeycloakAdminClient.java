package fr.passerelle.referral.client;

import io.quarkus.oidc.client.filter.OidcClientFilter;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * Keycloak's admin REST API for the realm ({@code {server}/admin/realms/{realm}}, the configured URL), called with this
 * service's own client-credentials token: its service account holds realm-management's view-users and query-users
 * roles, nothing that writes. Use it through {@link AccountsGateway}, which owns fault tolerance and caching.
 */
@RegisterRestClient(configKey = "keycloak-admin")
@OidcClientFilter
@Produces(MediaType.APPLICATION_JSON)
public interface KeycloakAdminClient {

    /** Users whose custom attributes match {@code q} ("key:value", Keycloak 22+), with their attributes. */
    @GET
    @Path("/users")
    List<KeycloakUser> search(@QueryParam("q") String query, @QueryParam("exact") boolean exact,
                              @QueryParam("enabled") boolean enabled, @QueryParam("briefRepresentation") boolean brief,
                              @QueryParam("max") int max);

    @GET
    @Path("/users/{id}")
    KeycloakUser user(@PathParam("id") String id);

    /** The user's effective realm roles (through groups and composite roles too). */
    @GET
    @Path("/users/{id}/role-mappings/realm/composite")
    List<KeycloakRole> realmRoles(@PathParam("id") String id, @QueryParam("briefRepresentation") boolean brief);
}
