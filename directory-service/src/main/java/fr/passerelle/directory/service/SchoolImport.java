package fr.passerelle.directory.service;

import fr.passerelle.common.json.TextRules;
import fr.passerelle.common.problem.ProblemException;
import fr.passerelle.common.problem.Violation;
import fr.passerelle.directory.api.AddressInput;
import fr.passerelle.directory.api.ContactInput;
import fr.passerelle.directory.api.OrganisationInput;
import fr.passerelle.directory.api.OrganisationView;
import fr.passerelle.directory.api.SchoolImportReport;
import fr.passerelle.directory.domain.ContactKind;
import fr.passerelle.directory.domain.DirectoryChange.Channel;
import fr.passerelle.directory.domain.DirectoryChange.Operation;
import fr.passerelle.directory.domain.DirectoryChange.RecordType;
import fr.passerelle.directory.domain.Organisation;
import fr.passerelle.directory.domain.OrganisationKind;
import fr.passerelle.directory.domain.RecordStatus;
import fr.passerelle.directory.domain.Source;
import fr.passerelle.directory.domain.Uai;
import fr.passerelle.directory.mapping.DirectoryMapper;
import fr.passerelle.directory.repository.OrganisationRepository;
import fr.passerelle.directory.repository.ProgrammeRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.SystemException;
import jakarta.transaction.TransactionManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Imports schools from the national "annuaire de l'éducation" CSV (data.education.gouv.fr, dataset
 * fr-en-annuaire-education: ';'-separated UTF-8, one school per line). Upsert by UAI into organisations of kind
 * SCHOOL. The file's header must name the columns below (others are ignored) or nothing is read (400); a bad line
 * is reported with its number and reason and does not stop the good ones. The annuaire owns a school's name and
 * address: an existing school gets those updated and keeps what editors wrote (description, contacts, website).
 */
@ApplicationScoped
public class SchoolImport {

    static final String UAI = "Identifiant_de_l_etablissement";
    static final String NAME = "Nom_etablissement";
    static final String TYPE = "Type_etablissement";
    static final String SECTOR = "Statut_public_prive";
    static final String STREET = "Adresse_1";
    static final String POSTAL_CODE = "Code_postal";
    static final String COMMUNE = "Code_commune";
    static final String CITY = "Nom_commune";
    /** Columns a file must have, as the annuaire names them. */
    public static final List<String> REQUIRED = List.of(UAI, NAME, TYPE, SECTOR, STREET, POSTAL_CODE, COMMUNE, CITY);
    // Optional columns, used for a new school's contacts.
    static final String PHONE = "Telephone";
    static final String MAIL = "Mail";
    static final String WEB = "Web";
    static final String SOURCE_DOCUMENT = "Annuaire de l'éducation (data.education.gouv.fr), import du ";
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    @Inject
    OrganisationRepository organisations;
    @Inject
    ProgrammeRepository programmes;
    @Inject
    TerritoryService territories;
    @Inject
    ChangeLog changeLog;
    @Inject
    TransactionManager transactions;
    @Inject
    Clock clock;

    /** What one valid line says about a school. */
    record School(int line, String uai, String name, String type, String sector, String street, String postalCode,
                  String communeCode, String city, String departement, String academie, String phone, String mail, String web) {
    }

    /** Thrown for a refused line: the reason goes to the report. */
    static final class Refusal extends RuntimeException {
        final String code;

        Refusal(String code, String reason) {
            super(reason, null, false, false);
            this.code = code;
        }
    }

