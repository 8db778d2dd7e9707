package fr.passerelle.directory.rest;

import fr.passerelle.common.problem.ProblemException;
import fr.passerelle.common.web.QueryParams;
import fr.passerelle.directory.hsds.Hsds;
import fr.passerelle.directory.service.HsdsService;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Open Referral HSDS 3.0 API: snake_case, UUID ids, HSDS paging (page numbers start at 1),
 * so other directories can import ours.
 */
@Path("/api/v1/hsds")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "HSDS 3.0", description = "Open Referral Human Services Data Specification 3.0 export of the directory.")
public class HsdsResource {

    @Inject
    HsdsService hsds;

    @GET
    @Operation(summary = "HSDS API root")
    @APIResponse(responseCode = "200", description = "HSDS version and where the API description is.")
    public Hsds.Root root() {
        return new Hsds.Root("3.0", "https://docs.openreferral.org/en/v3.0/hsds/overview.html", "/q/openapi");
    }

    @GET
    @Path("/services")
    @Operation(summary = "HSDS services (programmes)")
    @APIResponse(responseCode = "200", description = "An HSDS page of services.")
    public Hsds.Page<Hsds.Service> services(@Parameter(description = "Full text search.") @QueryParam("search") String search,
                                            @Parameter(description = "Only services of this organization.") @QueryParam("organization_id") String organizationId,
                                            @Parameter(description = "Only services with this taxonomy term.") @QueryParam("taxonomy_term_id") String taxonomyTermId,
                                            @Parameter(description = "Page number, from 1.") @QueryParam("page") String page,
                                            @Parameter(description = "Items per page, 1 to 100 (default 20).") @QueryParam("per_page") String perPage) {
        return hsds.services(QueryParams.text("search", search, 200), QueryParams.uuid("organization_id", organizationId),
                QueryParams.uuid("taxonomy_term_id", taxonomyTermId), page(page), perPage(perPage));
    }

    @GET
    @Path("/services/{id}")
    @Operation(summary = "HSDS service, fully nested")
    @APIResponse(responseCode = "200", description = "The service with its organization, areas, phones and attributes.")
    public Hsds.Service service(@PathParam("id") String id) {
        return hsds.service(pathUuid(id, "Service"));
    }

    @GET
    @Path("/organizations")
    @Operation(summary = "HSDS organizations")
    @APIResponse(responseCode = "200", description = "An HSDS page of organizations.")
    public Hsds.Page<Hsds.Organization> organizations(@QueryParam("search") String search, @QueryParam("page") String page,
                                                      @QueryParam("per_page") String perPage) {
        return hsds.organizations(QueryParams.text("search", search, 200), page(page), perPage(perPage));
    }

    @GET
    @Path("/organizations/{id}")
    @Operation(summary = "HSDS organization, with its services")
    @APIResponse(responseCode = "200", description = "The organization.")
    public Hsds.Organization organization(@PathParam("id") String id) {
        return hsds.organization(pathUuid(id, "Organization"));
    }

    @GET
    @Path("/taxonomies")
    @Operation(summary = "HSDS taxonomies")
    @APIResponse(responseCode = "200", description = "The programme-category taxonomy.")
    public Hsds.Page<Hsds.Taxonomy> taxonomies(@QueryParam("page") String page, @QueryParam("per_page") String perPage) {
        return hsds.taxonomies(page(page), perPage(perPage));
    }

    @GET
    @Path("/taxonomy_terms")
    @Operation(summary = "HSDS taxonomy terms (programme categories)")
    @APIResponse(responseCode = "200", description = "An HSDS page of taxonomy terms.")
    public Hsds.Page<Hsds.TaxonomyTerm> taxonomyTerms(@QueryParam("page") String page, @QueryParam("per_page") String perPage) {
        return hsds.taxonomyTerms(page(page), perPage(perPage));
    }

    private static int page(String raw) {
        Integer p = QueryParams.integer("page", raw, 1, 100_000);
        return p == null ? 1 : p;
    }

    private static int perPage(String raw) {
        Integer p = QueryParams.integer("per_page", raw, 1, 100);
        return p == null ? 20 : p;
    }

    private static UUID pathUuid(String raw, String what) {
        try {
            return UUID.fromString(raw);
        } catch (IllegalArgumentException e) {
            throw ProblemException.notFound(what + " " + raw);
        }
    }
}
