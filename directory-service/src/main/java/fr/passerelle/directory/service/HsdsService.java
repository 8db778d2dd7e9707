package fr.passerelle.directory.service;

import fr.passerelle.common.problem.ProblemException;
import fr.passerelle.directory.domain.Organisation;
import fr.passerelle.directory.domain.Programme;
import fr.passerelle.directory.domain.ProgrammeCategory;
import fr.passerelle.directory.domain.SearchText;
import fr.passerelle.directory.hsds.Hsds;
import fr.passerelle.directory.mapping.HsdsMapper;
import fr.passerelle.directory.repository.OrganisationRepository;
import fr.passerelle.directory.repository.ProgrammeRepository;
import fr.passerelle.directory.repository.ProgrammeRepository.ExportFilter;
import fr.passerelle.directory.repository.ProgrammeSearch;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Collectors;

/** The Open Referral HSDS 3.0 view of the directory, so other directories can import ours. */
@ApplicationScoped
public class HsdsService {

    /** Filters shared by the service and service-at-location lists; null means "any". */
    public record ServiceFilters(String search, UUID organizationId, UUID taxonomyTermId, UUID taxonomyId,
                                 Instant modifiedAfter) {
    }

    @Inject
    ProgrammeRepository programmes;
    @Inject
    OrganisationRepository organisations;
    @Inject
    TerritoryService territories;

    @Transactional
    public Hsds.Page<Hsds.Service> services(ServiceFilters f, int page, int perPage) {
        return programmePage(f, false, page, perPage, HsdsMapper::serviceListItem);
    }

    @Transactional
    public Hsds.Service service(UUID id) {
        Programme p = programmes.findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("Service " + id));
        Map<String, String> names = territories.communesByCode(new HashSet<>(p.serviceCommunes)).values().stream()
                .collect(Collectors.toMap(c -> c.code, c -> c.name));
        return HsdsMapper.serviceFull(p, names, departementNames());
    }

    @Transactional
    public Hsds.Page<Hsds.ServiceAtLocation> servicesAtLocations(ServiceFilters f, int page, int perPage) {
        Map<String, String> deps = departementNames();
        return programmePage(f, true, page, perPage, p -> HsdsMapper.serviceAtLocation(p, deps, false));
    }

    /** Like a service by id, an archived programme's still answers (its service's status says inactive). */
    @Transactional
    public Hsds.ServiceAtLocation serviceAtLocation(UUID id) {
        return programmes.findByIdOptional(HsdsMapper.programmeOfServiceAtLocation(id))
                .map(p -> HsdsMapper.serviceAtLocation(p, departementNames(), true))
                .orElseThrow(() -> ProblemException.notFound("Service at location " + id));
    }

    @Transactional
    public Hsds.Page<Hsds.Organization> organizations(String search, int page, int perPage) {
        String folded = fold(search);
        long total = organisations.countSearch(folded, null, null);
        List<Organisation> found = organisations.search(folded, null, null, offset(page, perPage), perPage);
        Map<String, String> deps = departementNames();
        return page(found.stream().map(o -> HsdsMapper.organization(o, deps, null)).toList(), total, page, perPage);
    }

    @Transactional
    public Hsds.Organization organization(UUID id) {
        Organisation o = organisations.findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("Organization " + id));
        List<Hsds.Service> services = programmes.ofOrganisation(id).stream().map(HsdsMapper::serviceListItem).toList();
        return HsdsMapper.organization(o, departementNames(), services);
    }

    public Hsds.Page<Hsds.Taxonomy> taxonomies(int page, int perPage) {
        return slice(List.of(HsdsMapper.TAXONOMY), page, perPage);
    }

    public Hsds.Taxonomy taxonomy(UUID id) {
        if (!HsdsMapper.TAXONOMY_ID.equals(id)) {
            throw ProblemException.notFound("Taxonomy " + id);
        }
        return HsdsMapper.TAXONOMY;
    }

    public Hsds.Page<Hsds.TaxonomyTerm> taxonomyTerms(UUID taxonomyId, int page, int perPage) {
        List<Hsds.TaxonomyTerm> all = taxonomyId != null && !HsdsMapper.TAXONOMY_ID.equals(taxonomyId) ? List.of()
                : Arrays.stream(ProgrammeCategory.values()).map(HsdsMapper::term).toList();
        return slice(all, page, perPage);
    }

    public Hsds.TaxonomyTerm taxonomyTerm(UUID id) {
        return Arrays.stream(ProgrammeCategory.values()).map(HsdsMapper::term).filter(t -> t.id().equals(id)).findFirst()
                .map(t -> new Hsds.TaxonomyTerm(t.id(), t.code(), t.name(), t.description(), t.taxonomyId(), t.language(),
                        HsdsMapper.TAXONOMY))
                .orElseThrow(() -> ProblemException.notFound("Taxonomy term " + id));
    }

    private <T> Hsds.Page<T> programmePage(ServiceFilters f, boolean locatedOnly, int page, int perPage,
                                           java.util.function.Function<Programme, T> map) {
        String category = null;
        if (f.taxonomyTermId() != null) {
            // A term of another taxonomy names no category: no service has it.
            category = Arrays.stream(ProgrammeCategory.values()).filter(c -> HsdsMapper.term(c).id().equals(f.taxonomyTermId()))
                    .map(Enum::name).findFirst().orElse("__none__");
        }
        if (f.taxonomyId() != null && !HsdsMapper.TAXONOMY_ID.equals(f.taxonomyId())) {
            category = "__none__";
        }
        ProgrammeSearch search = searchOf(fold(f.search()), f.organizationId(), category);
        ExportFilter export = new ExportFilter(f.modifiedAfter(), f.taxonomyId() != null, locatedOnly);
        long total = programmes.count(search, export);
        List<T> contents = programmes.search(search, export, offset(page, perPage), perPage).stream().map(map)
                .filter(Objects::nonNull).toList();
        return page(contents, total, page, perPage);
    }

    private static ProgrammeSearch searchOf(String folded, UUID organisation, String category) {
        return new ProgrammeSearch(folded, category, null, null, null, null, organisation, null, null, null, false);
    }

    private static String fold(String search) {
        return search == null || SearchText.fold(search).isEmpty() ? null : SearchText.fold(search);
    }

    private Map<String, String> departementNames() {
        return territories.allDepartements().stream().collect(Collectors.toMap(d -> d.code, d -> d.name));
    }

    private static int offset(int page, int perPage) {
        return (int) Math.min(Integer.MAX_VALUE, (long) (page - 1) * perPage);
    }

    private static <T> Hsds.Page<T> slice(List<T> all, int page, int perPage) {
        List<T> contents = all.stream().skip((long) (page - 1) * perPage).limit(perPage).toList();
        return page(contents, all.size(), page, perPage);
    }

    private static <T> Hsds.Page<T> page(List<T> contents, long total, int page, int perPage) {
        int totalPages = (int) ((total + perPage - 1) / perPage);
        return new Hsds.Page<>(total, totalPages, page, contents.size(), page == 1, page >= totalPages, contents.isEmpty(), contents);
    }
}
