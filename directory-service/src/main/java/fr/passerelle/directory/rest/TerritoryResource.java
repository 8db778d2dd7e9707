package fr.passerelle.directory.rest;

import fr.passerelle.common.paging.PageRequest;
import fr.passerelle.common.paging.PageResponse;
import fr.passerelle.common.problem.ProblemException;
import fr.passerelle.common.web.QueryParams;
import fr.passerelle.directory.api.Codes;
import fr.passerelle.directory.api.CommuneView;
import fr.passerelle.directory.api.Pages;
import fr.passerelle.directory.mapping.DirectoryMapper;
import fr.passerelle.directory.service.TerritoryService;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
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
import java.util.Map;
import java.util.stream.Collectors;
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
public class TerritoryResource {

    @Inject
    TerritoryService territories;

    @Schema(name = "Departement", description = "A département with its region and académie.",
            requiredProperties = {"code", "name", "regionCode", "academieCode"})
    public record DepartementView(@Schema(examples = "69") String code, @Schema(examples = "Rhône") String name,
                                  @Schema(description = "INSEE region code.", examples = "84") String regionCode,
                                  @Schema(examples = "LYON") String academieCode) {
    }

    @Schema(name = "Academie", description = "An académie with the codes of its départements.",
            requiredProperties = {"code", "name", "departements"})
    public record AcademieView(@Schema(examples = "LYON") String code, @Schema(examples = "Lyon") String name,
                               @Schema(examples = "[\"01\",\"42\",\"69\"]") List<String> departements) {
    }

    @GET
    @Path("/communes")
    @Transactional
    @Operation(operationId = "listCommunes", summary = "List communes",
            description = "Official communes by name prefix and/or département, in INSEE code order.")
    @APIResponse(responseCode = "200", description = "A page of communes.",
            content = @Content(schema = @Schema(implementation = Pages.CommunePage.class)))
    public PageResponse<CommuneView> communes(
            @Parameter(description = "Start of the commune's name (case-insensitive, accents count), e.g. Villeur.")
            @QueryParam("q") @Size(max = 100) String q,
            @Parameter(description = "Département code, e.g. 69.")
            @QueryParam("departement") @Pattern(regexp = Codes.DEPARTEMENT, message = Codes.DEPARTEMENT_MESSAGE) String departement,
            @Parameter(description = ApiDocs.PAGE) @QueryParam("page") @Min(0) @Max(Pages.MAX_PAGE) Integer page,
            @Parameter(description = ApiDocs.SIZE) @QueryParam("size") @Min(1) @Max(PageRequest.MAX_SIZE) Integer size) {
        PageRequest p = PageRequest.of(page, size);
        String name = QueryParams.text("q", q, 100);
        Map<String, String> academies = territories.allDepartements().stream().collect(Collectors.toMap(d -> d.code, d -> d.academieCode));
        List<CommuneView> items = territories.searchCommunes(name, departement, p.offset(), p.size()).stream()
                .map(c -> DirectoryMapper.view(c, academies.get(c.departementCode))).toList();
        return new PageResponse<>(items, p.page(), p.size(), territories.countCommunes(name, departement));
    }

    @GET
    @Path("/communes/{code}")
    @Transactional
    @Operation(operationId = "getCommune", summary = "Get a commune by INSEE code",
            description = "The commune with its département and académie. The INSEE code is not the postal code.")
    @APIResponse(responseCode = "200", description = "The commune.", content = @Content(schema = @Schema(implementation = CommuneView.class)))
    public CommuneView commune(@Parameter(description = "INSEE commune code, e.g. 69266.") @PathParam("code") String code) {
        return territories.place(code).map(p -> DirectoryMapper.view(p.commune(), p.academieCode()))
                .orElseThrow(() -> ProblemException.notFound("Commune " + code));
    }

    @GET
    @Path("/departements")
    @Transactional
    @Operation(operationId = "listDepartements", summary = "List départements",
            description = "Every département, in code order, with its region and académie.")
    @APIResponse(responseCode = "200", description = "Every département.",
            content = @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = DepartementView.class)))
    public List<DepartementView> departements() {
        return territories.allDepartements().stream().map(d -> new DepartementView(d.code, d.name, d.regionCode, d.academieCode)).toList();
    }

    @GET
    @Path("/departements/{code}")
    @Transactional
    @Operation(operationId = "getDepartement", summary = "Get a département",
            description = "The département with its region and académie.")
    @APIResponse(responseCode = "200", description = "The département.", content = @Content(schema = @Schema(implementation = DepartementView.class)))
    public DepartementView departement(@Parameter(description = "Département code, e.g. 69 or 2A.") @PathParam("code") String code) {
        return territories.departement(code).map(d -> new DepartementView(d.code, d.name, d.regionCode, d.academieCode))
                .orElseThrow(() -> ProblemException.notFound("Département " + code));
    }

    @GET
    @Path("/academies")
    @Transactional
    @Operation(operationId = "listAcademies", summary = "List académies",
            description = "Every académie, in code order, with the codes of its départements.")
    @APIResponse(responseCode = "200", description = "Every académie.",
            content = @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = AcademieView.class)))
    public List<AcademieView> academies() {
        Map<String, List<String>> deps = territories.allDepartements().stream()
                .collect(Collectors.groupingBy(d -> d.academieCode, Collectors.mapping(d -> d.code, Collectors.toList())));
        return territories.allAcademies().stream().map(a -> new AcademieView(a.code, a.name, deps.getOrDefault(a.code, List.of()))).toList();
    }
}