    @Transactional
    public SchoolImportReport run(String csv, boolean dryRun) {
        List<SemicolonCsv.Row> rows;
        try {
            rows = csv == null ? List.of() : SemicolonCsv.parse(csv);
        } catch (SemicolonCsv.MalformedCsvException e) {
            throw ProblemException.badRequest("The file is not CSV: " + e.getMessage() + ".",
                    List.of(new Violation("body", e.getMessage(), "MALFORMED_CSV")));
        }
        if (rows.isEmpty()) {
            throw ProblemException.badRequest("The file is empty: it needs the annuaire's header and one school per line.",
                    List.of(new Violation("header", "missing", "MISSING_HEADER")));
        }
        Map<String, Integer> columns = header(rows.get(0));
        int width = rows.get(0).fields().size();
        List<SchoolImportReport.Line> lines = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        int created = 0;
        int updated = 0;
        int unchanged = 0;
        int rejected = 0;
        for (SemicolonCsv.Row row : rows.subList(1, rows.size())) {
            if (row.blank()) {
                continue;
            }
            String uai = cell(row, columns, UAI);
            String name = cell(row, columns, NAME);
            try {
                if (row.fields().size() != width) {
                    throw new Refusal("FIELD_COUNT", "the line has " + row.fields().size() + " fields, the header " + width
                            + " (a ';' inside a value must be quoted)");
                }
                School school = read(row, columns);
                Integer first = seen.putIfAbsent(school.uai(), row.line());
                if (first != null) {
                    throw new Refusal("DUPLICATE_UAI", "the UAI " + school.uai() + " is already on line " + first);
                }
                SchoolImportReport.Line outcome = upsert(school);
                switch (outcome.outcome()) {
                    case "CREATED" -> created++;
                    case "UPDATED" -> updated++;
                    default -> unchanged++;
                }
                // A dry run's new schools get no id: nothing was written.
                lines.add(dryRun && outcome.outcome().equals("CREATED") ? new SchoolImportReport.Line(outcome.line(), outcome.uai(),
                        outcome.outcome(), null, outcome.name(), List.of(), null, null) : outcome);
            } catch (Refusal r) {
                rejected++;
                lines.add(new SchoolImportReport.Line(row.line(), uai, "REJECTED", null, name, List.of(), r.getMessage(), r.code));
            }
        }
        if (dryRun) {
            try {
                transactions.setRollbackOnly();
            } catch (SystemException e) {
                throw new IllegalStateException("cannot roll the dry run back", e);
            }
        }
        return new SchoolImportReport(dryRun, created, updated, unchanged, rejected, lines);
    }

    /** Column positions by name; the annuaire's names, matched without regard to case or surrounding spaces. */
    private static Map<String, Integer> header(SemicolonCsv.Row row) {
        Map<String, Integer> byName = new LinkedHashMap<>();
        List<Violation> violations = new ArrayList<>();
        for (int i = 0; i < row.fields().size(); i++) {
            String name = row.fields().get(i).trim().toLowerCase(Locale.ROOT);
            if (!name.isEmpty() && byName.putIfAbsent(name, i) != null) {
                violations.add(new Violation("header", "the column " + row.fields().get(i).trim() + " appears twice", "DUPLICATE_COLUMN"));
            }
        }
        for (String required : REQUIRED) {
            if (!byName.containsKey(required.toLowerCase(Locale.ROOT))) {
                violations.add(new Violation("header", "the column " + required + " is missing", "MISSING_COLUMN"));
            }
        }
        if (!violations.isEmpty()) {
            throw ProblemException.badRequest("The first line must be the annuaire de l'éducation's header (';'-separated, with "
                    + String.join(", ", REQUIRED) + "); nothing was imported.", violations);
        }
        return byName;
    }

    private static String cell(SemicolonCsv.Row row, Map<String, Integer> columns, String column) {
        Integer i = columns.get(column.toLowerCase(Locale.ROOT));
        if (i == null || i >= row.fields().size()) {
            return null;
        }
        String v = row.fields().get(i).trim();
        return v.isEmpty() ? null : v;
    }

    School read(SemicolonCsv.Row row, Map<String, Integer> columns) {
        for (String f : row.fields()) {
            if (TextRules.violation(f, false) != null) {
                throw new Refusal("INVALID_TEXT", "a field holds a line break or control character");
            }
        }
        String uai = required(row, columns, UAI).toUpperCase(Locale.ROOT);
        if (!Uai.wellFormed(uai)) {
            throw new Refusal("UAI_FORMAT", "a UAI is 7 digits and a letter");
        }
        if (!Uai.valid(uai)) {
            throw new Refusal("UAI_CHECK_LETTER", "the check letter of " + uai.substring(0, 7) + " is "
                    + Uai.checkLetter(uai.substring(0, 7)) + ", not " + uai.charAt(7));
        }
        String name = max(required(row, columns, NAME), 200, NAME);
        String communeCode = required(row, columns, COMMUNE);
        TerritoryService.Place place = territories.place(communeCode)
                .orElseThrow(() -> new Refusal("UNKNOWN_COMMUNE", "the commune code " + communeCode + " is not an INSEE commune we know"));
        String postalCode = cell(row, columns, POSTAL_CODE);
        if (postalCode != null && !postalCode.matches("^[0-9]{5}$")) {
            throw new Refusal("POSTAL_CODE", "a postal code is 5 digits");
        }
        String city = cell(row, columns, CITY);
        return new School(row.line(), uai, name, cell(row, columns, TYPE), cell(row, columns, SECTOR),
                max(cell(row, columns, STREET), 300, STREET), postalCode, communeCode,
                max(city == null ? place.commune().name : city, 120, CITY), place.departementCode(), place.academieCode(),
                cell(row, columns, PHONE), cell(row, columns, MAIL), cell(row, columns, WEB));
    }

