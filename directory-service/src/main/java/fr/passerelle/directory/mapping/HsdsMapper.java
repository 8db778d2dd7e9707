package fr.passerelle.directory.mapping;

import fr.passerelle.directory.domain.Audience;
import fr.passerelle.directory.domain.Contact;
import fr.passerelle.directory.domain.ContactKind;
import fr.passerelle.directory.domain.Organisation;
import fr.passerelle.directory.domain.Programme;
import fr.passerelle.directory.domain.ProgrammeCategory;
import fr.passerelle.directory.domain.RecordStatus;
import fr.passerelle.directory.domain.Requirement;
import fr.passerelle.common.codes.SchoolLevel;
import fr.passerelle.common.codes.SchoolingStatus;
import fr.passerelle.directory.hsds.Hsds;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Directory records as HSDS 3.0 objects. Child objects get ids derived from their parent's. */
public final class HsdsMapper {

    public static final UUID TAXONOMY_ID = derived(new UUID(0, 0), "taxonomy:programme-category");
    public static final Hsds.Taxonomy TAXONOMY = new Hsds.Taxonomy(TAXONOMY_ID, "Passerelle – catégories de dispositifs",
            "Ce que fait un dispositif pour un jeune : prévention, remobilisation, qualification, etc.",
            null, "1");
    // Version nibble (bits 12-15 of the high word) and variant bits (top two of the low word) left at zero.
    private static final long SAL_MASK_HIGH = 0x5a1c_0de5_a7e1_0f0fL & ~0xF000L;
    private static final long SAL_MASK_LOW = 0x0c47_10ca_7105_5a1cL & ~(0b11L << 62);
    private static final DateTimeFormatter MILLIS = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private HsdsMapper() {
    }

    public static Hsds.TaxonomyTerm term(ProgrammeCategory category) {
        return new Hsds.TaxonomyTerm(derived(TAXONOMY_ID, category.name()), category.name(), category.label(),
                category.label(), TAXONOMY_ID, "fr", null);
    }

    public static Hsds.Service serviceListItem(Programme p) {
        return service(p, false, Map.of(), Map.of());
    }

    public static Hsds.Service serviceFull(Programme p, Map<String, String> communeNames, Map<String, String> departementNames) {
        return service(p, true, communeNames, departementNames);
    }

    private static Hsds.Service service(Programme p, boolean full, Map<String, String> communeNames,
                                        Map<String, String> departementNames) {
        Organisation o = p.organisation;
        String assured = p.lastVerified == null ? null : p.lastVerified.toString();
        Hsds.Organization org = new Hsds.Organization(o.id, o.name, describe(o), null, null, null, null, null, null);
        List<Hsds.Attribute> attributes = new ArrayList<>();
        List<Hsds.Phone> phones = new ArrayList<>();
        List<Hsds.ServiceArea> areas = new ArrayList<>();
        List<Hsds.Schedule> schedules = new ArrayList<>();
        List<Hsds.CostOption> costs = new ArrayList<>();
        List<Hsds.ServiceAtLocation> atLocations = new ArrayList<>();
        String email = null;
        String url = null;
        if (full) {
            for (String c : p.categories) {
                Hsds.TaxonomyTerm term = term(ProgrammeCategory.valueOf(c));
                attributes.add(new Hsds.Attribute(derived(p.id, "attribute:" + c), p.id, term.id(), "service", "service", c,
                        new Hsds.TaxonomyTerm(term.id(), term.code(), term.name(), term.description(), TAXONOMY_ID, "fr", TAXONOMY)));
            }
            int i = 0;
            for (Contact c : p.contacts) {
                if (c.kind() == ContactKind.PHONE) {
                    phones.add(new Hsds.Phone(derived(p.id, "phone:" + i), c.value(), "voice", c.label()));
                } else if (c.kind() == ContactKind.EMAIL && email == null) {
                    email = c.value();
                } else if (c.kind() == ContactKind.WEBSITE && url == null && isUri(c.value())) {
                    url = c.value();
                }
                i++;
            }
            for (String code : p.serviceCommunes) {
                areas.add(new Hsds.ServiceArea(derived(p.id, "area:commune:" + code), communeNames.getOrDefault(code, code),
                        "Commune (code INSEE " + code + ")", "text", "https://www.insee.fr/fr/metadonnees/geographie/commune/" + code));
            }
            for (String code : p.serviceDepartements) {
                areas.add(new Hsds.ServiceArea(derived(p.id, "area:departement:" + code), "Département " + code,
                        "Département (code INSEE " + code + ")", "text", null));
            }
            for (String code : p.serviceAcademies) {
                areas.add(new Hsds.ServiceArea(derived(p.id, "area:academie:" + code), "Académie " + code,
                        "Académie", "text", null));
            }
            if (p.schedule != null) {
                schedules.add(new Hsds.Schedule(derived(p.id, "schedule"), p.schedule));
            }
            if (Boolean.TRUE.equals(p.free)) {
                costs.add(new Hsds.CostOption(derived(p.id, "cost"), "Gratuit", "EUR", 0.0, "Gratuit pour le jeune"));
            }
            Hsds.Location place = location(o, departementNames, true);
            if (place != null) {
                atLocations.add(new Hsds.ServiceAtLocation(serviceAtLocationId(p), p.id, place.id(), atDescription(p, o),
                        null, place));
            }
        }
        return new Hsds.Service(p.id, p.name, p.description, url, email, status(p),
                p.admissionMode == null ? null : p.admissionMode.label(),
                Boolean.TRUE.equals(p.free) ? "Gratuit" : null,
                eligibility(p), toInt(p.minAge), toInt(p.maxAge), assured, lastModified(p), o.id, org,
                phones, schedules, areas, atLocations, costs, attributes, List.of());
    }

