package fr.passerelle.directory.rest;

import fr.passerelle.common.codes.CodeLabel;
import fr.passerelle.common.paging.PageRequest;
import fr.passerelle.common.paging.PageResponse;
import fr.passerelle.common.problem.Problem;
import fr.passerelle.common.security.Roles;
import fr.passerelle.common.web.QueryParams;
import fr.passerelle.directory.api.MatchRequest;
import fr.passerelle.directory.api.MatchResult;
import fr.passerelle.directory.api.ProgrammeInput;
import fr.passerelle.directory.api.ProgrammeView;
import fr.passerelle.common.codes.AdmissionMode;
import fr.passerelle.directory.domain.DiplomaLevel;
import fr.passerelle.directory.domain.Intake;
import fr.passerelle.directory.domain.OrganisationKind;
import fr.passerelle.directory.domain.ProgrammeCategory;
import fr.passerelle.directory.domain.RecordStatus;
import fr.passerelle.common.codes.SchoolLevel;
import fr.passerelle.common.codes.SchoolingStatus;
import fr.passerelle.common.web.Versioned;
import fr.passerelle.directory.service.MatchRules;
import fr.passerelle.directory.service.MatchService;
import fr.passerelle.directory.service.ProgrammeService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
public class ProgrammeResource {

    @Inject
    ProgrammeService programmes;
    @Inject
    MatchService matcher;

    @GET
    @Operation(summary = "List or search programmes",
            description = "French full-text search (accents and plurals folded: `ecole deuxieme chance` finds « École de la 2e chance ») "
                    + "over names, descriptions, organisation names and categories, with filters. Archived programmes are left out.")
    @APIResponse(responseCode = "200", description = "A page of programmes, best match first when q is given.",
            content = @Content(schema = @Schema(implementation = ProgrammePage.class)))
    public PageResponse<ProgrammeView> list(
            @Parameter(description = "Words to search for.", example = "ecole deuxieme chance") @QueryParam("q") String q,
            @Parameter(description = "Category code.", schema = @Schema(implementation = ProgrammeCategory.class)) @QueryParam("category") String category,
            @Parameter(description = "Programmes whose service area touches this département.", example = "69") @QueryParam("departement") String departement,
            @Parameter(description = "Programmes serving this INSEE commune (directly, or through its département or académie).", example = "69266") @QueryParam("commune") String commune,
            @Parameter(description = "Organisation id.") @QueryParam("organisation") String organisation,
            @Parameter(description = "Age the programme must accept (0 to 30).") @QueryParam("age") @Min(0) @Max(30) Integer age,
            @Parameter(description = "Schooling status the programme must accept.", schema = @Schema(implementation = SchoolingStatus.class)) @QueryParam("schoolingStatus") String schoolingStatus,
            @Parameter(description = "ACTIVE or CLOSED.", schema = @Schema(implementation = RecordStatus.class)) @QueryParam("status") String status,
            @Parameter(description = "Only open programmes (active, places unknown or left).", example = "true") @QueryParam("open") String open,
            @Parameter(description = "Zero-based page number.", example = "0") @QueryParam("page") String page,
            @Parameter(description = "Page size, 1 to 100.", example = "20") @QueryParam("size") String size) {
        var filters = new ProgrammeService.Filters(QueryParams.text("q", q, 200),
                QueryParams.enumValue("category", category, ProgrammeCategory.class),
                QueryParams.text("departement", departement, 3), QueryParams.text("commune", commune, 5),
                QueryParams.uuid("organisation", organisation), age,
                QueryParams.enumValue("schoolingStatus", schoolingStatus, SchoolingStatus.class),
                QueryParams.enumValue("status", status, RecordStatus.class), QueryParams.bool("open", open, false));
        return programmes.search(filters,
                PageRequest.of(QueryParams.integer("page", page, 0, 100_000), QueryParams.integer("size", size, 1, 100)));
    }

