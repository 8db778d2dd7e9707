package fr.passerelle.directory.rest;

import fr.passerelle.common.paging.PageRequest;
import fr.passerelle.common.paging.PageResponse;
import fr.passerelle.common.problem.Problem;
import fr.passerelle.common.security.Roles;
import fr.passerelle.common.web.QueryParams;
import fr.passerelle.common.web.Versioned;
import fr.passerelle.directory.api.PlatformInput;
import fr.passerelle.directory.api.PlatformView;
import fr.passerelle.directory.service.PlatformService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/platforms")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Platforms", description = "PSAD platforms: territory, co-animators (CIO + Mission Locale) and member organisations.")
public class PlatformResource {

    @Inject
    PlatformService platforms;

    @GET
    @Operation(summary = "List platforms")
    @APIResponse(responseCode = "200", description = "A page of platforms.", content = @Content(schema = @Schema(implementation = PlatformPage.class)))
    public PageResponse<PlatformView> list(
            @Parameter(description = "Only platforms this organisation takes part in.") @QueryParam("organisation") String organisation,
            @Parameter(description = "Zero-based page number.", example = "0") @QueryParam("page") String page,
            @Parameter(description = "Page size, 1 to 100.", example = "20") @QueryParam("size") String size) {
        return platforms.list(QueryParams.uuid("organisation", organisation),
                PageRequest.of(QueryParams.integer("page", page, 0, 100_000), QueryParams.integer("size", size, 1, 100)));
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "Get a platform, with its territory and member organisations")
    @APIResponse(responseCode = "200", description = "The platform.", headers = @Header(name = "ETag"),
            content = @Content(schema = @Schema(implementation = PlatformView.class)))
    @APIResponse(responseCode = "404", description = "Unknown platform.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "unknown", value = ApiDocs.PROBLEM_404)))
    public Response get(@PathParam("id") UUID id) {
        return Answers.ok(platforms.get(id));
    }

    @POST
    @RolesAllowed(Roles.DIRECTORY_ADMIN)
    @Operation(summary = "Create a platform (directory-admin)")
    @APIResponse(responseCode = "201", description = "Created.", headers = {@Header(name = "Location"), @Header(name = "ETag")},
            content = @Content(schema = @Schema(implementation = PlatformView.class)))
    public Response create(@NotNull @Valid PlatformInput input) {
        Versioned<PlatformView> created = platforms.create(input);
        return Answers.created("/api/v1/platforms/" + created.body().id(), created);
    }

    @PUT
    @Path("/{id}")
    @RolesAllowed(Roles.DIRECTORY_ADMIN)
    @Operation(summary = "Replace a platform (directory-admin)")
    @APIResponse(responseCode = "200", description = "Updated.", headers = @Header(name = "ETag"),
            content = @Content(schema = @Schema(implementation = PlatformView.class)))
    public Response update(@PathParam("id") UUID id,
                           @Parameter(description = "ETag of the version read.", required = true,
                                   schema = @Schema(type = SchemaType.STRING)) @HeaderParam("If-Match") String ifMatch,
                           @NotNull @Valid PlatformInput input) {
        return Answers.ok(platforms.update(id, input, ifMatch));
    }

    @DELETE
    @Path("/{id}")
    @RolesAllowed(Roles.DIRECTORY_ADMIN)
    @Operation(summary = "Archive a platform (directory-admin)")
    @APIResponse(responseCode = "204", description = "Archived.")
    public Response archive(@PathParam("id") UUID id,
                            @Parameter(description = "ETag of the version read.", required = true,
                                    schema = @Schema(type = SchemaType.STRING)) @HeaderParam("If-Match") String ifMatch) {
        platforms.archive(id, ifMatch);
        return Response.noContent().build();
    }

    @Schema(name = "PlatformPage")
    static final class PlatformPage {
        public List<PlatformView> items;
        public int page;
        public int size;
        public long totalItems;
    }
}
