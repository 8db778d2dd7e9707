package fr.passerelle.directory.rest;

import fr.passerelle.common.security.Roles;
import fr.passerelle.common.paging.PageRequest;
import fr.passerelle.common.paging.PageResponse;
import fr.passerelle.common.problem.Problem;
import fr.passerelle.directory.api.AvailabilityPatch;
import fr.passerelle.directory.api.CodeLists;
import fr.passerelle.directory.api.Codes;
import fr.passerelle.directory.api.MatchRequest;
import fr.passerelle.directory.api.MatchResult;
import fr.passerelle.directory.api.Pages;
import fr.passerelle.directory.api.ProgrammeInput;
import fr.passerelle.directory.api.ProgrammeView;
import fr.passerelle.directory.domain.ProgrammeCategory;
import fr.passerelle.directory.domain.RecordStatus;
import fr.passerelle.common.codes.SchoolingStatus;
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
import jakarta.ws.rs.PATCH;
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
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/programmes")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Programmes", description = "Programmes (dispositifs): eligibility, admission, intake, capacity, service area; search and matching.")
public interface ProgrammesApi {

    String MERGE_PATCH = "application/merge-patch+json";


    @GET
    @Operation(operationId = "listProgrammes", summary = "List or search programmes",
            description = "French full-text search (accents and plurals folded: `ecole deuxieme chance` finds « École de la 2e chance ») "
                    + "over names, descriptions, organisation names and categories, with filters that all apply together. "
                    + "Archived programmes are left out. Best match first when q is given, otherwise in name order.")
    @APIResponse(responseCode = "200", description = "A page of programmes.",
            content = @Content(schema = @Schema(implementation = Pages.ProgrammePage.class)))
    @APIResponse(responseCode = "400", description = "Invalid parameter, or an unknown commune or département code.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "size too large", value = ApiDocs.PROBLEM_400)))
    PageResponse<ProgrammeView> list(
            @Parameter(description = "Words to search for, e.g. ecole deuxieme chance.") @QueryParam("q") @Size(max = 200) String q,
            @Parameter(description = "Category code.") @QueryParam("category") ProgrammeCategory category,
            @Parameter(description = "Programmes whose service area touches this département, e.g. 69.")
            @QueryParam("departement") @Pattern(regexp = Codes.DEPARTEMENT, message = Codes.DEPARTEMENT_MESSAGE) String departement,
            @Parameter(description = "Programmes serving this INSEE commune (directly, or through its département or académie), e.g. 69266.")
            @QueryParam("commune") @Pattern(regexp = Codes.COMMUNE, message = Codes.COMMUNE_MESSAGE) String commune,
            @Parameter(description = "Programmes run by this organisation, e.g. 07a23e44-05c2-4269-8757-ada2582fb768.")
            @QueryParam("organisation") UUID organisation,
            @Parameter(description = "Age the programme must accept, e.g. 17.") @QueryParam("age") @Min(0) @Max(30) Integer age,
            @Parameter(description = "Schooling status the programme must accept.") @QueryParam("schoolingStatus") SchoolingStatus schoolingStatus,
            @Parameter(description = "Programmes with this status (both when absent).") @QueryParam("status") RecordStatus status,
            @Parameter(description = "true: only open programmes (active, their organisation operating, places unknown or left); "
             + "false or absent: open or not.") @QueryParam("open") Boolean open,
            @Parameter(description = ApiDocs.PAGE) @QueryParam("page") @Min(0) @Max(Pages.MAX_PAGE) Integer page,
            @Parameter(description = ApiDocs.SIZE) @QueryParam("size") @Min(1) @Max(PageRequest.MAX_SIZE) Integer size);

    @GET
    @Path("/codes")
    @Operation(operationId = "listDirectoryCodes", summary = "Code lists with French labels",
            description = "Every code used by the directory (categories, levels, statuses, admission modes, intakes, diplomas, "
                    + "kinds, match reasons) with its display label, for forms and for showing codes to people.")
    @APIResponse(responseCode = "200", description = "Code lists by name.", content = @Content(schema = @Schema(implementation = CodeLists.class)))
    CodeLists codes();

    @GET
    @Path("/{id}")
    @Operation(operationId = "getProgramme", summary = "Get a programme",
            description = "The programme with its eligibility, admission, capacity and service area. Archived programmes still "
                    + "answer, with archived=true.")
    @APIResponse(responseCode = "200", description = "The programme.",
            headers = @Header(name = "ETag", description = ApiDocs.ETAG, schema = @Schema(type = SchemaType.STRING)),
            content = @Content(schema = @Schema(implementation = ProgrammeView.class)))
    @APIResponse(responseCode = "404", description = "Unknown programme.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "unknown", value = ApiDocs.PROBLEM_404)))
    Response get(@Parameter(description = ApiDocs.PROGRAMME_ID) @PathParam("id") UUID id);

    @POST
    @Path("/match")
    @Operation(operationId = "matchProgrammes", summary = "Programmes that can take a young person",
            description = "Exactly one of birthDate or age (age computed as of today, Europe/Paris). Returns only open programmes whose "
                    + "service area covers the home commune and whose criteria do not exclude the young person, ranked by territory fit "
                    + "(commune, then département, then académie) and places available, each with its reasons as codes with labels. "
                    + "No identity is sent or stored.")
    @RequestBody(content = @Content(schema = @Schema(implementation = MatchRequest.class),
            examples = @ExampleObject(name = "17, left school, Villeurbanne", value = ApiDocs.MATCH_REQUEST)))
    @APIResponse(responseCode = "200", description = "Matching programmes, best first.",
            content = @Content(schema = @Schema(implementation = MatchResult.Response.class)))
    MatchResult.Response match(@NotNull @Valid MatchRequest request);

    @POST
    @RolesAllowed(Roles.DIRECTORY_ADMIN)
    @Operation(operationId = "createProgramme", summary = "Create a programme",
            description = "Adds a programme run by an existing organisation. Service-area codes must be official; minAge may not "
                    + "exceed maxAge.")
    @APIResponse(responseCode = "201", description = "Created.",
            headers = {@Header(name = "Location", description = ApiDocs.LOCATION, schema = @Schema(type = SchemaType.STRING, format = "uri-reference")),
                    @Header(name = "ETag", description = ApiDocs.ETAG, schema = @Schema(type = SchemaType.STRING))},
            content = @Content(schema = @Schema(implementation = ProgrammeView.class)))
    @APIResponse(responseCode = "422", description = "Invalid programme.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "unknown commune", value = ApiDocs.PROBLEM_422)))
    Response create(@NotNull @Valid ProgrammeInput input);

    @PUT
    @Path("/{id}")
    @RolesAllowed(Roles.DIRECTORY_ADMIN)
    @Operation(operationId = "updateProgramme", summary = "Replace a programme",
            description = "Replaces every editable field (absent fields become empty). If-Match must carry the ETag of the "
                    + "version read; the answer carries the new ETag.")
    @APIResponse(responseCode = "200", description = "Updated.",
            headers = @Header(name = "ETag", description = ApiDocs.ETAG, schema = @Schema(type = SchemaType.STRING)),
            content = @Content(schema = @Schema(implementation = ProgrammeView.class)))
    Response update(@Parameter(description = ApiDocs.PROGRAMME_ID) @PathParam("id") UUID id,
                    @Parameter(description = ApiDocs.IF_MATCH, required = true,
                            schema = @Schema(type = SchemaType.STRING)) @HeaderParam("If-Match") String ifMatch,
                    @NotNull @Valid ProgrammeInput input);

    @PATCH
    @Path("/{id}/availability")
    @Consumes({ProgrammesApi.MERGE_PATCH, MediaType.APPLICATION_JSON})
    @RolesAllowed({Roles.PARTNER, Roles.DIRECTORY_ADMIN})
    @Operation(operationId = "updateProgrammeAvailability", summary = "Keep a programme's places, contacts and status up to date",
            description = "For partner staff, on their own organisation's programmes only (directory editors may use it on any): "
                    + "a JSON merge patch of placesAvailable, contacts and status, nothing else. If-Match must carry the ETag "
                    + "of the version read; the answer carries the new ETag. placesAvailable 0 or status SUSPENDED takes the "
                    + "programme out of the open programmes (match, open=true) at once. Every change is recorded in the "
                    + "directory's change log; a patch that changes nothing records nothing and keeps the ETag.")
    @RequestBody(required = true, content = {
            @Content(mediaType = ProgrammesApi.MERGE_PATCH, schema = @Schema(implementation = AvailabilityPatch.class),
                    examples = @ExampleObject(name = "full", value = "{\"placesAvailable\":0}")),
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AvailabilityPatch.class),
                    examples = @ExampleObject(name = "suspended", value = "{\"status\":\"SUSPENDED\"}"))})
    @APIResponse(responseCode = "200", description = "Updated (or unchanged).",
            headers = @Header(name = "ETag", description = ApiDocs.ETAG, schema = @Schema(type = SchemaType.STRING)),
            content = @Content(schema = @Schema(implementation = ProgrammeView.class)))
    @APIResponse(responseCode = "403", description = "Another organisation's programme, or a field other than placesAvailable, "
            + "contacts and status (each named in violations).",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "other field", value = ApiDocs.PROBLEM_403_FIELDS)))
    @APIResponse(responseCode = "404", description = "Unknown programme.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "unknown", value = ApiDocs.PROBLEM_404)))
    @APIResponse(responseCode = "422", description = "Invalid value: negative or non-integer places, more places than "
            + "capacityPerCohort, a status other than ACTIVE or SUSPENDED, an invalid contact, or a closed programme.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "negative places", value = ApiDocs.PROBLEM_422_PLACES)))
    Response updateAvailability(@Parameter(description = ApiDocs.PROGRAMME_ID) @PathParam("id") UUID id,
                                @Parameter(description = ApiDocs.IF_MATCH, required = true,
                                        schema = @Schema(type = SchemaType.STRING)) @HeaderParam("If-Match") String ifMatch,
                                String patch);

    @DELETE
    // A client that accepts only problem+json (what a generated client sends when the 204 has no body) is served too.
    @Produces({MediaType.APPLICATION_JSON, "application/problem+json"})
    @Path("/{id}")
    @RolesAllowed(Roles.DIRECTORY_ADMIN)
    @Operation(operationId = "archiveProgramme", summary = "Archive a programme",
            description = "The programme leaves search and match; GET by id still answers with archived=true.")
    @APIResponse(responseCode = "204", description = "Archived.")
    Response archive(@Parameter(description = ApiDocs.PROGRAMME_ID) @PathParam("id") UUID id,
                     @Parameter(description = ApiDocs.IF_MATCH, required = true,
                             schema = @Schema(type = SchemaType.STRING)) @HeaderParam("If-Match") String ifMatch);
}