    @GET
    @Path("/codes")
    @Operation(summary = "Code lists with French labels",
            description = "Every code used by the directory (categories, levels, statuses, admission modes, intakes, diplomas, kinds, match reasons) with its display label.")
    @APIResponse(responseCode = "200", description = "Code lists by name.")
    public Map<String, List<CodeLabel>> codes() {
        Map<String, List<CodeLabel>> codes = new LinkedHashMap<>();
        codes.put("categories", CodeLabel.all(ProgrammeCategory.class));
        codes.put("schoolLevels", CodeLabel.all(SchoolLevel.class));
        codes.put("schoolingStatuses", CodeLabel.all(SchoolingStatus.class));
        codes.put("diplomaLevels", CodeLabel.all(DiplomaLevel.class));
        codes.put("admissionModes", CodeLabel.all(AdmissionMode.class));
        codes.put("intakes", CodeLabel.all(Intake.class));
        codes.put("organisationKinds", CodeLabel.all(OrganisationKind.class));
        codes.put("statuses", CodeLabel.all(RecordStatus.class));
        codes.put("matchReasons", CodeLabel.all(MatchRules.Reason.class));
        return codes;
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "Get a programme", description = "Archived programmes still answer, with archived=true.")
    @APIResponse(responseCode = "200", description = "The programme.", headers = @Header(name = "ETag"),
            content = @Content(schema = @Schema(implementation = ProgrammeView.class)))
    @APIResponse(responseCode = "404", description = "Unknown programme.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "unknown", value = ApiDocs.PROBLEM_404)))
    public Response get(@PathParam("id") UUID id) {
        return Answers.ok(programmes.get(id));
    }

    @POST
    @Path("/match")
    @Operation(summary = "Programmes that can take a young person",
            description = "Exactly one of birthDate or age (age computed as of today, Europe/Paris). Returns only open programmes whose "
                    + "service area covers the home commune and whose criteria do not exclude the young person, ranked by territory fit "
                    + "(commune, then département, then académie) and places available, each with its reasons as codes with labels. "
                    + "No identity is sent or stored.")
    @RequestBody(content = @Content(schema = @Schema(implementation = MatchRequest.class),
            examples = @ExampleObject(name = "17, left school, Villeurbanne", value = ApiDocs.MATCH_REQUEST)))
    @APIResponse(responseCode = "200", description = "Matching programmes, best first.",
            content = @Content(schema = @Schema(implementation = MatchResult.Response.class)))
    public MatchResult.Response match(@NotNull @Valid MatchRequest request) {
        return matcher.match(request);
    }

    @POST
    @RolesAllowed(Roles.DIRECTORY_ADMIN)
    @Operation(summary = "Create a programme (directory-admin)")
    @APIResponse(responseCode = "201", description = "Created.", headers = {@Header(name = "Location"), @Header(name = "ETag")},
            content = @Content(schema = @Schema(implementation = ProgrammeView.class)))
    @APIResponse(responseCode = "422", description = "Invalid programme.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "unknown commune", value = ApiDocs.PROBLEM_422)))
    public Response create(@NotNull @Valid ProgrammeInput input) {
        Versioned<ProgrammeView> created = programmes.create(input);
        return Answers.created("/api/v1/programmes/" + created.body().id(), created);
    }

    @PUT
    @Path("/{id}")
    @RolesAllowed(Roles.DIRECTORY_ADMIN)
    @Operation(summary = "Replace a programme (directory-admin)")
    @APIResponse(responseCode = "200", description = "Updated.", headers = @Header(name = "ETag"),
            content = @Content(schema = @Schema(implementation = ProgrammeView.class)))
    public Response update(@PathParam("id") UUID id,
                           @Parameter(description = "ETag of the version read.", required = true, example = "\"v0\"",
                                   schema = @Schema(type = SchemaType.STRING)) @HeaderParam("If-Match") String ifMatch,
                           @NotNull @Valid ProgrammeInput input) {
        return Answers.ok(programmes.update(id, input, ifMatch));
    }

    @DELETE
    @Path("/{id}")
    @RolesAllowed(Roles.DIRECTORY_ADMIN)
    @Operation(summary = "Archive a programme (directory-admin)",
            description = "The programme leaves search and match; GET by id still answers with archived=true.")
    @APIResponse(responseCode = "204", description = "Archived.")
    public Response archive(@PathParam("id") UUID id,
                            @Parameter(description = "ETag of the version read.", required = true,
                                    schema = @Schema(type = SchemaType.STRING)) @HeaderParam("If-Match") String ifMatch) {
        programmes.archive(id, ifMatch);
        return Response.noContent().build();
    }

    @Schema(name = "ProgrammePage")
    static final class ProgrammePage {
        public List<ProgrammeView> items;
        public int page;
        public int size;
        public long totalItems;
    }
}
