package fr.passerelle.directory.rest;

import fr.passerelle.common.paging.PageRequest;
import fr.passerelle.common.paging.PageResponse;
import fr.passerelle.directory.api.Codes;
import fr.passerelle.directory.api.AcademieView;
import fr.passerelle.directory.api.CommuneView;
import fr.passerelle.directory.api.DepartementView;
import fr.passerelle.directory.api.Pages;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/territories")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Territories", description = "Official communes (INSEE codes), départements and académies (source: @etalab/decoupage-administratif 6.0.0).")
public interface TerritoriesApi {

    @GET
    @Path("/communes")
    @Operation(operationId = "listCommunes", summary = "List communes",
            description = "Official communes by name prefix and/or département, in INSEE code order.")
    @APIResponse(responseCode = "200", description = "A page of communes.",
            content = @Content(schema = @Schema(implementation = Pages.CommunePage.class)))
    PageResponse<CommuneView> communes(
            @Parameter(description = "Start of the commune's name (case-insensitive, accents count), e.g. Villeur.")
            @QueryParam("q") @Size(max = 100) String q,
            @Parameter(description = "Département code, e.g. 69.")
            @QueryParam("departement") @Pattern(regexp = Codes.DEPARTEMENT, message = Codes.DEPARTEMENT_MESSAGE) String departement,
            @Parameter(description = ApiDocs.PAGE) @QueryParam("page") @Min(0) @Max(Pages.MAX_PAGE) Integer page,
            @Parameter(description = ApiDocs.SIZE) @QueryParam("size") @Min(1) @Max(PageRequest.MAX_SIZE) Integer size);

    @GET
    @Path("/communes/{code}")
    @Operation(operationId = "getCommune", summary = "Get a commune by INSEE code",
            description = "The commune with its département and académie. The INSEE code is not the postal code.")
    @APIResponse(responseCode = "200", description = "The commune.", content = @Content(schema = @Schema(implementation = CommuneView.class)))
    CommuneView commune(@Parameter(description = "INSEE commune code, e.g. 69266.") @PathParam("code") String code);

    @GET
    @Path("/departements")
    @Operation(operationId = "listDepartements", summary = "List départements",
            description = "Every département, in code order, with its region and académie.")
    @APIResponse(responseCode = "200", description = "Every département.",
            content = @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = DepartementView.class)))
    List<DepartementView> departements();

    @GET
    @Path("/departements/{code}")
    @Operation(operationId = "getDepartement", summary = "Get a département",
            description = "The département with its region and académie.")
    @APIResponse(responseCode = "200", description = "The département.", content = @Content(schema = @Schema(implementation = DepartementView.class)))
    DepartementView departement(@Parameter(description = "Département code, e.g. 69 or 2A.") @PathParam("code") String code);

    @GET
    @Path("/academies")
    @Operation(operationId = "listAcademies", summary = "List académies",
            description = "Every académie, in code order, with the codes of its départements.")
    @APIResponse(responseCode = "200", description = "Every académie.",
            content = @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = AcademieView.class)))
    List<AcademieView> academies();
}
