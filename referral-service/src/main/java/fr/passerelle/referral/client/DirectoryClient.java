package fr.passerelle.referral.client;

import io.quarkus.oidc.client.filter.OidcClientFilter;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * directory-service, called with this service's own client-credentials token (scope directory:read),
 * never with the caller's. Use it through {@link DirectoryGateway}, which owns fault tolerance and caching.
 */
@RegisterRestClient(configKey = "directory")
@OidcClientFilter
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
public interface DirectoryClient {

    @GET
    @Path("/programmes/{id}")
    DirectoryProgramme programme(@PathParam("id") UUID id);

    @GET
    @Path("/programmes/{id}/eligibility")
    DirectoryEligibility eligibility(@PathParam("id") UUID id, @QueryParam("age") int age,
                                     @QueryParam("schoolLevel") String schoolLevel,
                                     @QueryParam("schoolingStatus") String schoolingStatus,
                                     @QueryParam("communeCode") String communeCode, @QueryParam("livesInQpv") Boolean livesInQpv);

    @GET
    @Path("/organisations/{id}")
    DirectoryOrganisation organisation(@PathParam("id") UUID id);

    @GET
    @Path("/platforms/{id}")
    DirectoryPlatform platform(@PathParam("id") UUID id);

    @GET
    @Path("/territories/communes/{code}")
    DirectoryCommune commune(@PathParam("code") String code);
}
