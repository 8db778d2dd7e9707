package fr.passerelle.directory.rest;

import fr.passerelle.common.codes.SchoolingStatus;
import fr.passerelle.common.paging.PageRequest;
import fr.passerelle.common.paging.PageResponse;
import fr.passerelle.common.web.Answers;
import fr.passerelle.common.web.QueryParams;
import fr.passerelle.directory.api.CodeLists;
import fr.passerelle.directory.api.MatchRequest;
import fr.passerelle.directory.api.MatchResult;
import fr.passerelle.directory.api.ProgrammeInput;
import fr.passerelle.directory.api.ProgrammeView;
import fr.passerelle.directory.domain.ProgrammeCategory;
import fr.passerelle.directory.domain.RecordStatus;
import fr.passerelle.directory.service.CodeService;
import fr.passerelle.directory.service.MatchService;
import fr.passerelle.directory.service.ProgrammeService;
import jakarta.inject.Inject;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import java.util.UUID;

public class ProgrammeResource implements ProgrammesApi {

    @Inject
    ProgrammeService programmes;
    @Inject
    MatchService matcher;
    @Inject
    CodeService codes;

    @Override
    public PageResponse<ProgrammeView> list(String q, @QueryParam("category") ProgrammeCategory category, String departement,
                                            String commune, @QueryParam("organisation") UUID organisation,
                                            @QueryParam("age") Integer age,
                                            @QueryParam("schoolingStatus") SchoolingStatus schoolingStatus,
                                            @QueryParam("status") RecordStatus status, @QueryParam("open") Boolean open,
                                            @QueryParam("page") Integer page, @QueryParam("size") Integer size) {
        var filters = new ProgrammeService.Filters(QueryParams.text("q", q, 200), category, departement, commune, organisation, age,
                schoolingStatus, status, Boolean.TRUE.equals(open));
        return programmes.search(filters, PageRequest.of(page, size));
    }

    @Override
    public CodeLists codes() {
        return codes.all();
    }

    @Override
    public Response get(UUID id) {
        return Answers.ok(programmes.get(id));
    }

    @Override
    public MatchResult.Response match(MatchRequest request) {
        return matcher.match(request);
    }

    @Override
    public Response create(ProgrammeInput input) {
        var created = programmes.create(input);
        return Answers.created("/api/v1/programmes/" + created.body().id(), created);
    }

    @Override
    public Response update(UUID id, String ifMatch, ProgrammeInput input) {
        return Answers.ok(programmes.update(id, input, ifMatch));
    }

    @Override
    public Response updateAvailability(UUID id, String ifMatch, String patch) {
        // Read as text: a JSON merge patch is not a bean, and absent must differ from null (ProgrammeAvailability).
        return Answers.ok(programmes.updateAvailability(id, patch, ifMatch));
    }

    @Override
    public Response archive(UUID id, String ifMatch) {
        programmes.archive(id, ifMatch);
        return Answers.noContent();
    }
}