    /**
     * A programme at its organisation's place (programmes have no address of their own). {@code full} adds the
     * location's address; null when the organisation's place is unknown ({@link #location}).
     */
    public static Hsds.ServiceAtLocation serviceAtLocation(Programme p, Map<String, String> departementNames, boolean full) {
        Hsds.Location place = location(p.organisation, departementNames, full);
        if (place == null) {
            return null;
        }
        return new Hsds.ServiceAtLocation(serviceAtLocationId(p), p.id, place.id(), atDescription(p, p.organisation),
                serviceListItem(p), place);
    }

    public static UUID serviceAtLocationId(Programme p) {
        return flip(p.id);
    }

    /** The programme whose service-at-location has this id ({@link #serviceAtLocationId} reversed). */
    public static UUID programmeOfServiceAtLocation(UUID serviceAtLocationId) {
        return flip(serviceAtLocationId);
    }

    /**
     * A programme has at most one service-at-location (at its organisation's place): its id is the programme's with
     * fixed bits flipped, so the by-id lookup needs no table, and the version and variant bits are kept.
     */
    private static UUID flip(UUID id) {
        return new UUID(id.getMostSignificantBits() ^ SAL_MASK_HIGH, id.getLeastSignificantBits() ^ SAL_MASK_LOW);
    }

    /**
     * When an HSDS service last changed: the programme or its organisation, whose name and description it carries.
     * The {@code modified_after} filter compares the same instant (ProgrammeRepository).
     */
    public static Instant lastModifiedInstant(Programme p) {
        Instant own = p.updatedAt;
        Instant org = p.organisation.updatedAt;
        if (own == null) {
            return org;
        }
        return org == null || own.isAfter(org) ? own : org;
    }

    private static String lastModified(Programme p) {
        Instant last = lastModifiedInstant(p);
        return last == null ? null : MILLIS.format(last);
    }

    private static String atDescription(Programme p, Organisation o) {
        return p.name + " – " + o.name;
    }

    /**
     * Where an organisation is: a physical location when its commune is known (city, from the directory's address),
     * null when the directory does not know. The postal address comes with it when asked (service-at-location lists
     * carry one-to-one fields only) and complete: HSDS requires address_1, city, state_province, postal_code and
     * country. Keep in step with ProgrammeRepository's "located" filter (city not null).
     */
    private static Hsds.Location location(Organisation o, Map<String, String> departementNames, boolean withAddress) {
        if (o.city == null) {
            return null;
        }
        List<Hsds.Address> addresses = new ArrayList<>();
        if (withAddress && o.street != null && o.postalCode != null && o.departementCode != null) {
            addresses.add(new Hsds.Address(derived(o.id, "address"), locationId(o), o.street, o.city, null,
                    departementNames.getOrDefault(o.departementCode, o.departementCode), o.postalCode, "FR", "physical"));
        }
        return new Hsds.Location(locationId(o), "physical", o.id, o.name, place(o), addresses);
    }

