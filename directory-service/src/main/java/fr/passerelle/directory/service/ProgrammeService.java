package fr.passerelle.directory.service;

import fr.passerelle.directory.domain.SearchText;
import fr.passerelle.common.paging.PageRequest;
import fr.passerelle.common.paging.PageResponse;
import fr.passerelle.common.problem.ProblemException;
import fr.passerelle.common.problem.Violation;
import fr.passerelle.common.web.ETags;
import fr.passerelle.directory.api.EligibilityInput;
import fr.passerelle.directory.api.ProgrammeInput;
import fr.passerelle.directory.api.ProgrammeView;
import fr.passerelle.directory.domain.Organisation;
import fr.passerelle.directory.domain.Programme;
import fr.passerelle.directory.domain.ProgrammeCategory;
import fr.passerelle.directory.domain.RecordStatus;
import fr.passerelle.common.codes.SchoolingStatus;
import fr.passerelle.common.web.Versioned;
import fr.passerelle.directory.domain.ServiceArea;
import fr.passerelle.directory.domain.Source;
import fr.passerelle.directory.mapping.DirectoryMapper;
import fr.passerelle.directory.repository.OrganisationRepository;
import fr.passerelle.directory.repository.PlatformRepository;
import fr.passerelle.directory.repository.ProgrammeRepository;
import fr.passerelle.directory.repository.ProgrammeSearch;
import fr.passerelle.common.security.Caller;
import fr.passerelle.common.security.CurrentCaller;
import fr.passerelle.common.security.Roles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import fr.passerelle.directory.domain.DirectoryChange.Channel;
import fr.passerelle.directory.domain.DirectoryChange.Operation;
import fr.passerelle.directory.domain.DirectoryChange.RecordType;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Programmes: search, an editor's writes ({@link RecordService}) with their checks, and a partner's upkeep of places,
 * contacts and status.
 */
@ApplicationScoped
public class ProgrammeService extends RecordService<Programme, ProgrammeInput, ProgrammeView> {

    @Inject
    ProgrammeRepository programmes;
    @Inject
    OrganisationRepository organisations;
    @Inject
    PlatformRepository platforms;
    @Inject
    TerritoryService territories;
    @Inject
    ProgrammeAvailability availability;
    @Inject
    CurrentCaller currentCaller;
    @Inject
    ReadOnlyWork readOnly;

    /** Search filters as the API receives them. */
    public record Filters(String q, ProgrammeCategory category, String departement, String commune, UUID organisation,
                          Integer age, SchoolingStatus schoolingStatus, RecordStatus status, boolean openOnly) {
    }

    @Transactional
    public PageResponse<ProgrammeView> search(Filters f, PageRequest page) {
        readOnly.begin();
        String folded = f.q() == null ? null : SearchText.fold(f.q());
        if (folded != null && folded.isEmpty()) {
            folded = null;
        }
        String communeDep = null;
        String communeAcad = null;
        if (f.commune() != null) {
            TerritoryService.Place place = territories.place(f.commune())
                    .orElseThrow(() -> ProblemException.badParameter("commune", "unknown INSEE commune code", "UNKNOWN_COMMUNE"));
            communeDep = place.departementCode();
            communeAcad = place.academieCode();
        }
        if (f.departement() != null && territories.departement(f.departement()).isEmpty()) {
            throw ProblemException.badParameter("departement", "unknown département code", "UNKNOWN_DEPARTEMENT");
        }
        ProgrammeSearch search = new ProgrammeSearch(folded, name(f.category()), f.departement(), f.commune(), communeDep,
                communeAcad, f.organisation(), f.age(), name(f.schoolingStatus()), name(f.status()), f.openOnly());
        List<Programme> found = programmes.search(search, page.offset(), page.size());
        return new PageResponse<>(views(found), page.page(), page.size(), programmes.count(search));
    }

    /** Creation with provenance, as the seed loader records what a document dated sourceDate says. */
    @Transactional
    public Versioned<ProgrammeView> create(UUID id, ProgrammeInput in, Source source, String sourceDocument,
                                           LocalDate sourceDate, List<String> inferredFields) {
        return insert(id, in, source, sourceDocument, p -> {
            p.sourceDate = sourceDate;
            p.inferredFields = new ArrayList<>(inferredFields);
        });
    }

    @Override
    protected RecordType recordType() {
        return RecordType.PROGRAMME;
    }

    @Override
    protected String noun() {
        return "Programme";
    }

    @Override
    protected ProgrammeRepository records() {
        return programmes;
    }

    @Override
    protected Programme newRecord() {
        return new Programme();
    }

    @Override
    protected void fill(ProgrammeInput in, Programme p) {
        Organisation organisation = validate(in);
        DirectoryMapper.apply(in, p, organisation, territories.departementsTouched(area(in)));
    }

    @Override
    protected ProgrammeView view(Programme p) {
        return views(List.of(p)).get(0);
    }

