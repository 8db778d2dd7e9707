package fr.passerelle.directory.rest;

import fr.passerelle.common.paging.PageRequest;
import fr.passerelle.common.paging.PageResponse;
import fr.passerelle.common.problem.Problem;
import fr.passerelle.common.security.Roles;
import fr.passerelle.common.web.QueryParams;
import fr.passerelle.common.web.Versioned;
import fr.passerelle.directory.api.OrganisationInput;
import fr.passerelle.directory.api.OrganisationView;
import fr.passerelle.directory.domain.OrganisationKind;
import fr.passerelle.directory.service.OrganisationService;
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
public class OrganisationResource {

    @Inject
    OrganisationService organisations;

    @GET
    @Operation(summary = "List or search organisations",
            description = "French full-text search over names and descriptions (accents and plurals folded), with filters. Archived organisations are left out.")
    @APIResponse(responseCode = "200", description = "A page of organisations.",
            content = @Content(schema = @Schema(implementation = OrganisationPage.class)))
    @APIResponse(responseCode = "400", description = "Invalid parameter.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "size too large", value = ApiDocs.PROBLEM_400)))
    public PageResponse<OrganisationView> list(
            @Parameter(description = "Words to search for.", example = "prévention spécialisée") @QueryParam("q") String q,
            @Parameter(description = "Organisation kind.", schema = @Schema(implementation = OrganisationKind.class)) @QueryParam("kind") String kind,
            @Parameter(description = "Département code of the organisation.", example = "69") @QueryParam("departement") String departement,
            @Parameter(description = "Zero-based page number.", example = "0") @QueryParam("page") String page,
            @Parameter(description = "Page size, 1 to 100.", example = "20") @QueryParam("size") String size) {
        return organisations.search(QueryParams.text("q", q, 200), QueryParams.enumValue("kind", kind, OrganisationKind.class),
                QueryParams.text("departement", departement, 3),
                PageRequest.of(QueryParams.integer("page", page, 0, 100_000), QueryParams.integer("size", size, 1, 100)));
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "Get an organisation", description = "Archived organisations still answer, with archived=true.")
    @APIResponse(responseCode = "200", description = "The organisation, with its programmes.",
            headers = @Header(name = "ETag", description = "Version, for If-Match on update and delete."),
            content = @Content(schema = @Schema(implementation = OrganisationView.class)))
    @APIResponse(responseCode = "404", description = "Unknown organisation.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "unknown", value = ApiDocs.PROBLEM_404)))
    public Response get(@PathParam("id") UUID id) {
        return Answers.ok(organisations.get(id));
    }

    @POST
    @RolesAllowed(Roles.DIRECTORY_ADMIN)
    @Operation(summary = "Create an organisation (directory-admin)")
    @APIResponse(responseCode = "201", description = "Created.", headers = {@Header(name = "Location"), @Header(name = "ETag")},
            content = @Content(schema = @Schema(implementation = OrganisationView.class)))
    @APIResponse(responseCode = "409", description = "Another organisation has this UAI (existingId names it).",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "Invalid organisation.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "unknown commune", value = ApiDocs.PROBLEM_422)))
    public Response create(@NotNull @Valid OrganisationInput input) {
        Versioned<OrganisationView> created = organisations.create(input);
        return Answers.created("/api/v1/organisations/" + created.body().id(), created);
    }

    @PUT
    @Path("/{id}")
    @RolesAllowed(Roles.DIRECTORY_ADMIN)
    @Operation(summary = "Replace an organisation (directory-admin)")
    @APIResponse(responseCode = "200", description = "Updated.", headers = @Header(name = "ETag"),
            content = @Content(schema = @Schema(implementation = OrganisationView.class)))
    @APIResponse(responseCode = "412", description = "Stale If-Match.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "stale", value = ApiDocs.PROBLEM_412)))
    @APIResponse(responseCode = "428", description = "If-Match missing.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "missing", value = ApiDocs.PROBLEM_428)))
    public Response update(@PathParam("id") UUID id,
                           @Parameter(description = "ETag of the version read.", required = true, example = "\"v0\"",
                                   schema = @Schema(type = SchemaType.STRING)) @HeaderParam("If-Match") String ifMatch,
                           @NotNull @Valid OrganisationInput input) {
        return Answers.ok(organisations.update(id, input, ifMatch));
    }

    @DELETE
    @Path("/{id}")
    @RolesAllowed(Roles.DIRECTORY_ADMIN)
    @Operation(summary = "Archive an organisation (directory-admin)",
            description = "The organisation and its programmes leave search and match; GET by id still answers with archived=true.")
    @APIResponse(responseCode = "204", description = "Archived.")
    @APIResponse(responseCode = "403", description = "Not a directory editor.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "forbidden", value = ApiDocs.PROBLEM_403)))
    public Response archive(@PathParam("id") UUID id,
                            @Parameter(description = "ETag of the version read.", required = true,
                                    schema = @Schema(type = SchemaType.STRING)) @HeaderParam("If-Match") String ifMatch) {
        organisations.archive(id, ifMatch);
        return Response.noContent().build();
    }

    @Schema(name = "OrganisationPage")
    static final class OrganisationPage {
        public java.util.List<OrganisationView> items;
        public int page;
        public int size;
        public long totalItems;
    }
}