    private static String required(SemicolonCsv.Row row, Map<String, Integer> columns, String column) {
        String v = cell(row, columns, column);
        if (v == null) {
            throw new Refusal("MISSING_VALUE", column + " is empty");
        }
        return v;
    }

    private static String max(String v, int max, String column) {
        if (v != null && v.length() > max) {
            throw new Refusal("TOO_LONG", column + " is longer than " + max + " characters");
        }
        return v;
    }

    private SchoolImportReport.Line upsert(School s) {
        AddressInput address = new AddressInput(s.street(), s.postalCode(), s.communeCode(), s.city());
        Optional<Organisation> existing = organisations.find("uai", s.uai()).firstResultOptional();
        if (existing.isEmpty()) {
            OrganisationInput in = new OrganisationInput(s.name(), OrganisationKind.SCHOOL, RecordStatus.ACTIVE, null, s.uai(),
                    description(s), website(s.web()), address, s.departement(), s.academie(), contacts(s), null);
            Organisation o = new Organisation();
            o.id = UUID.randomUUID();
            DirectoryMapper.apply(in, o);
            o.source = Source.DOCUMENT;
            o.sourceDocument = SOURCE_DOCUMENT + LocalDate.now(clock.withZone(PARIS));
            o.createdAt = o.updatedAt = Instant.now(clock);
            organisations.persist(o);
            OrganisationView view = DirectoryMapper.view(o, List.of());
            changeLog.record(RecordType.ORGANISATION, o.id, Operation.CREATE, Channel.SCHOOL_IMPORT, null, view);
            return new SchoolImportReport.Line(s.line(), s.uai(), "CREATED", o.id, s.name(), List.of(), null, null);
        }
        Organisation o = existing.get();
        if (o.archived()) {
            throw new Refusal("ARCHIVED", "the school " + s.uai() + " is archived in the directory; a directory editor decides");
        }
        OrganisationView before = DirectoryMapper.view(o, programmes.ofOrganisation(o.id));
        OrganisationInput in = new OrganisationInput(s.name(), o.kind, o.status, o.closedOn, o.uai, o.description, o.website,
                address, s.departement(), s.academie(), before.contacts(), o.lastVerified);
        DirectoryMapper.apply(in, o);
        OrganisationView after = DirectoryMapper.view(o, programmes.ofOrganisation(o.id));
        List<String> changed = changeLog.diff(before, after).stream().map(c -> c.field()).toList();
        if (changed.isEmpty()) {
            return new SchoolImportReport.Line(s.line(), s.uai(), "UNCHANGED", o.id, s.name(), List.of(), null, null);
        }
        o.updatedAt = Instant.now(clock);
        organisations.flush();
        changeLog.record(RecordType.ORGANISATION, o.id, Operation.UPDATE, Channel.SCHOOL_IMPORT, before,
                DirectoryMapper.view(o, programmes.ofOrganisation(o.id)));
        return new SchoolImportReport.Line(s.line(), s.uai(), "UPDATED", o.id, s.name(), changed, null, null);
    }

    private static String description(School s) {
        if (s.type() == null && s.sector() == null) {
            return null;
        }
        if (s.type() == null || s.sector() == null) {
            return s.type() == null ? s.sector() : s.type();
        }
        return s.type() + " (" + s.sector().toLowerCase(Locale.FRENCH) + ")";
    }

    private static String website(String web) {
        return web != null && web.length() <= 500 && web.matches("^https?://\\S+$") ? web : null;
    }

    /** A new school's functional contacts, when the file gives them (the annuaire's are switchboards and ce.UAI mailboxes). */
    private static List<ContactInput> contacts(School s) {
        List<ContactInput> out = new ArrayList<>();
        if (s.phone() != null && s.phone().length() <= 200) {
            out.add(new ContactInput(ContactKind.PHONE, s.phone(), null));
        }
        if (s.mail() != null && s.mail().length() <= 200 && s.mail().contains("@")) {
            out.add(new ContactInput(ContactKind.EMAIL, s.mail(), null));
        }
        return out;
    }
}
