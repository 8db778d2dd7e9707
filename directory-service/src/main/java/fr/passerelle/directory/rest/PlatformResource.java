package fr.passerelle.directory.rest;

import fr.passerelle.common.paging.PageRequest;
import fr.passerelle.common.paging.PageResponse;
import fr.passerelle.common.web.Answers;
import fr.passerelle.directory.api.PlatformInput;
import fr.passerelle.directory.api.PlatformView;
import fr.passerelle.directory.service.PlatformService;
import jakarta.inject.Inject;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import java.util.UUID;

public class PlatformResource implements PlatformsApi {

    @Inject
    PlatformService platforms;

    @Override
    public PageResponse<PlatformView> list(@QueryParam("organisation") UUID organisation, @QueryParam("page") Integer page,
                                           @QueryParam("size") Integer size) {
        return platforms.list(organisation, PageRequest.of(page, size));
    }

    @Override
    public Response get(UUID id) {
        return Answers.ok(platforms.get(id));
    }

    @Override
    public Response create(PlatformInput input) {
        var created = platforms.create(input);
        return Answers.created("/api/v1/platforms/" + created.body().id(), created);
    }

    @Override
    public Response update(UUID id, String ifMatch, PlatformInput input) {
        return Answers.ok(platforms.update(id, input, ifMatch));
    }

    @Override
    public Response archive(UUID id, String ifMatch) {
        platforms.archive(id, ifMatch);
        return Answers.noContent();
    }
}
