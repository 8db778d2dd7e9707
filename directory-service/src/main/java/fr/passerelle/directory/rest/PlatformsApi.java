package fr.passerelle.directory.rest;

import fr.passerelle.common.security.Roles;
import fr.passerelle.common.paging.PageRequest;
import fr.passerelle.common.paging.PageResponse;
import fr.passerelle.common.problem.Problem;
import fr.passerelle.directory.api.Pages;
import fr.passerelle.directory.api.PlatformInput;
import fr.passerelle.directory.api.PlatformView;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
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
public interface PlatformsApi {

    @GET
    @Operation(operationId = "listPlatforms", summary = "List platforms",
            description = "PSAD platforms that are not archived, in name order, each with its territory, co-animators and members.")
    @APIResponse(responseCode = "200", description = "A page of platforms.",
            content = @Content(schema = @Schema(implementation = Pages.PlatformPage.class)))
    PageResponse<PlatformView> list(
            @Parameter(description = "Only platforms this organisation takes part in (co-animator or member), "
             + "e.g. 07a23e44-05c2-4269-8757-ada2582fb768.") @QueryParam("organisation") UUID organisation,
            @Parameter(description = ApiDocs.PAGE) @QueryParam("page") @Min(0) @Max(Pages.MAX_PAGE) Integer page,
            @Parameter(description = ApiDocs.SIZE) @QueryParam("size") @Min(1) @Max(PageRequest.MAX_SIZE) Integer size);

    @GET
    @Path("/{id}")
    @Operation(operationId = "getPlatform", summary = "Get a platform",
            description = "The platform with its territory, co-animators and member organisations. Archived platforms still "
                    + "answer, with archived=true.")
    @APIResponse(responseCode = "200", description = "The platform.",
            headers = @Header(name = "ETag", description = ApiDocs.ETAG, schema = @Schema(type = SchemaType.STRING)),
            content = @Content(schema = @Schema(implementation = PlatformView.class)))
    @APIResponse(responseCode = "404", description = "Unknown platform.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "unknown", value = ApiDocs.PROBLEM_404)))
    Response get(@Parameter(description = ApiDocs.PLATFORM_ID) @PathParam("id") UUID id);

    @POST
    @RolesAllowed(Roles.DIRECTORY_ADMIN)
    @Operation(operationId = "createPlatform", summary = "Create a platform",
            description = "Adds a PSAD platform: its territory (official codes) and the organisations that co-animate it or "
                    + "take part in it, which must exist.")
    @APIResponse(responseCode = "201", description = "Created.",
            headers = {@Header(name = "Location", description = ApiDocs.LOCATION, schema = @Schema(type = SchemaType.STRING, format = "uri-reference")),
                    @Header(name = "ETag", description = ApiDocs.ETAG, schema = @Schema(type = SchemaType.STRING))},
            content = @Content(schema = @Schema(implementation = PlatformView.class)))
    Response create(@NotNull @Valid PlatformInput input);

    @PUT
    @Path("/{id}")
    @RolesAllowed(Roles.DIRECTORY_ADMIN)
    @Operation(operationId = "updatePlatform", summary = "Replace a platform",
            description = "Replaces every editable field (absent fields become empty). If-Match must carry the ETag of the "
                    + "version read; the answer carries the new ETag.")
    @APIResponse(responseCode = "200", description = "Updated.",
            headers = @Header(name = "ETag", description = ApiDocs.ETAG, schema = @Schema(type = SchemaType.STRING)),
            content = @Content(schema = @Schema(implementation = PlatformView.class)))
    Response update(@Parameter(description = ApiDocs.PLATFORM_ID) @PathParam("id") UUID id,
                    @Parameter(description = ApiDocs.IF_MATCH, required = true,
                            schema = @Schema(type = SchemaType.STRING)) @HeaderParam("If-Match") String ifMatch,
                    @NotNull @Valid PlatformInput input);

    @DELETE
    // A client that accepts only problem+json (what a generated client sends when the 204 has no body) is served too.
    @Produces({MediaType.APPLICATION_JSON, "application/problem+json"})
    @Path("/{id}")
    @RolesAllowed(Roles.DIRECTORY_ADMIN)
    @Operation(operationId = "archivePlatform", summary = "Archive a platform",
            description = "The platform leaves the platform list; GET by id still answers with archived=true. If-Match must "
                    + "carry the ETag of the version read.")
    @APIResponse(responseCode = "204", description = "Archived.")
    Response archive(@Parameter(description = ApiDocs.PLATFORM_ID) @PathParam("id") UUID id,
                     @Parameter(description = ApiDocs.IF_MATCH, required = true,
                             schema = @Schema(type = SchemaType.STRING)) @HeaderParam("If-Match") String ifMatch);
}
