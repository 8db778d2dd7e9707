package fr.passerelle.directory.rest;

import fr.passerelle.directory.hsds.Hsds;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The Open Referral HSDS 3.0 API reference, as far as the directory's data goes: snake_case, UUID ids, HSDS paging
 * (page numbers from 1, the Page header on every list), query parameters cumulative (AND). Read access, like every
 * directory read (role or the directory:read scope). Problem answers (400, 401, 403, 404) are added by the common
 * OpenAPI filter; 304 and If-None-Match by {@link ConditionalGetOpenApi}.
 * <p>
 * Bounded parameters are named in Java as in the query string: a Bean Validation violation names the Java parameter.
 * Typed query parameters repeat their {@code @QueryParam} on {@link HsdsResource}: TypedQueryParams finds a
 * parameter's name in the annotations of the implementing method (without it a badly typed value answered 404, not 400).
 */
@Path("/api/v1/hsds")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "HSDS 3.0", description = "Open Referral Human Services Data Specification 3.0 export of the directory: "
        + "programmes as services, partner organisations as organizations, programme categories as a taxonomy, "
        + "organisations' places as locations.")
public interface HsdsApi {

    String PAGE = "Page number, from 1 (default 1). A page past the last is empty.";
    String PER_PAGE = "Objects per page, 1 to 100 (default 20).";
    String SEARCH = "Words to search for (French, accents and plurals folded), up to 200 characters.";
    String MODIFIED_AFTER = "Only objects modified on or after this instant (RFC 3339 date-time with an offset, e.g. "
            + "2026-11-20T09:00:00Z); a service counts as modified when its programme or its organisation changed "
            + "(its last_modified).";

    @GET
    @Operation(operationId = "getHsdsRoot", summary = "HSDS API root",
            description = "The HSDS version this API implements, its profile and the absolute URL of its OpenAPI description "
                    + "(as the caller reached the API: through the gateway, the gateway's merged document).")
    @APIResponse(responseCode = "200", description = "HSDS version, profile and API description.",
            content = @Content(schema = @Schema(implementation = Hsds.Root.class)))
    Hsds.Root root(@Context UriInfo uri, @Context HttpHeaders headers);

    @GET
    @Path("/services")
    @Operation(operationId = "listHsdsServices", summary = "List HSDS services (programmes)",
            description = "Programmes that are not archived, by name, with their one-to-one fields and their organization. "
                    + "Closed programmes are listed with status defunct, full ones with status temporarily closed. "
                    + "Filters combine (AND).")
    @APIResponse(responseCode = "200", description = "An HSDS page of services.",
            content = @Content(schema = @Schema(implementation = Hsds.ServicePage.class)))
    Hsds.Page<Hsds.Service> listServices(
            @Parameter(description = SEARCH) @QueryParam("search") String search,
            @Parameter(description = "Only services of this organization.") @QueryParam("organization_id") @Schema(implementation = String.class, format = "uuid") UUID organizationId,
            @Parameter(description = "Only services with this taxonomy term (programme category).")
            @QueryParam("taxonomy_term_id") @Schema(implementation = String.class, format = "uuid") UUID taxonomyTermId,
            @Parameter(description = "Only services with a term of this taxonomy.") @QueryParam("taxonomy_id") @Schema(implementation = String.class, format = "uuid") UUID taxonomyId,
            @Parameter(description = MODIFIED_AFTER) @QueryParam("modified_after") @Schema(implementation = String.class, format = "date-time") OffsetDateTime modifiedAfter,
            @Parameter(description = PAGE) @QueryParam("page") @Min(1) @Max(100_000) Integer page,
            @Parameter(description = PER_PAGE) @QueryParam("per_page") @Min(1) @Max(100) Integer per_page);

    @GET
    @Path("/services/{id}")
    @Operation(operationId = "getHsdsService", summary = "Get an HSDS service, fully nested",
            description = "The service with its organization, service areas, service at location, phones, schedule, cost "
                    + "options and attributes (its taxonomy terms). Archived programmes still answer, with status inactive.")
    @APIResponse(responseCode = "200", description = "The service.",
            content = @Content(schema = @Schema(implementation = Hsds.Service.class)))
    Hsds.Service getService(@Parameter(description = "The service's id (the programme's).") @PathParam("id") @Schema(implementation = String.class, format = "uuid") UUID id);

    @GET
    @Path("/organizations")
    @Operation(operationId = "listHsdsOrganizations", summary = "List HSDS organizations",
            description = "Partner organisations that are not archived, by name, with their phones, location and "
                    + "identifiers (no services: read an organization by id for those).")
    @APIResponse(responseCode = "200", description = "An HSDS page of organizations.",
            content = @Content(schema = @Schema(implementation = Hsds.OrganizationPage.class)))
    Hsds.Page<Hsds.Organization> listOrganizations(
            @Parameter(description = SEARCH) @QueryParam("search") String search,
            @Parameter(description = PAGE) @QueryParam("page") @Min(1) @Max(100_000) Integer page,
            @Parameter(description = PER_PAGE) @QueryParam("per_page") @Min(1) @Max(100) Integer per_page);

