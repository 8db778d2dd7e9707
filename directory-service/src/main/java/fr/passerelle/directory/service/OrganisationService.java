package fr.passerelle.directory.service;

import fr.passerelle.directory.domain.SearchText;
import fr.passerelle.common.paging.PageRequest;
import fr.passerelle.common.paging.PageResponse;
import fr.passerelle.common.problem.ProblemException;
import fr.passerelle.common.problem.Violation;
import fr.passerelle.common.web.ETags;
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
import fr.passerelle.directory.domain.DirectoryChange.Channel;
import fr.passerelle.directory.domain.DirectoryChange.Operation;
import fr.passerelle.directory.domain.DirectoryChange.RecordType;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class OrganisationService {

    @Inject
    OrganisationRepository organisations;
    @Inject
    ProgrammeRepository programmes;
    @Inject
    TerritoryService territories;
    @Inject
    Clock clock;
    @Inject
    ChangeLog changeLog;

    @Transactional
    public PageResponse<OrganisationView> search(String q, OrganisationKind kind, String departement, PageRequest page) {
        String folded = q == null ? null : SearchText.fold(q);
        if (folded != null && folded.isEmpty()) {
            folded = null;
        }
        String kindCode = kind == null ? null : kind.name();
        List<OrganisationView> items = organisations.search(folded, kindCode, departement, page.offset(), page.size())
                .stream().map(o -> DirectoryMapper.view(o, programmes.ofOrganisation(o.id), LocalDate.now(clock))).toList();
        return new PageResponse<>(items, page.page(), page.size(), organisations.countSearch(folded, kindCode, departement));
    }

    @Transactional
    public Versioned<OrganisationView> get(UUID id) {
        Organisation o = find(id);
        return new Versioned<>(DirectoryMapper.view(o, programmes.ofOrganisation(id), LocalDate.now(clock)), o.version);
    }

    @Transactional
    public Versioned<OrganisationView> create(OrganisationInput in) {
        Versioned<OrganisationView> created = create(UUID.randomUUID(), in, Source.EDITOR, null, List.of());
        changeLog.record(RecordType.ORGANISATION, created.body().id(), Operation.CREATE, Channel.EDIT, null, created.body());
        return created;
    }

    /** Creation with provenance, as the seed loader records what the documents say. */
    @Transactional
    public Versioned<OrganisationView> create(UUID id, OrganisationInput in, Source source, String sourceDocument,
                                              List<String> inferredFields) {
        return create(id, in, source, sourceDocument, null, inferredFields);
    }

    /** Creation with provenance and the date of the document the facts come from. */
    @Transactional
    public Versioned<OrganisationView> create(UUID id, OrganisationInput in, Source source, String sourceDocument,
                                              LocalDate sourceDate, List<String> inferredFields) {
        validate(in, null);
        Organisation o = new Organisation();
        o.id = id;
        DirectoryMapper.apply(in, o);
        o.source = source;
        o.sourceDocument = sourceDocument;
        o.sourceDate = sourceDate;
        o.inferredFields = new ArrayList<>(inferredFields);
        o.createdAt = o.updatedAt = Instant.now(clock);
        organisations.persistAndFlush(o);
        return new Versioned<>(DirectoryMapper.view(o, List.of(), LocalDate.now(clock)), o.version);
    }

    @Transactional
    public Versioned<OrganisationView> update(UUID id, OrganisationInput in, String ifMatch) {
        Organisation o = find(id);
        ETags.requireMatch(ifMatch, o.version);
        validate(in, id);
        OrganisationView before = DirectoryMapper.view(o, programmes.ofOrganisation(id));
        DirectoryMapper.apply(in, o);
        o.updatedAt = Instant.now(clock);
        organisations.flush();
        OrganisationView after = DirectoryMapper.view(o, programmes.ofOrganisation(id), LocalDate.now(clock));
        changeLog.record(RecordType.ORGANISATION, id, Operation.UPDATE, Channel.EDIT, before, after);
        return new Versioned<>(after, o.version);
    }

    /** Archives: the organisation and its programmes leave search and match; GET still answers. */
    @Transactional
    public void archive(UUID id, String ifMatch) {
        Organisation o = find(id);
        ETags.requireMatch(ifMatch, o.version);
        OrganisationView before = DirectoryMapper.view(o, programmes.ofOrganisation(id));
        o.archive(Instant.now(clock));
        changeLog.record(RecordType.ORGANISATION, id, Operation.ARCHIVE, Channel.EDIT, before,
                DirectoryMapper.view(o, programmes.ofOrganisation(id)));
    }

    public boolean exists(UUID id) {
        return organisations.findByIdOptional(id).isPresent();
    }

    Organisation find(UUID id) {
        return organisations.findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("Organisation " + id));
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
