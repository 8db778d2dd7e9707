package fr.passerelle.directory.rest;

import fr.passerelle.common.security.Roles;
import fr.passerelle.common.paging.PageRequest;
import fr.passerelle.common.paging.PageResponse;
import fr.passerelle.common.problem.Problem;
import fr.passerelle.directory.api.DirectoryChangeView;
import fr.passerelle.directory.api.Pages;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.LocalDate;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/directory-changes")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Directory changes", description = "The change log of the directory: every create, update and archive, by whom.")
public interface DirectoryChangesApi {

    @GET
    @RolesAllowed({Roles.DIRECTORY_ADMIN, Roles.AUDITOR})
    @Operation(operationId = "listDirectoryChanges", summary = "Read the directory's change log",
            description = "Every write to the directory — a directory editor's create, replace or archive, a partner's upkeep "
                    + "of its programmes' places, contacts and status, the UAI school import — with who wrote (account id, "
                    + "role, organisation), when, and each field changed with its old and new value. Newest first.")
    @APIResponse(responseCode = "200", description = "A page of changes.",
            content = @Content(schema = @Schema(implementation = Pages.DirectoryChangePage.class)))
    @APIResponse(responseCode = "400", description = "Invalid parameter (e.g. to before from).",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "size too large", value = ApiDocs.PROBLEM_400)))
    PageResponse<DirectoryChangeView> list(
            @Parameter(description = "Only the changes of this record (organisation, programme or platform id), e.g. "
             + "505253b6-75da-4eaf-b941-3fca072d1ad5.") @QueryParam("recordId") UUID recordId,
            @Parameter(description = "Changes on or after this day (Europe/Paris), e.g. 2026-11-01.") @QueryParam("from") LocalDate from,
            @Parameter(description = "Changes on or before this day (Europe/Paris), e.g. 2026-11-30.") @QueryParam("to") LocalDate to,
            @Parameter(description = ApiDocs.PAGE) @QueryParam("page") @Min(0) @Max(Pages.MAX_PAGE) Integer page,
            @Parameter(description = ApiDocs.SIZE) @QueryParam("size") @Min(1) @Max(PageRequest.MAX_SIZE) Integer size);
}
