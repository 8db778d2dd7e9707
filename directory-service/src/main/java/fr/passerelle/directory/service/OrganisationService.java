package fr.passerelle.directory.service;

import fr.passerelle.directory.domain.SearchText;
import fr.passerelle.common.paging.PageRequest;
import fr.passerelle.common.paging.PageResponse;
import fr.passerelle.common.problem.ProblemException;
import fr.passerelle.common.problem.Violation;
import fr.passerelle.common.web.Versioned;
import fr.passerelle.directory.api.OrganisationInput;
import fr.passerelle.directory.api.OrganisationView;
import fr.passerelle.directory.domain.Commune;
import fr.passerelle.directory.domain.Departement;
import fr.passerelle.directory.domain.Organisation;
import fr.passerelle.directory.domain.OrganisationKind;
import fr.passerelle.directory.domain.RecordStatus;
import fr.passerelle.directory.domain.Source;
import fr.passerelle.directory.mapping.DirectoryMapper;
import fr.passerelle.directory.repository.OrganisationRepository;
import fr.passerelle.directory.repository.ProgrammeRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import fr.passerelle.directory.domain.DirectoryChange.RecordType;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Organisations: search, and an editor's writes ({@link RecordService}) with their checks of codes and UAI. */
@ApplicationScoped
public class OrganisationService extends RecordService<Organisation, OrganisationInput, OrganisationView> {

    @Inject
    OrganisationRepository organisations;
    @Inject
    ProgrammeRepository programmes;
    @Inject
    TerritoryService territories;

    @Transactional
    public PageResponse<OrganisationView> search(String q, OrganisationKind kind, String departement, PageRequest page) {
        String folded = q == null ? null : SearchText.fold(q);
        if (folded != null && folded.isEmpty()) {
            folded = null;
        }
        String kindCode = kind == null ? null : kind.name();
        List<OrganisationView> items = organisations.search(folded, kindCode, departement, page.offset(), page.size())
                .stream().map(this::view).toList();
        return new PageResponse<>(items, page.page(), page.size(), organisations.countSearch(folded, kindCode, departement));
    }

    /** Creation with provenance and the date of the document the facts come from, as the seed loader records them. */
    @Transactional
    public Versioned<OrganisationView> create(UUID id, OrganisationInput in, Source source, String sourceDocument,
                                              LocalDate sourceDate, List<String> inferredFields) {
        return insert(id, in, source, sourceDocument, o -> {
            o.sourceDate = sourceDate;
            o.inferredFields = new ArrayList<>(inferredFields);
        });
    }

    public boolean exists(UUID id) {
        return organisations.findByIdOptional(id).isPresent();
    }

    @Override
    protected RecordType recordType() {
        return RecordType.ORGANISATION;
    }

    @Override
    protected String noun() {
        return "Organisation";
    }

    @Override
    protected OrganisationRepository records() {
        return organisations;
    }

    @Override
    protected Organisation newRecord() {
        return new Organisation();
    }

    @Override
    protected void fill(OrganisationInput in, Organisation o) {
        validate(in, o.id);
        DirectoryMapper.apply(in, o);
    }

    /** With its programmes that are not archived. */
    @Override
    protected OrganisationView view(Organisation o) {
        return DirectoryMapper.view(o, programmes.ofOrganisation(o.id), LocalDate.now(clock));
    }

    private void validate(OrganisationInput in, UUID self) {
        List<Violation> violations = new ArrayList<>();
        Optional<Commune> commune = Optional.empty();
        if (in.address() != null && in.address().communeCode() != null) {
            commune = territories.commune(in.address().communeCode());
            if (commune.isEmpty()) {
                violations.add(new Violation("address.communeCode", "unknown INSEE commune code", "UNKNOWN_COMMUNE"));
            }
        }
        Optional<Departement> departement = territories.departement(in.departement());
        if (in.departement() != null && departement.isEmpty()) {
            violations.add(new Violation("departement", "unknown département code", "UNKNOWN_DEPARTEMENT"));
        }
        if (commune.isPresent() && in.departement() != null && !commune.get().departementCode.equals(in.departement())) {
            violations.add(new Violation("departement", "does not contain the address's commune", "INCONSISTENT"));
        }
        if (in.academie() != null && territories.academie(in.academie()).isEmpty()) {
            violations.add(new Violation("academie", "unknown académie code", "UNKNOWN_ACADEMIE"));
        }
        if (departement.isPresent() && in.academie() != null && !departement.get().academieCode.equals(in.academie())) {
            violations.add(new Violation("academie", "does not contain the département", "INCONSISTENT"));
        }
        if (in.closedOn() != null && in.status() != RecordStatus.CLOSED) {
            violations.add(new Violation("closedOn", "only a CLOSED organisation has a closing date", "INCONSISTENT"));
        }
        if (in.uai() != null && in.kind() != OrganisationKind.SCHOOL) {
            violations.add(new Violation("uai", "only a SCHOOL has a UAI", "INCONSISTENT"));
        }
        if (!violations.isEmpty()) {
            throw ProblemException.unprocessable(violations);
        }
        if (in.uai() != null) {
            organisations.find("uai", in.uai()).firstResultOptional()
                    .filter(other -> !other.id.equals(self))
                    .ifPresent(other -> {
                        throw ProblemException.conflict("duplicate-uai", "Another organisation has this UAI.")
                                .with("existingId", other.id);
                    });
        }
    }
}
