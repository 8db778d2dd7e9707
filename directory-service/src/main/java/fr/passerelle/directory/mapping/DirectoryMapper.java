package fr.passerelle.directory.mapping;

import fr.passerelle.common.codes.Labelled;
import fr.passerelle.directory.api.AddressInput;
import fr.passerelle.directory.api.AcademieView;
import fr.passerelle.directory.api.CommuneView;
import fr.passerelle.directory.api.DepartementView;
import fr.passerelle.directory.api.ContactInput;
import fr.passerelle.directory.api.EligibilityInput;
import fr.passerelle.directory.api.EligibilityView;
import fr.passerelle.directory.api.FreshnessView;
import fr.passerelle.directory.api.OrganisationInput;
import fr.passerelle.directory.api.OrganisationView;
import fr.passerelle.directory.api.PlatformView;
import fr.passerelle.directory.api.ProgrammeInput;
import fr.passerelle.directory.api.ProgrammeSummary;
import fr.passerelle.directory.api.ProgrammeView;
import fr.passerelle.directory.api.ServiceAreaInput;
import fr.passerelle.directory.domain.Commune;
import fr.passerelle.directory.domain.Departement;
import fr.passerelle.directory.domain.Academie;
import fr.passerelle.common.time.ClockProducer;
import fr.passerelle.directory.domain.Contact;
import fr.passerelle.directory.domain.Freshness;
import fr.passerelle.directory.domain.Organisation;
import fr.passerelle.directory.domain.Platform;
import fr.passerelle.directory.domain.PlatformRole;
import fr.passerelle.directory.domain.Programme;
import fr.passerelle.directory.domain.ProgrammeCategory;
import fr.passerelle.directory.domain.RecordStatus;
import fr.passerelle.directory.domain.SearchText;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Stream;

/** Entity ↔ API record conversions. Entities never leave the service layer. */
public final class DirectoryMapper {

    private DirectoryMapper() {
    }

    public static OrganisationView view(Organisation o, List<Programme> programmes) {
        return view(o, programmes, LocalDate.now(ClockProducer.PARIS));
    }

    public static OrganisationView view(Organisation o, List<Programme> programmes, LocalDate today) {
        AddressInput address = Stream.of(o.street, o.postalCode, o.communeCode, o.city).allMatch(Objects::isNull)
                ? null : new AddressInput(o.street, o.postalCode, o.communeCode, o.city);
        return new OrganisationView(o.id, o.name, o.kind.name(), o.kind.label(), o.status.name(), o.closedOn, o.uai,
                o.description, o.website, address, o.departementCode, o.academieCode, contacts(o.contacts),
                o.source.name(), o.sourceDocument, List.copyOf(o.inferredFields), o.sourceDate, o.lastVerified,
                freshness(o.sourceDate, o.lastVerified, today), o.archived(),
                programmes.stream().map(p -> new ProgrammeSummary(p.id, p.name, p.status.name(), p.open())).toList(),
                o.updatedAt);
    }

    public static ProgrammeView view(Programme p, List<UUID> platformIds) {
        return view(p, platformIds, LocalDate.now(ClockProducer.PARIS));
    }

    public static ProgrammeView view(Programme p, List<UUID> platformIds, LocalDate today) {
        EligibilityView eligibility = new EligibilityView(toInt(p.minAge), toInt(p.maxAge), List.copyOf(p.schoolLevels),
                List.copyOf(p.schoolingStatuses), name(p.maxDiplomaLevel), p.qpvResidenceRequired, List.copyOf(p.audiences),
                List.copyOf(p.requirements), toInt(p.maxAgeWithDisability), toInt(p.minMonthsOutOfSchool),
                toInt(p.maxMonthsOutOfSchool));
        return new ProgrammeView(p.id, p.organisation.id, p.organisation.name, p.name, p.description,
                List.copyOf(p.categories), eligibility, name(p.admissionMode), name(p.intake), toInt(p.durationWeeks),
                p.durationText, p.capacityPerCohort, p.placesAvailable, p.free, p.stipend, p.schedule,
                new ServiceAreaInput(List.copyOf(p.serviceCommunes), List.copyOf(p.serviceDepartements),
                        List.copyOf(p.serviceAcademies)),
                contacts(p.contacts), p.status.name(), p.closedOn, p.archived(), p.open(),
                platformIds == null ? List.of() : List.copyOf(platformIds),
                p.source.name(), p.sourceDocument, List.copyOf(p.inferredFields), p.sourceDate, p.lastVerified,
                freshness(p.sourceDate, p.lastVerified, today), p.updatedAt);
    }

    public static PlatformView view(Platform platform, Map<UUID, Organisation> organisations) {
        List<PlatformView.OrganisationRef> coAnimators = new ArrayList<>();
        List<PlatformView.OrganisationRef> members = new ArrayList<>();
        for (Platform.Membership m : platform.memberships) {
            Organisation o = organisations.get(m.organisationId);
            PlatformView.OrganisationRef ref = new PlatformView.OrganisationRef(m.organisationId,
                    o == null ? null : o.name, o == null ? null : o.kind.name());
            (m.role == PlatformRole.CO_ANIMATOR ? coAnimators : members).add(ref);
        }
        return new PlatformView(platform.id, platform.name, platform.description,
                new ServiceAreaInput(List.copyOf(platform.territoryCommunes), List.copyOf(platform.territoryDepartements),
                        List.copyOf(platform.territoryAcademies)),
                coAnimators, members, platform.source.name(), platform.sourceDocument, platform.archived());
    }

