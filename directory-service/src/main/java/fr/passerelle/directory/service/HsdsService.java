package fr.passerelle.directory.service;

import fr.passerelle.directory.domain.SearchText;
import fr.passerelle.common.problem.ProblemException;
import fr.passerelle.directory.domain.Organisation;
import fr.passerelle.directory.domain.Programme;
import fr.passerelle.directory.domain.ProgrammeCategory;
import fr.passerelle.directory.hsds.Hsds;
import fr.passerelle.directory.mapping.HsdsMapper;
import fr.passerelle.directory.repository.OrganisationRepository;
import fr.passerelle.directory.repository.ProgrammeRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/** The Open Referral HSDS 3.0 view of the directory, so other directories can import ours. */
@ApplicationScoped
public class HsdsService {

    @Inject
    ProgrammeRepository programmes;
    @Inject
    OrganisationRepository organisations;
    @Inject
    TerritoryService territories;

    @Transactional
    public Hsds.Page<Hsds.Service> services(String search, UUID organizationId, UUID taxonomyTermId, int page, int perPage) {
        String category = null;
        if (taxonomyTermId != null) {
            category = Arrays.stream(ProgrammeCategory.values()).filter(c -> HsdsMapper.term(c).id().equals(taxonomyTermId))
                    .map(Enum::name).findFirst().orElse("__none__");
        }
        String folded = search == null || SearchText.fold(search).isEmpty() ? null : SearchText.fold(search);
        var filters = new fr.passerelle.directory.repository.ProgrammeSearch(folded, category, null, null, null, null,
                organizationId, null, null, null, false);
        long total = programmes.count(filters);
        List<Programme> found = programmes.search(filters, (page - 1) * perPage, perPage);
        return page(found.stream().map(HsdsMapper::serviceListItem).toList(), total, page, perPage);
    }

    @Transactional
    public Hsds.Service service(UUID id) {
        Programme p = programmes.findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("Service " + id));
        Map<String, String> names = territories.communesByCode(new HashSet<>(p.serviceCommunes)).values().stream()
                .collect(Collectors.toMap(c -> c.code, c -> c.name));
        return HsdsMapper.serviceFull(p, names);
    }

    @Transactional
    public Hsds.Page<Hsds.Organization> organizations(String search, int page, int perPage) {
        String folded = search == null || SearchText.fold(search).isEmpty() ? null : SearchText.fold(search);
        long total = organisations.countSearch(folded, null, null);
        List<Organisation> found = organisations.search(folded, null, null, (page - 1) * perPage, perPage);
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
        return page(page == 1 ? List.of(HsdsMapper.TAXONOMY) : List.of(), 1, page, perPage);
    }

    public Hsds.Page<Hsds.TaxonomyTerm> taxonomyTerms(int page, int perPage) {
        List<Hsds.TaxonomyTerm> all = Arrays.stream(ProgrammeCategory.values()).map(HsdsMapper::term).toList();
        List<Hsds.TaxonomyTerm> slice = all.stream().skip((long) (page - 1) * perPage).limit(perPage).toList();
        return page(slice, all.size(), page, perPage);
    }

    private Map<String, String> departementNames() {
        return territories.allDepartements().stream().collect(Collectors.toMap(d -> d.code, d -> d.name));
    }

    private static <T> Hsds.Page<T> page(List<T> contents, long total, int page, int perPage) {
        int totalPages = (int) ((total + perPage - 1) / perPage);
        return new Hsds.Page<>(total, totalPages, page, contents.size(), page == 1, page >= totalPages, contents.isEmpty(), contents);
    }
}
