package fr.passerelle.directory.rest;

import fr.passerelle.common.paging.PageRequest;
import fr.passerelle.common.paging.PageResponse;
import fr.passerelle.common.problem.ProblemException;
import fr.passerelle.common.web.QueryParams;
import fr.passerelle.directory.api.CommuneView;
import fr.passerelle.directory.mapping.DirectoryMapper;
import fr.passerelle.directory.service.TerritoryService;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
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

    @Schema(name = "Departement")
    public record DepartementView(String code, String name, String regionCode, String academieCode) {
    }

    @Schema(name = "Academie")
    public record AcademieView(String code, String name, List<String> departements) {
    }

    @GET
    @Path("/communes")
    @Transactional
    @Operation(summary = "List communes", description = "By name prefix and/or département.")
    @APIResponse(responseCode = "200", description = "A page of communes.")
    public PageResponse<CommuneView> communes(
            @Parameter(description = "Start of the commune's name (case-insensitive).", example = "Villeur") @QueryParam("q") String q,
            @Parameter(description = "Département code.", example = "69") @QueryParam("departement") String departement,
            @Parameter(description = "Zero-based page number.") @QueryParam("page") String page,
            @Parameter(description = "Page size, 1 to 100.") @QueryParam("size") String size) {
        PageRequest p = PageRequest.of(QueryParams.integer("page", page, 0, 100_000), QueryParams.integer("size", size, 1, 100));
        String name = QueryParams.text("q", q, 100);
        String dep = QueryParams.text("departement", departement, 3);
        Map<String, String> academies = territories.allDepartements().stream().collect(Collectors.toMap(d -> d.code, d -> d.academieCode));
        List<CommuneView> items = territories.searchCommunes(name, dep, p.offset(), p.size()).stream()
                .map(c -> DirectoryMapper.view(c, academies.get(c.departementCode))).toList();
        return new PageResponse<>(items, p.page(), p.size(), territories.countCommunes(name, dep));
    }

    @GET
    @Path("/communes/{code}")
    @Transactional
    @Operation(summary = "Get a commune by INSEE code")
    @APIResponse(responseCode = "200", description = "The commune.", content = @Content(schema = @Schema(implementation = CommuneView.class)))
    public CommuneView commune(@PathParam("code") String code) {
        return territories.place(code).map(p -> DirectoryMapper.view(p.commune(), p.academieCode()))
                .orElseThrow(() -> ProblemException.notFound("Commune " + code));
    }

    @GET
    @Path("/departements")
    @Transactional
    @Operation(summary = "List départements")
    @APIResponse(responseCode = "200", description = "Every département.")
    public List<DepartementView> departements() {
        return territories.allDepartements().stream().map(d -> new DepartementView(d.code, d.name, d.regionCode, d.academieCode)).toList();
    }

    @GET
    @Path("/departements/{code}")
    @Transactional
    @Operation(summary = "Get a département")
    @APIResponse(responseCode = "200", description = "The département.")
    public DepartementView departement(@PathParam("code") String code) {
        return territories.departement(code).map(d -> new DepartementView(d.code, d.name, d.regionCode, d.academieCode))
                .orElseThrow(() -> ProblemException.notFound("Département " + code));
    }

    @GET
    @Path("/academies")
    @Transactional
    @Operation(summary = "List académies, with their départements")
    @APIResponse(responseCode = "200", description = "Every académie.")
    public List<AcademieView> academies() {
        Map<String, List<String>> deps = territories.allDepartements().stream()
                .collect(Collectors.groupingBy(d -> d.academieCode, Collectors.mapping(d -> d.code, Collectors.toList())));
        return territories.allAcademies().stream().map(a -> new AcademieView(a.code, a.name, deps.getOrDefault(a.code, List.of()))).toList();
    }
}
