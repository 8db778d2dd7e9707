package fr.passerelle.directory.rest;

import fr.passerelle.common.security.Roles;
import fr.passerelle.common.paging.PageRequest;
import fr.passerelle.common.paging.PageResponse;
import fr.passerelle.common.problem.Problem;
import fr.passerelle.directory.api.Codes;
import fr.passerelle.directory.api.OrganisationInput;
import fr.passerelle.directory.api.OrganisationView;
import fr.passerelle.directory.api.Pages;
import fr.passerelle.directory.domain.OrganisationKind;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
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

@Path("/api/v1/organisations")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Organisations", description = "Partner organisations: associations, Éducation nationale services, schools, Missions Locales…")
public interface OrganisationsApi {

    @GET
    @Operation(operationId = "listOrganisations", summary = "List or search organisations",
            description = "French full-text search over names and descriptions (accents and plurals folded), with filters. "
                    + "Archived organisations are left out. Without q, organisations come in name order.")
    @APIResponse(responseCode = "200", description = "A page of organisations.",
            content = @Content(schema = @Schema(implementation = Pages.OrganisationPage.class)))
    @APIResponse(responseCode = "400", description = "Invalid parameter.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "size too large", value = ApiDocs.PROBLEM_400)))
    PageResponse<OrganisationView> list(
            @Parameter(description = "Words to search for, e.g. prévention spécialisée.") @QueryParam("q") @Size(max = 200) String q,
            @Parameter(description = "Organisation kind.") @QueryParam("kind") OrganisationKind kind,
            @Parameter(description = "Département code of the organisation, e.g. 69.")
            @QueryParam("departement") @Pattern(regexp = Codes.DEPARTEMENT, message = Codes.DEPARTEMENT_MESSAGE) String departement,
            @Parameter(description = ApiDocs.PAGE) @QueryParam("page") @Min(0) @Max(Pages.MAX_PAGE) Integer page,
            @Parameter(description = ApiDocs.SIZE) @QueryParam("size") @Min(1) @Max(PageRequest.MAX_SIZE) Integer size);

    @GET
    @Path("/{id}")
    @Operation(operationId = "getOrganisation", summary = "Get an organisation",
            description = "The organisation with its programmes that are not archived. Archived organisations still answer, with archived=true.")
    @APIResponse(responseCode = "200", description = "The organisation, with its programmes.",
            headers = @Header(name = "ETag", description = ApiDocs.ETAG, schema = @Schema(type = SchemaType.STRING)),
            content = @Content(schema = @Schema(implementation = OrganisationView.class)))
    @APIResponse(responseCode = "404", description = "Unknown organisation.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "unknown", value = ApiDocs.PROBLEM_404)))
    Response get(@Parameter(description = ApiDocs.ORGANISATION_ID) @PathParam("id") UUID id);

    @POST
    @RolesAllowed(Roles.DIRECTORY_ADMIN)
    @Operation(operationId = "createOrganisation", summary = "Create an organisation",
            description = "Adds an organisation to the directory. Its département, académie and address commune must be official "
                    + "codes that agree with one another; a UAI is unique across organisations.")
    @APIResponse(responseCode = "201", description = "Created.",
            headers = {@Header(name = "Location", description = ApiDocs.LOCATION, schema = @Schema(type = SchemaType.STRING, format = "uri-reference")),
                    @Header(name = "ETag", description = ApiDocs.ETAG, schema = @Schema(type = SchemaType.STRING))},
            content = @Content(schema = @Schema(implementation = OrganisationView.class)))
    @APIResponse(responseCode = "409", description = "Another organisation has this UAI (existingId names it).",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "Invalid organisation.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "unknown commune", value = ApiDocs.PROBLEM_422)))
    Response create(@NotNull @Valid OrganisationInput input);

    @PUT
    @Path("/{id}")
    @RolesAllowed(Roles.DIRECTORY_ADMIN)
    @Operation(operationId = "updateOrganisation", summary = "Replace an organisation",
            description = "Replaces every editable field (absent fields become empty). If-Match must carry the ETag of the "
                    + "version read; the answer carries the new ETag.")
    @APIResponse(responseCode = "200", description = "Updated.",
            headers = @Header(name = "ETag", description = ApiDocs.ETAG, schema = @Schema(type = SchemaType.STRING)),
            content = @Content(schema = @Schema(implementation = OrganisationView.class)))
    @APIResponse(responseCode = "412", description = "Stale If-Match.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "stale", value = ApiDocs.PROBLEM_412)))
    @APIResponse(responseCode = "428", description = "If-Match missing.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "missing", value = ApiDocs.PROBLEM_428)))
    Response update(@Parameter(description = ApiDocs.ORGANISATION_ID) @PathParam("id") UUID id,
                    @Parameter(description = ApiDocs.IF_MATCH, required = true,
                            schema = @Schema(type = SchemaType.STRING)) @HeaderParam("If-Match") String ifMatch,
                    @NotNull @Valid OrganisationInput input);

    @DELETE
    // A client that accepts only problem+json (what a generated client sends when the 204 has no body) is served too.
    @Produces({MediaType.APPLICATION_JSON, "application/problem+json"})
    @Path("/{id}")
    @RolesAllowed(Roles.DIRECTORY_ADMIN)
    @Operation(operationId = "archiveOrganisation", summary = "Archive an organisation",
            description = "The organisation and its programmes leave search and match; GET by id still answers with archived=true.")
    @APIResponse(responseCode = "204", description = "Archived.")
    @APIResponse(responseCode = "403", description = "Not a directory editor.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "forbidden", value = ApiDocs.PROBLEM_403)))
    Response archive(@Parameter(description = ApiDocs.ORGANISATION_ID) @PathParam("id") UUID id,
                     @Parameter(description = ApiDocs.IF_MATCH, required = true,
                             schema = @Schema(type = SchemaType.STRING)) @HeaderParam("If-Match") String ifMatch);
}