    private static UUID locationId(Organisation o) {
        return derived(o.id, "location");
    }

    private static String place(Organisation o) {
        return o.communeCode == null ? o.city : o.city + " (code INSEE " + o.communeCode + ")";
    }

    public static Hsds.Organization organization(Organisation o, Map<String, String> departementNames, List<Hsds.Service> services) {
        String email = null;
        String website = o.website;
        List<Hsds.Phone> phones = new ArrayList<>();
        int i = 0;
        for (Contact c : o.contacts) {
            if (c.kind() == ContactKind.PHONE) {
                phones.add(new Hsds.Phone(derived(o.id, "phone:" + i), c.value(), "voice", c.label()));
            } else if (c.kind() == ContactKind.EMAIL && email == null) {
                email = c.value();
            } else if (c.kind() == ContactKind.WEBSITE && website == null && isUri(c.value())) {
                website = c.value();
            }
            i++;
        }
        Hsds.Location place = location(o, departementNames, true);
        List<Hsds.OrganizationIdentifier> identifiers = o.uai == null ? List.of()
                : List.of(new Hsds.OrganizationIdentifier(derived(o.id, "uai"), "FR-UAI", "UAI", o.uai));
        return new Hsds.Organization(o.id, o.name, describe(o), email, website, phones,
                place == null ? List.of() : List.of(place), identifiers, services);
    }

    private static String status(Programme p) {
        if (p.archived()) {
            return "inactive";
        }
        if (p.status == RecordStatus.CLOSED || p.organisation.status == RecordStatus.CLOSED) {
            return "defunct";
        }
        if (p.status == RecordStatus.SUSPENDED) {
            return "temporarily closed";
        }
        return p.placesAvailable != null && p.placesAvailable == 0 ? "temporarily closed" : "active";
    }

    private static String eligibility(Programme p) {
        List<String> parts = new ArrayList<>();
        if (!p.audiences.isEmpty()) {
            parts.add("public : " + String.join(", ", p.audiences.stream().map(a -> Audience.valueOf(a).label().toLowerCase()).toList()));
        }
        if (p.minAge != null && p.maxAge != null) {
            parts.add("De " + p.minAge + " à " + p.maxAge + " ans");
        } else if (p.minAge != null) {
            parts.add("À partir de " + p.minAge + " ans");
        } else if (p.maxAge != null) {
            parts.add("Jusqu'à " + p.maxAge + " ans");
        }
        if (!p.schoolingStatuses.isEmpty()) {
            parts.add(String.join(", ", p.schoolingStatuses.stream().map(s -> SchoolingStatus.valueOf(s).label().toLowerCase()).toList()));
        }
        if (!p.schoolLevels.isEmpty()) {
            parts.add("niveaux : " + String.join(", ", p.schoolLevels.stream().map(s -> SchoolLevel.valueOf(s).label()).toList()));
        }
        if (p.maxDiplomaLevel != null) {
            parts.add("diplôme au plus : " + p.maxDiplomaLevel.label());
        }
        if (p.qpvResidenceRequired) {
            parts.add("résidence en quartier prioritaire");
        }
        if (p.maxAgeWithDisability != null) {
            parts.add("jusqu'à " + p.maxAgeWithDisability + " ans en situation de handicap");
        }
        if (p.maxMonthsOutOfSchool != null) {
            parts.add("sorti de l'école depuis " + (p.minMonthsOutOfSchool == null ? "" : p.minMonthsOutOfSchool + " mois ")
                    + "au plus " + p.maxMonthsOutOfSchool + " mois");
        }
        p.requirements.forEach(r -> parts.add(Requirement.valueOf(r).label().toLowerCase()));
        return parts.isEmpty() ? null : String.join(" ; ", parts);
    }

    /** HSDS wants a URI: a site a document names without its scheme (« coté.formations.fr ») is not one. */
    private static boolean isUri(String value) {
        return value.matches("https?://[\\x21-\\x7e]+");
    }

    private static String describe(Organisation o) {
        return o.description == null || o.description.isBlank() ? o.name : o.description;
    }

    private static Integer toInt(Short s) {
        return s == null ? null : s.intValue();
    }

    /** A stable UUID for a child object, so exports are identical from one day to the next. */
    static UUID derived(UUID parent, String what) {
        return UUID.nameUUIDFromBytes((parent + "/" + what).getBytes(StandardCharsets.UTF_8));
    }
}