    @GET
    @Path("/organizations/{id}")
    @Operation(operationId = "getHsdsOrganization", summary = "Get an HSDS organization, with its services",
            description = "The organization with its phones, location, identifiers (a school's UAI) and its services "
                    + "(one-to-one fields). Archived organisations still answer.")
    @APIResponse(responseCode = "200", description = "The organization.",
            content = @Content(schema = @Schema(implementation = Hsds.Organization.class)))
    Hsds.Organization getOrganization(@Parameter(description = "The organization's id (the organisation's).") @PathParam("id") @Schema(implementation = String.class, format = "uuid") UUID id);

    @GET
    @Path("/service_at_locations")
    @Operation(operationId = "listHsdsServicesAtLocations", summary = "List HSDS services at locations",
            description = "Each programme at its organisation's place, for the programmes whose organisation's commune is "
                    + "known (programmes have no address of their own). Same filters as the service list (AND).")
    @APIResponse(responseCode = "200", description = "An HSDS page of services at locations.",
            content = @Content(schema = @Schema(implementation = Hsds.ServiceAtLocationPage.class)))
    Hsds.Page<Hsds.ServiceAtLocation> listServicesAtLocations(
            @Parameter(description = SEARCH) @QueryParam("search") String search,
            @Parameter(description = "Only services of this organization.") @QueryParam("organization_id") @Schema(implementation = String.class, format = "uuid") UUID organizationId,
            @Parameter(description = "Only services with this taxonomy term (programme category).")
            @QueryParam("taxonomy_term_id") @Schema(implementation = String.class, format = "uuid") UUID taxonomyTermId,
            @Parameter(description = "Only services with a term of this taxonomy.") @QueryParam("taxonomy_id") @Schema(implementation = String.class, format = "uuid") UUID taxonomyId,
            @Parameter(description = MODIFIED_AFTER) @QueryParam("modified_after") @Schema(implementation = String.class, format = "date-time") OffsetDateTime modifiedAfter,
            @Parameter(description = PAGE) @QueryParam("page") @Min(1) @Max(100_000) Integer page,
            @Parameter(description = PER_PAGE) @QueryParam("per_page") @Min(1) @Max(100) Integer per_page);

    @GET
    @Path("/service_at_locations/{id}")
    @Operation(operationId = "getHsdsServiceAtLocation", summary = "Get an HSDS service at location",
            description = "The service (one-to-one fields) and its location with the postal address when the directory "
                    + "knows all of it.")
    @APIResponse(responseCode = "200", description = "The service at location.",
            content = @Content(schema = @Schema(implementation = Hsds.ServiceAtLocation.class)))
    Hsds.ServiceAtLocation getServiceAtLocation(@Parameter(description = "The service at location's id.") @PathParam("id") @Schema(implementation = String.class, format = "uuid") UUID id);

    @GET
    @Path("/taxonomies")
    @Operation(operationId = "listHsdsTaxonomies", summary = "List HSDS taxonomies",
            description = "The one taxonomy the directory uses: programme categories.")
    @APIResponse(responseCode = "200", description = "An HSDS page of taxonomies.",
            content = @Content(schema = @Schema(implementation = Hsds.TaxonomyPage.class)))
    Hsds.Page<Hsds.Taxonomy> listTaxonomies(
            @Parameter(description = PAGE) @QueryParam("page") @Min(1) @Max(100_000) Integer page,
            @Parameter(description = PER_PAGE) @QueryParam("per_page") @Min(1) @Max(100) Integer per_page);

    @GET
    @Path("/taxonomies/{id}")
    @Operation(operationId = "getHsdsTaxonomy", summary = "Get an HSDS taxonomy",
            description = "The programme-category taxonomy.")
    @APIResponse(responseCode = "200", description = "The taxonomy.",
            content = @Content(schema = @Schema(implementation = Hsds.Taxonomy.class)))
    Hsds.Taxonomy getTaxonomy(@Parameter(description = "The taxonomy's id.") @PathParam("id") @Schema(implementation = String.class, format = "uuid") UUID id);

    @GET
    @Path("/taxonomy_terms")
    @Operation(operationId = "listHsdsTaxonomyTerms", summary = "List HSDS taxonomy terms (programme categories)",
            description = "Every programme category, with its code and French label.")
    @APIResponse(responseCode = "200", description = "An HSDS page of taxonomy terms.",
            content = @Content(schema = @Schema(implementation = Hsds.TaxonomyTermPage.class)))
    Hsds.Page<Hsds.TaxonomyTerm> listTaxonomyTerms(
            @Parameter(description = "Only terms of this taxonomy.") @QueryParam("taxonomy_id") @Schema(implementation = String.class, format = "uuid") UUID taxonomyId,
            @Parameter(description = PAGE) @QueryParam("page") @Min(1) @Max(100_000) Integer page,
            @Parameter(description = PER_PAGE) @QueryParam("per_page") @Min(1) @Max(100) Integer per_page);

    @GET
    @Path("/taxonomy_terms/{id}")
    @Operation(operationId = "getHsdsTaxonomyTerm", summary = "Get an HSDS taxonomy term",
            description = "One programme category, with its taxonomy.")
    @APIResponse(responseCode = "200", description = "The taxonomy term.",
            content = @Content(schema = @Schema(implementation = Hsds.TaxonomyTerm.class)))
    Hsds.TaxonomyTerm getTaxonomyTerm(@Parameter(description = "The taxonomy term's id.") @PathParam("id") @Schema(implementation = String.class, format = "uuid") UUID id);
}
