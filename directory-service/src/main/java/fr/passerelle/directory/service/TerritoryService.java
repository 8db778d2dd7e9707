package fr.passerelle.directory.service;

import fr.passerelle.common.paging.PageRequest;
import fr.passerelle.common.paging.PageResponse;
import fr.passerelle.common.problem.ProblemException;
import fr.passerelle.common.problem.Violation;
import fr.passerelle.directory.api.AcademieView;
import fr.passerelle.directory.api.CommuneView;
import fr.passerelle.directory.api.DepartementView;
import fr.passerelle.directory.domain.Academie;
import fr.passerelle.directory.domain.Commune;
import fr.passerelle.directory.domain.Departement;
import fr.passerelle.directory.domain.ServiceArea;
import fr.passerelle.directory.mapping.DirectoryMapper;
import fr.passerelle.directory.repository.TerritoryRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/** Official territories: loading, look-ups, and the checks that refuse unknown codes. */
@ApplicationScoped
public class TerritoryService {

    private static final Logger LOG = Logger.getLogger(TerritoryService.class);

    @Inject
    TerritoryRepository territories;

    /** Loads communes, départements and académies shipped in the jar when the tables are empty. */
    public void loadIfEmpty() {
        if (territories.countCommunes() > 0) {
            return;
        }
        List<String[]> academies = csv("territories/academies.csv");
        List<String[]> departements = csv("territories/departements.csv");
        List<String[]> communes = csv("territories/communes.csv");
        territories.bulkLoad(academies, departements, communes);
        LOG.infof("Loaded %d communes, %d départements, %d académies", communes.size(), departements.size(), academies.size());
    }

    public Optional<Commune> commune(String code) {
        return code == null ? Optional.empty() : territories.commune(code);
    }

    public Optional<Departement> departement(String code) {
        return code == null ? Optional.empty() : territories.departement(code);
    }

    public Optional<Academie> academie(String code) {
        return code == null ? Optional.empty() : territories.academie(code);
    }

    public List<Departement> allDepartements() {
        return territories.allDepartements();
    }

    public List<Academie> allAcademies() {
        return territories.allAcademies();
    }

    public List<Commune> searchCommunes(String name, String departement, int offset, int size) {
        return territories.searchCommunes(name, departement, offset, size);
    }

    public long countCommunes(String name, String departement) {
        return territories.countCommunes(name, departement);
    }

    /** Communes by name prefix and/or département, as the API shows them (with their académie). */
    @Transactional
    public PageResponse<CommuneView> listCommunes(String name, String departement, PageRequest page) {
        Map<String, String> academies = allDepartements().stream().collect(Collectors.toMap(d -> d.code, d -> d.academieCode));
        List<CommuneView> items = searchCommunes(name, departement, page.offset(), page.size()).stream()
                .map(c -> DirectoryMapper.view(c, academies.get(c.departementCode))).toList();
        return new PageResponse<>(items, page.page(), page.size(), countCommunes(name, departement));
    }

    @Transactional
    public CommuneView getCommune(String code) {
        return place(code).map(p -> DirectoryMapper.view(p.commune(), p.academieCode()))
                .orElseThrow(() -> ProblemException.notFound("Commune " + code));
    }

    @Transactional
    public List<DepartementView> listDepartements() {
        return allDepartements().stream().map(DirectoryMapper::view).toList();
    }

    @Transactional
    public DepartementView getDepartement(String code) {
        return departement(code).map(DirectoryMapper::view).orElseThrow(() -> ProblemException.notFound("Département " + code));
    }

    /** Every académie with the codes of its départements. */
    @Transactional
    public List<AcademieView> listAcademies() {
        Map<String, List<String>> deps = allDepartements().stream()
                .collect(Collectors.groupingBy(d -> d.academieCode, Collectors.mapping(d -> d.code, Collectors.toList())));
        return allAcademies().stream().map(a -> DirectoryMapper.view(a, deps.getOrDefault(a.code, List.of()))).toList();
    }

    /** Violations for every unknown code of an area, with the field path the client sent. */
    public List<Violation> checkArea(String field, ServiceArea area) {
        List<Violation> violations = new ArrayList<>();
        Set<String> knownCommunes = territories.communes(area.communes()).stream().map(c -> c.code).collect(Collectors.toSet());
        for (int i = 0; i < area.communes().size(); i++) {
            if (!knownCommunes.contains(area.communes().get(i))) {
                violations.add(new Violation(field + ".communes[" + i + "]", "unknown INSEE commune code", "UNKNOWN_COMMUNE"));
            }
        }
        Set<String> knownDeps = territories.departements(area.departements()).stream().map(d -> d.code).collect(Collectors.toSet());
        for (int i = 0; i < area.departements().size(); i++) {
            if (!knownDeps.contains(area.departements().get(i))) {
                violations.add(new Violation(field + ".departements[" + i + "]", "unknown département code", "UNKNOWN_DEPARTEMENT"));
            }
        }
        for (int i = 0; i < area.academies().size(); i++) {
            if (territories.academie(area.academies().get(i)).isEmpty()) {
                violations.add(new Violation(field + ".academies[" + i + "]", "unknown académie code", "UNKNOWN_ACADEMIE"));
            }
        }
        return violations;
    }

    /** Every département an area touches: explicit ones, those of its communes and of its académies. */
    public List<String> departementsTouched(ServiceArea area) {
        Set<String> result = new TreeSet<>(area.departements());
        territories.communes(area.communes()).forEach(c -> result.add(c.departementCode));
        territories.departementsOfAcademies(area.academies()).forEach(d -> result.add(d.code));
        return List.copyOf(result);
    }

    public Map<String, Commune> communesByCode(Set<String> codes) {
        return territories.communes(codes).stream().collect(Collectors.toMap(c -> c.code, Function.identity()));
    }

    /** A commune with its département and académie, or empty if the code is unknown. */
    public Optional<Place> place(String communeCode) {
        return commune(communeCode).map(c -> {
            Departement d = territories.departement(c.departementCode).orElseThrow();
            return new Place(c, d.code, d.academieCode);
        });
    }

    public record Place(Commune commune, String departementCode, String academieCode) {
    }

    private static List<String[]> csv(String resource) {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Missing resource " + resource);
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            return reader.lines().skip(1).filter(l -> !l.isBlank()).map(l -> l.split(";", -1)).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Set<String> distinct(List<String> values) {
        return new LinkedHashSet<>(values);
    }
}
