package fr.passerelle.directory.rest;

import fr.passerelle.common.paging.PageRequest;
import fr.passerelle.common.paging.PageResponse;
import fr.passerelle.directory.api.DirectoryChangeView;
import fr.passerelle.directory.service.ChangeLog;
import jakarta.inject.Inject;
import jakarta.ws.rs.QueryParam;
import java.time.LocalDate;
import java.util.UUID;

public class DirectoryChangeResource implements DirectoryChangesApi {

    @Inject
    ChangeLog changeLog;

    @Override
    public PageResponse<DirectoryChangeView> list(@QueryParam("recordId") UUID recordId, @QueryParam("from") LocalDate from,
                                                  @QueryParam("to") LocalDate to, @QueryParam("page") Integer page,
                                                  @QueryParam("size") Integer size) {
        return changeLog.search(recordId, from, to, PageRequest.of(page, size));
    }
}