    public static CommuneView view(Commune c, String academie) {
        return new CommuneView(c.code, c.name, c.departementCode, academie);
    }

    public static DepartementView view(Departement d) {
        return new DepartementView(d.code, d.name, d.regionCode, d.academieCode);
    }

    public static AcademieView view(Academie a, List<String> departements) {
        return new AcademieView(a.code, a.name, departements);
    }

    /** Copies an editor's input onto an organisation; the service has validated the codes. */
    public static void apply(OrganisationInput in, Organisation o) {
        o.name = in.name().trim();
        o.kind = in.kind();
        o.status = in.status() == null ? RecordStatus.ACTIVE : in.status();
        o.closedOn = in.closedOn();
        o.uai = in.uai();
        o.description = in.description();
        o.website = in.website();
        AddressInput a = in.address();
        o.street = a == null ? null : a.street();
        o.postalCode = a == null ? null : a.postalCode();
        o.communeCode = a == null ? null : a.communeCode();
        o.city = a == null ? null : a.city();
        o.departementCode = in.departement();
        o.academieCode = in.academie();
        o.contacts = contactsIn(in.contacts());
        o.lastVerified = in.lastVerified();
        o.searchText = SearchText.document(o.name, o.description, o.kind.label(), o.city);
    }

    public static void apply(ProgrammeInput in, Programme p, Organisation organisation, List<String> areaDepartements) {
        p.organisation = organisation;
        p.name = in.name().trim();
        p.description = in.description();
        p.categories = in.categories() == null ? new ArrayList<>()
                : in.categories().stream().sorted().map(Enum::name).toList();
        EligibilityInput e = in.eligibility();
        p.minAge = e == null || e.minAge() == null ? null : e.minAge().shortValue();
        p.maxAge = e == null || e.maxAge() == null ? null : e.maxAge().shortValue();
        p.schoolLevels = e == null ? new ArrayList<>() : names(e.schoolLevels());
        p.schoolingStatuses = e == null ? new ArrayList<>() : names(e.schoolingStatuses());
        p.maxDiplomaLevel = e == null ? null : e.maxDiplomaLevel();
        p.qpvResidenceRequired = e != null && Boolean.TRUE.equals(e.qpvResidenceRequired());
        p.audiences = e == null ? new ArrayList<>() : names(e.audience());
        p.requirements = e == null ? new ArrayList<>() : names(e.requirements());
        p.maxAgeWithDisability = e == null || e.maxAgeWithDisability() == null ? null : e.maxAgeWithDisability().shortValue();
        p.minMonthsOutOfSchool = e == null || e.minMonthsOutOfSchool() == null ? null : e.minMonthsOutOfSchool().shortValue();
        p.maxMonthsOutOfSchool = e == null || e.maxMonthsOutOfSchool() == null ? null : e.maxMonthsOutOfSchool().shortValue();
        p.admissionMode = in.admissionMode();
        p.intake = in.intake();
        p.durationWeeks = in.durationWeeks() == null ? null : in.durationWeeks().shortValue();
        p.durationText = in.durationText();
        p.capacityPerCohort = in.capacityPerCohort();
        p.placesAvailable = in.placesAvailable();
        p.free = in.free();
        p.stipend = in.stipend();
        p.schedule = in.schedule();
        ServiceAreaInput area = in.serviceArea();
        p.serviceCommunes = area == null || area.communes() == null ? new ArrayList<>() : List.copyOf(area.communes());
        p.serviceDepartements = area == null || area.departements() == null ? new ArrayList<>() : List.copyOf(area.departements());
        p.serviceAcademies = area == null || area.academies() == null ? new ArrayList<>() : List.copyOf(area.academies());
        p.areaDepartements = new ArrayList<>(areaDepartements);
        p.contacts = contactsIn(in.contacts());
        p.status = in.status() == null ? RecordStatus.ACTIVE : in.status();
        p.closedOn = in.closedOn();
        p.lastVerified = in.lastVerified();
        p.searchText = SearchText.document(p.name, organisation.name, p.description,
                String.join(" ", p.categories.stream().map(c -> ProgrammeCategory.valueOf(c).label()).toList()));
    }

    private static FreshnessView freshness(LocalDate sourceDate, LocalDate lastVerified, LocalDate today) {
        LocalDate basedOn = Freshness.basedOn(sourceDate, lastVerified);
        Freshness f = Freshness.of(basedOn, today);
        return new FreshnessView(f.name(), f.label(), basedOn, Freshness.staleFrom(basedOn));
    }

    private static List<String> names(Collection<? extends Enum<?>> values) {
        return values == null ? new ArrayList<>() : values.stream().map(Enum::name).sorted().toList();
    }

    private static List<ContactInput> contacts(List<Contact> contacts) {
        return contacts == null ? List.of() : contacts.stream().map(c -> new ContactInput(c.kind(), c.value(), c.label())).toList();
    }

    public static List<Contact> contactsIn(List<ContactInput> contacts) {
        return contacts == null ? new ArrayList<>()
                : contacts.stream().map(c -> new Contact(c.kind(), c.value().trim(), c.label())).toList();
    }

    private static Integer toInt(Short s) {
        return s == null ? null : s.intValue();
    }

    private static String name(Labelled l) {
        return l == null ? null : l.name();
    }
}
