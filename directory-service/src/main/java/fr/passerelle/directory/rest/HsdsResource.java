package fr.passerelle.directory.rest;

import fr.passerelle.common.web.QueryParams;
import fr.passerelle.directory.hsds.Hsds;
import fr.passerelle.directory.service.HsdsService;
import fr.passerelle.directory.service.HsdsService.ServiceFilters;
import jakarta.inject.Inject;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.time.OffsetDateTime;
import java.util.UUID;

public class HsdsResource implements HsdsApi {

    static final String PROFILE = "https://docs.openreferral.org/en/v3.0/hsds/overview.html";

    @Inject
    HsdsService hsds;

    @Override
    public Hsds.Root root(UriInfo uri, HttpHeaders headers) {
        return new Hsds.Root("3.0", PROFILE, publicBase(uri, headers).resolve("/q/openapi").toString());
    }

    @Override
    public Hsds.Page<Hsds.Service> listServices(String search, @QueryParam("organization_id") UUID organizationId,
                                                @QueryParam("taxonomy_term_id") UUID taxonomyTermId,
                                                @QueryParam("taxonomy_id") UUID taxonomyId,
                                                @QueryParam("modified_after") OffsetDateTime modifiedAfter,
                                                @QueryParam("page") Integer page, @QueryParam("per_page") Integer per_page) {
        return hsds.services(filters(search, organizationId, taxonomyTermId, taxonomyId, modifiedAfter), page(page),
                perPage(per_page));
    }

    @Override
    public Hsds.Service getService(UUID id) {
        return hsds.service(id);
    }

    @Override
    public Hsds.Page<Hsds.Organization> listOrganizations(String search, @QueryParam("page") Integer page,
                                                          @QueryParam("per_page") Integer per_page) {
        return hsds.organizations(QueryParams.text("search", search, 200), page(page), perPage(per_page));
    }

    @Override
    public Hsds.Organization getOrganization(UUID id) {
        return hsds.organization(id);
    }

    @Override
    public Hsds.Page<Hsds.ServiceAtLocation> listServicesAtLocations(String search, @QueryParam("organization_id") UUID organizationId,
                                                                     @QueryParam("taxonomy_term_id") UUID taxonomyTermId,
                                                                     @QueryParam("taxonomy_id") UUID taxonomyId,
                                                                     @QueryParam("modified_after") OffsetDateTime modifiedAfter,
                                                                     @QueryParam("page") Integer page,
                                                                     @QueryParam("per_page") Integer per_page) {
        return hsds.servicesAtLocations(filters(search, organizationId, taxonomyTermId, taxonomyId, modifiedAfter),
                page(page), perPage(per_page));
    }

    @Override
    public Hsds.ServiceAtLocation getServiceAtLocation(UUID id) {
        return hsds.serviceAtLocation(id);
    }

    @Override
    public Hsds.Page<Hsds.Taxonomy> listTaxonomies(@QueryParam("page") Integer page, @QueryParam("per_page") Integer per_page) {
        return hsds.taxonomies(page(page), perPage(per_page));
    }

    @Override
    public Hsds.Taxonomy getTaxonomy(UUID id) {
        return hsds.taxonomy(id);
    }

    @Override
    public Hsds.Page<Hsds.TaxonomyTerm> listTaxonomyTerms(@QueryParam("taxonomy_id") UUID taxonomyId, @QueryParam("page") Integer page,
                                                          @QueryParam("per_page") Integer per_page) {
        return hsds.taxonomyTerms(taxonomyId, page(page), perPage(per_page));
    }

    @Override
    public Hsds.TaxonomyTerm getTaxonomyTerm(UUID id) {
        return hsds.taxonomyTerm(id);
    }

    /**
     * Where the caller reached the API: the gateway sets X-Forwarded-Proto and X-Forwarded-Host (HSDS wants an absolute
     * openapi_url). Only a well-formed scheme and authority are taken from them; anything else falls back to this
     * service's own address.
     */
    private static URI publicBase(UriInfo uri, HttpHeaders headers) {
        URI own = uri.getBaseUri();
        String proto = headers.getHeaderString("X-Forwarded-Proto");
        String host = headers.getHeaderString("X-Forwarded-Host");
        if (proto == null || host == null || !proto.matches("https?") || !host.matches("[A-Za-z0-9.\\-]+(:[0-9]{1,5})?")) {
            return own;
        }
        return URI.create(proto + "://" + host + "/");
    }

    private static ServiceFilters filters(String search, UUID organizationId, UUID taxonomyTermId, UUID taxonomyId,
                                          OffsetDateTime modifiedAfter) {
        return new ServiceFilters(QueryParams.text("search", search, 200), organizationId, taxonomyTermId, taxonomyId,
                modifiedAfter == null ? null : modifiedAfter.toInstant());
    }

    // Absent or empty ("page="): the defaults the descriptions state.
    private static int page(Integer page) {
        return page == null ? 1 : page;
    }

    private static int perPage(Integer perPage) {
        return perPage == null ? 20 : perPage;
    }
}
