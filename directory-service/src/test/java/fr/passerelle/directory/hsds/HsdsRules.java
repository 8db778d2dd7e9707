package fr.passerelle.directory.hsds;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The rules of the Open Referral HSDS 3.0 schemas (schema/*.json of openreferral/specification, branch 3.0), written
 * out by hand for the objects the directory exports: each object's fields with their type, format and enumeration,
 * and which fields are required; the API reference's Page header. A field not listed for its object is reported too:
 * a misspelt or camelCase field is not HSDS. Objects the directory never exports (program, funding, language,
 * metadata, …) have no rules here, so exporting one fails until its rules are written.
 * <p>
 * {@link #check} collects every violation with its JSON path, so one run shows them all.
 */
public final class HsdsRules {

    enum Kind { STRING, NUMBER, BOOLEAN, OBJECT, ARRAY }

    enum Format { NONE, UUID, DATE, DATE_TIME, URI, EMAIL }

    record Field(String name, Kind kind, Format format, Set<String> enumeration, String objectType) {
    }

    record ObjectRule(Set<String> required, Map<String, Field> fields) {
    }

    private static final Pattern UUID_PATTERN = Pattern.compile("^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$");
    private static final Pattern EMAIL_PATTERN = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");
    private static final Set<String> PLACE_TYPES = Set.of("physical", "postal", "virtual");

    private static final Map<String, ObjectRule> RULES = new LinkedHashMap<>();

    static {
        rule("service", Set.of("id", "name", "status"),
                uuid("id"), uuid("organization_id"), uuid("program_id"), text("name"), text("alternate_name"),
                text("description"), f("url", Kind.STRING, Format.URI), f("email", Kind.STRING, Format.EMAIL),
                oneOf("status", "active", "inactive", "defunct", "temporarily closed"), text("interpretation_services"),
                text("application_process"), text("fees_description"), text("wait_time"), text("fees"),
                text("accreditations"), text("eligibility_description"), number("minimum_age"), number("maximum_age"),
                f("assured_date", Kind.STRING, Format.DATE), f("assurer_email", Kind.STRING, Format.EMAIL),
                text("licenses"), text("alert"), f("last_modified", Kind.STRING, Format.DATE_TIME),
                list("phones", "phone"), list("schedules", "schedule"), list("service_areas", "service_area"),
                list("service_at_locations", "service_at_location"), list("languages", "language"),
                object("organization", "organization"), list("funding", "funding"), list("cost_options", "cost_option"),
                object("program", "program"), list("required_documents", "required_document"),
                list("contacts", "contact"), list("attributes", "attribute"), list("metadata", "metadata"));
        rule("organization", Set.of("id", "name", "description"),
                uuid("id"), text("name"), text("alternate_name"), text("description"),
                f("email", Kind.STRING, Format.EMAIL), f("website", Kind.STRING, Format.URI), text("tax_status"),
                text("tax_id"), number("year_incorporated"), text("legal_status"), text("logo"),
                f("uri", Kind.STRING, Format.URI), uuid("parent_organization_id"), list("funding", "funding"),
                list("contacts", "contact"), list("phones", "phone"), list("locations", "location"),
                list("programs", "program"), list("organization_identifiers", "organization_identifier"),
                list("attributes", "attribute"), list("metadata", "metadata"),
                // The compiled organization schema (the /organizations/{id} answer) nests its services.
                list("services", "service"));
        rule("organization_identifier", Set.of("id", "identifier_type", "identifier"),
                uuid("id"), uuid("organization_id"), text("identifier_scheme"), text("identifier_type"),
                text("identifier"), list("attributes", "attribute"), list("metadata", "metadata"));
        rule("location", Set.of("id", "location_type"),
                uuid("id"), oneOf("location_type", PLACE_TYPES), f("url", Kind.STRING, Format.URI), uuid("organization_id"),
                text("name"), text("alternate_name"), text("description"), text("transportation"), number("latitude"),
                number("longitude"), text("external_identifier"), text("external_identifier_type"),
                list("languages", "language"), list("addresses", "address"), list("contacts", "contact"),
                list("accessibility", "accessibility"), list("phones", "phone"), list("schedules", "schedule"),
                list("attributes", "attribute"), list("metadata", "metadata"));
        rule("address", Set.of("id", "address_1", "city", "state_province", "postal_code", "country", "address_type"),
                uuid("id"), uuid("location_id"), text("attention"), text("address_1"), text("address_2"), text("city"),
                text("region"), text("state_province"), text("postal_code"), text("country"),
                oneOf("address_type", PLACE_TYPES), list("attributes", "attribute"), list("metadata", "metadata"));
        rule("service_at_location", Set.of("id"),
                uuid("id"), uuid("service_id"), uuid("location_id"), text("description"), list("contacts", "contact"),
                list("phones", "phone"), list("schedules", "schedule"), object("location", "location"),
                list("attributes", "attribute"), list("metadata", "metadata"),
                // The compiled service_at_location schemas nest the service.
                object("service", "service"));
        rule("phone", Set.of("id", "number"),
                uuid("id"), uuid("location_id"), uuid("service_id"), uuid("organization_id"), uuid("contact_id"),
                uuid("service_at_location_id"), text("number"), number("extension"), text("type"), text("description"),
                list("languages", "language"), list("attributes", "attribute"), list("metadata", "metadata"));
        rule("contact", Set.of("id"),
                uuid("id"), uuid("organization_id"), uuid("service_id"), uuid("service_at_location_id"),
                uuid("location_id"), text("name"), text("title"), text("department"), f("email", Kind.STRING, Format.EMAIL),
                list("phones", "phone"), list("attributes", "attribute"), list("metadata", "metadata"));
        rule("schedule", Set.of("id"),
                uuid("id"), uuid("service_id"), uuid("location_id"), uuid("service_at_location_id"),
                f("valid_from", Kind.STRING, Format.DATE), f("valid_to", Kind.STRING, Format.DATE),
                f("dtstart", Kind.STRING, Format.DATE), number("timezone"), f("until", Kind.STRING, Format.DATE),
                number("count"), oneOf("wkst", "MO", "TU", "WE", "TH", "FR", "SA", "SU"), oneOf("freq", "WEEKLY", "MONTHLY"),
                number("interval"), text("byday"), text("byweekno"), text("bymonthday"), text("byyearday"),
                text("description"), text("opens_at"), text("closes_at"), f("schedule_link", Kind.STRING, Format.URI),
                text("attending_type"), text("notes"), list("attributes", "attribute"), list("metadata", "metadata"));
        rule("service_area", Set.of("id"),
                uuid("id"), uuid("service_id"), text("name"), text("description"), text("extent"), text("extent_type"),
                text("uri"), list("attributes", "attribute"), list("metadata", "metadata"));
        rule("cost_option", Set.of("id"),
                uuid("id"), uuid("service_id"), f("valid_from", Kind.STRING, Format.DATE),
                f("valid_to", Kind.STRING, Format.DATE), text("option"), text("currency"), number("amount"),
                text("amount_description"), list("attributes", "attribute"), list("metadata", "metadata"));
        rule("attribute", Set.of("id"),
                uuid("id"), uuid("link_id"), uuid("taxonomy_term_id"), text("link_type"), text("link_entity"),
                text("value"), object("taxonomy_term", "taxonomy_term"), list("metadata", "metadata"));
        rule("taxonomy_term", Set.of("id", "name", "description"),
                uuid("id"), text("code"), text("name"), text("description"), uuid("parent_id"), text("taxonomy"),
                object("taxonomy_detail", "taxonomy"), text("language"), uuid("taxonomy_id"),
                f("term_uri", Kind.STRING, Format.URI), list("metadata", "metadata"));
        rule("taxonomy", Set.of("id", "name", "description"),
                uuid("id"), text("name"), text("description"), f("uri", Kind.STRING, Format.URI), text("version"),
                list("metadata", "metadata"));
        // The API reference's "/" answer.
        rule("api_root", Set.of("version", "profile", "openapi_url"),
                text("version"), f("profile", Kind.STRING, Format.URI), f("openapi_url", Kind.STRING, Format.URI));
    }

    /** The API reference's Page schema: every list answer carries these, plus contents. */
    public static final Map<String, Kind> PAGE = Map.of("total_items", Kind.NUMBER, "total_pages", Kind.NUMBER,
            "page_number", Kind.NUMBER, "size", Kind.NUMBER, "first_page", Kind.BOOLEAN, "last_page", Kind.BOOLEAN,
            "empty", Kind.BOOLEAN, "contents", Kind.ARRAY);

    private HsdsRules() {
    }

    /** Every violation of {@code type}'s rules in {@code value}, each prefixed with its path. */
    public static List<String> check(String type, Object value, String path) {
        List<String> problems = new ArrayList<>();
        checkObject(type, value, path, problems);
        return problems;
    }

    /** Every violation of the Page rules (header fields, their types, their consistency) and of each item's. */
    public static List<String> checkPage(String itemType, Map<String, Object> page, int perPage, String path) {
        List<String> problems = new ArrayList<>();
        for (String key : page.keySet()) {
            if (!PAGE.containsKey(key)) {
                problems.add(path + "." + key + ": not a field of an HSDS page");
            }
        }
        for (Map.Entry<String, Kind> e : PAGE.entrySet()) {
            Object v = page.get(e.getKey());
            if (v == null) {
                problems.add(path + "." + e.getKey() + ": required by the HSDS Page");
            } else if (!kindOf(e.getValue(), v) || (e.getValue() == Kind.NUMBER && !isWhole(v))) {
                problems.add(path + "." + e.getKey() + ": must be " + (e.getValue() == Kind.NUMBER ? "an integer" : e.getValue()));
            }
        }
        if (!problems.isEmpty()) {
            return problems;
        }
        List<?> contents = (List<?>) page.get("contents");
        long total = ((Number) page.get("total_items")).longValue();
        int pages = ((Number) page.get("total_pages")).intValue();
        int number = ((Number) page.get("page_number")).intValue();
        expect(problems, path + ".size", ((Number) page.get("size")).intValue(), contents.size());
        expect(problems, path + ".total_pages", pages, (int) ((total + perPage - 1) / perPage));
        expect(problems, path + ".first_page", page.get("first_page"), number == 1);
        expect(problems, path + ".last_page", page.get("last_page"), number >= pages);
        expect(problems, path + ".empty", page.get("empty"), contents.isEmpty());
        if (number < pages && contents.size() != perPage) {
            problems.add(path + ".contents: a page before the last must be full (" + contents.size() + " of " + perPage + ")");
        }
        for (int i = 0; i < contents.size(); i++) {
            checkObject(itemType, contents.get(i), path + ".contents[" + i + "]", problems);
        }
        return problems;
    }

    private static void expect(List<String> problems, String path, Object actual, Object expected) {
        if (!expected.equals(actual)) {
            problems.add(path + ": is " + actual + ", should be " + expected);
        }
    }

    private static void checkObject(String type, Object value, String path, List<String> problems) {
        ObjectRule rule = RULES.get(type);
        if (rule == null) {
            problems.add(path + ": no rules written for HSDS object " + type);
            return;
        }
        if (!(value instanceof Map<?, ?> object)) {
            problems.add(path + ": must be an HSDS " + type + " object");
            return;
        }
        for (String required : rule.required()) {
            if (!object.containsKey(required)) {
                problems.add(path + "." + required + ": required in an HSDS " + type);
            }
        }
        for (Map.Entry<?, ?> e : object.entrySet()) {
            String name = String.valueOf(e.getKey());
            Field field = rule.fields().get(name);
            String at = path + "." + name;
            if (field == null) {
                problems.add(at + ": not a field of an HSDS " + type);
            } else {
                checkValue(field, e.getValue(), at, problems);
            }
        }
    }

    private static void checkValue(Field field, Object value, String path, List<String> problems) {
        if (value == null) {
            problems.add(path + ": null (HSDS types allow no null: leave the field out)");
            return;
        }
        if (!kindOf(field.kind(), value)) {
            problems.add(path + ": must be a " + field.kind().name().toLowerCase() + ", is " + value);
            return;
        }
        switch (field.kind()) {
            case OBJECT -> checkObject(field.objectType(), value, path, problems);
            case ARRAY -> {
                List<?> items = (List<?>) value;
                for (int i = 0; i < items.size(); i++) {
                    checkObject(field.objectType(), items.get(i), path + "[" + i + "]", problems);
                }
            }
            case STRING -> {
                String s = (String) value;
                if (!field.enumeration().isEmpty() && !field.enumeration().contains(s)) {
                    problems.add(path + ": '" + s + "' is not one of " + field.enumeration());
                }
                if (!formatHolds(field.format(), s)) {
                    problems.add(path + ": '" + s + "' is not a valid " + field.format().name().toLowerCase().replace('_', '-'));
                }
            }
            default -> {
            }
        }
    }

    private static boolean kindOf(Kind kind, Object value) {
        return switch (kind) {
            case STRING -> value instanceof String;
            case NUMBER -> value instanceof Number;
            case BOOLEAN -> value instanceof Boolean;
            case OBJECT -> value instanceof Map;
            case ARRAY -> value instanceof List;
        };
    }

    private static boolean isWhole(Object v) {
        return v instanceof Integer || v instanceof Long || v instanceof java.math.BigInteger;
    }

    static boolean formatHolds(Format format, String s) {
        try {
            return switch (format) {
                case NONE -> true;
                case UUID -> UUID_PATTERN.matcher(s).matches();
                case DATE -> {
                    LocalDate.parse(s);
                    yield true;
                }
                case DATE_TIME -> {
                    OffsetDateTime.parse(s);
                    yield true;
                }
                case URI -> new URI(s).isAbsolute();
                case EMAIL -> EMAIL_PATTERN.matcher(s).matches();
            };
        } catch (DateTimeParseException | URISyntaxException e) {
            return false;
        }
    }

    private static void rule(String type, Set<String> required, Field... fields) {
        Map<String, Field> byName = new LinkedHashMap<>();
        for (Field field : fields) {
            byName.put(field.name(), field);
        }
        if (!byName.keySet().containsAll(required)) {
            throw new IllegalStateException(type + ": a required field has no rule");
        }
        RULES.put(type, new ObjectRule(required, byName));
    }

    private static Field f(String name, Kind kind, Format format) {
        return new Field(name, kind, format, Set.of(), null);
    }

    private static Field text(String name) {
        return f(name, Kind.STRING, Format.NONE);
    }

    private static Field uuid(String name) {
        return f(name, Kind.STRING, Format.UUID);
    }

    private static Field number(String name) {
        return f(name, Kind.NUMBER, Format.NONE);
    }

    private static Field oneOf(String name, String... values) {
        return oneOf(name, Set.of(values));
    }

    private static Field oneOf(String name, Set<String> values) {
        return new Field(name, Kind.STRING, Format.NONE, values, null);
    }

    private static Field object(String name, String type) {
        return new Field(name, Kind.OBJECT, Format.NONE, Set.of(), type);
    }

    private static Field list(String name, String type) {
        return new Field(name, Kind.ARRAY, Format.NONE, Set.of(), type);
    }
}
