package fr.passerelle.directory.rest;

import fr.passerelle.common.paging.PageRequest;
import fr.passerelle.common.paging.PageResponse;
import fr.passerelle.common.web.Answers;
import fr.passerelle.common.web.QueryParams;
import fr.passerelle.directory.api.OrganisationInput;
import fr.passerelle.directory.api.OrganisationView;
import fr.passerelle.directory.domain.OrganisationKind;
import fr.passerelle.directory.service.OrganisationService;
import jakarta.inject.Inject;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import java.util.UUID;

public class OrganisationResource implements OrganisationsApi {

    @Inject
    OrganisationService organisations;

    @Override
    public PageResponse<OrganisationView> list(String q, @QueryParam("kind") OrganisationKind kind, String departement,
                                               @QueryParam("page") Integer page, @QueryParam("size") Integer size) {
        return organisations.search(QueryParams.text("q", q, 200), kind, departement, PageRequest.of(page, size));
    }

    @Override
    public Response get(UUID id) {
        return Answers.ok(organisations.get(id));
    }

    @Override
    public Response create(OrganisationInput input) {
        var created = organisations.create(input);
        return Answers.created("/api/v1/organisations/" + created.body().id(), created);
    }

    @Override
    public Response update(UUID id, String ifMatch, OrganisationInput input) {
        return Answers.ok(organisations.update(id, input, ifMatch));
    }

    @Override
    public Response archive(UUID id, String ifMatch) {
        organisations.archive(id, ifMatch);
        return Answers.noContent();
    }
}