    /**
     * A partner's upkeep of its own programme (directory editors may use it too): a merge patch of placesAvailable,
     * contacts and status only. "Open" is computed from these columns on every read and match, so a programme set
     * to 0 places or SUSPENDED leaves the open programmes with this transaction's commit.
     */
    @Transactional
    public Versioned<ProgrammeView> updateAvailability(UUID id, String patch, String ifMatch) {
        Caller caller = currentCaller.get();
        Programme p = find(id);
        boolean editor = caller.hasRole(Roles.DIRECTORY_ADMIN);
        if (!editor && (!caller.hasRole(Roles.PARTNER) || caller.organisation().filter(p.organisation.id::equals).isEmpty())) {
            throw ProblemException.forbidden("Partner staff keep only their own organisation's programmes up to date.");
        }
        ETags.requireMatch(ifMatch, p.version);
        ProgrammeAvailability.Change change = availability.read(patch, editor);
        List<Violation> violations = new ArrayList<>();
        if (change.placesGiven() && change.places() != null && p.capacityPerCohort != null && change.places() > p.capacityPerCohort) {
            violations.add(new Violation("placesAvailable", "must not exceed capacityPerCohort (" + p.capacityPerCohort + ")", "RANGE"));
        }
        if (change.status() != null && p.status == RecordStatus.CLOSED) {
            violations.add(new Violation("status", "the programme is closed: a directory editor reopens it", "CLOSED"));
        }
        if (!violations.isEmpty()) {
            throw ProblemException.unprocessable(violations);
        }
        ProgrammeView before = view(p);
        if (change.placesGiven()) {
            p.placesAvailable = change.places();
        }
        if (change.contacts() != null) {
            p.contacts = change.contacts();
        }
        if (change.status() != null) {
            p.status = change.status();
        }
        ProgrammeView after = view(p);
        if (!changeLog.diff(before, after).isEmpty()) {
            p.updatedAt = Instant.now(clock);
            programmes.flush();
            after = view(p);
            changeLog.record(RecordType.PROGRAMME, id, Operation.UPDATE, Channel.AVAILABILITY, before, after);
        }
        return new Versioned<>(after, p.version);
    }

    List<ProgrammeView> views(List<Programme> list) {
        LocalDate today = LocalDate.now(clock);
        Map<UUID, List<UUID>> platformIds = platforms.platformsOf(list.stream().map(p -> p.organisation.id).distinct().toList());
        return list.stream().map(p -> DirectoryMapper.view(p, platformIds.get(p.organisation.id), today)).toList();
    }

    private Organisation validate(ProgrammeInput in) {
        List<Violation> violations = new ArrayList<>();
        Organisation organisation = organisations.findByIdOptional(in.organisationId()).orElse(null);
        if (organisation == null) {
            violations.add(new Violation("organisationId", "unknown organisation", "UNKNOWN_ORGANISATION"));
        } else if (organisation.archived()) {
            violations.add(new Violation("organisationId", "the organisation is archived", "ARCHIVED"));
        }
        if (in.eligibility() != null && in.eligibility().minAge() != null && in.eligibility().maxAge() != null
                && in.eligibility().minAge() > in.eligibility().maxAge()) {
            violations.add(new Violation("eligibility.maxAge", "must be greater than or equal to minAge", "RANGE"));
        }
        EligibilityInput e = in.eligibility();
        if (e != null && e.maxAgeWithDisability() != null && (e.maxAge() == null || e.maxAgeWithDisability() < e.maxAge())) {
            violations.add(new Violation("eligibility.maxAgeWithDisability", "needs a maxAge and must not be below it", "RANGE"));
        }
        if (e != null && e.minMonthsOutOfSchool() != null && e.maxMonthsOutOfSchool() != null
                && e.minMonthsOutOfSchool() > e.maxMonthsOutOfSchool()) {
            violations.add(new Violation("eligibility.maxMonthsOutOfSchool", "must be greater than or equal to minMonthsOutOfSchool", "RANGE"));
        }
        if (in.placesAvailable() != null && in.capacityPerCohort() != null && in.placesAvailable() > in.capacityPerCohort()) {
            violations.add(new Violation("placesAvailable", "must not exceed capacityPerCohort", "RANGE"));
        }
        if (in.closedOn() != null && in.status() != RecordStatus.CLOSED) {
            violations.add(new Violation("closedOn", "only a CLOSED programme has a closing date", "INCONSISTENT"));
        }
        violations.addAll(territories.checkArea("serviceArea", area(in)));
        if (!violations.isEmpty()) {
            throw ProblemException.unprocessable(violations);
        }
        return organisation;
    }

    private static ServiceArea area(ProgrammeInput in) {
        return in.serviceArea() == null ? new ServiceArea(null, null, null) : in.serviceArea().toArea();
    }

    private static String name(Enum<?> e) {
        return e == null ? null : e.name();
    }
}
