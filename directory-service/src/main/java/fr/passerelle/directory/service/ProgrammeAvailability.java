package fr.passerelle.directory.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.passerelle.common.problem.ProblemException;
import fr.passerelle.common.problem.Violation;
import fr.passerelle.directory.api.ContactInput;
import fr.passerelle.directory.domain.Contact;
import fr.passerelle.directory.domain.RecordStatus;
import fr.passerelle.directory.mapping.DirectoryMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads an availability merge patch: the one place that says which fields a partner may change and what values
 * they take. An absent member leaves the field as it is; null means unknown (places) or none (contacts).
 */
@ApplicationScoped
public class ProgrammeAvailability {

    /** The fields a partner may change, in the order a problem names them. */
    public static final List<String> FIELDS = List.of("placesAvailable", "contacts", "status");
    static final int MAX_CONTACTS = 20;
    private static final Set<RecordStatus> STATUSES = Set.of(RecordStatus.ACTIVE, RecordStatus.SUSPENDED);

    @Inject
    ObjectMapper json;
    @Inject
    Validator validator;

    /** What the patch changes; placesGiven tells an absent placesAvailable from null, contacts null = unchanged. */
    public record Change(boolean placesGiven, Integer places, List<Contact> contacts, RecordStatus status) {
    }

    public Change read(String body, boolean editor) {
        JsonNode patch;
        try {
            patch = body == null || body.isBlank() ? null : json.readTree(body);
        } catch (JsonProcessingException e) {
            throw ProblemException.badRequest("The body is not valid JSON.",
                    List.of(new Violation("body", "is not valid JSON", "MALFORMED_JSON")));
        }
        if (patch == null || !patch.isObject()) {
            throw ProblemException.badRequest("The body must be a JSON object (a merge patch).", List.of());
        }
        List<String> others = new ArrayList<>();
        for (Iterator<String> names = patch.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!FIELDS.contains(name)) {
                others.add(name);
            }
        }
        if (!others.isEmpty()) {
            List<Violation> refused = others.stream()
                    .map(f -> new Violation(f, "may not be changed here; the fields are " + String.join(", ", FIELDS), "NOT_CHANGEABLE"))
                    .toList();
            if (editor) {
                throw ProblemException.badRequest("Only placesAvailable, contacts and status are changed here; "
                        + "replace the programme with PUT to change other fields.", refused);
            }
            throw new ProblemException(403, "forbidden", "Forbidden",
                    "Partner staff may change only placesAvailable, contacts and status of their programmes.", refused);
        }
        List<Violation> violations = new ArrayList<>();
        boolean placesGiven = patch.has("placesAvailable");
        Integer places = null;
        if (placesGiven && !patch.get("placesAvailable").isNull()) {
            JsonNode n = patch.get("placesAvailable");
            if (!n.isIntegralNumber() || !n.canConvertToInt()) {
                violations.add(new Violation("placesAvailable", "must be a whole number or null", "TYPE"));
            } else if (n.intValue() < 0) {
                violations.add(new Violation("placesAvailable", "must be greater than or equal to 0", "MIN"));
            } else {
                places = n.intValue();
            }
        }
        List<Contact> contacts = null;
        if (patch.has("contacts")) {
            contacts = contacts(patch.get("contacts"), violations);
        }
        RecordStatus status = null;
        if (patch.has("status")) {
            JsonNode n = patch.get("status");
            status = n.isTextual() ? Map.of("ACTIVE", RecordStatus.ACTIVE, "SUSPENDED", RecordStatus.SUSPENDED,
                    "CLOSED", RecordStatus.CLOSED).get(n.textValue()) : null;
            if (status == null || !STATUSES.contains(status)) {
                violations.add(new Violation("status", "must be ACTIVE or SUSPENDED (closing is a directory editor's decision)",
                        status == null ? "INVALID" : "NOT_ALLOWED"));
                status = null;
            }
        }
        if (!violations.isEmpty()) {
            throw ProblemException.unprocessable(violations);
        }
        return new Change(placesGiven, places, contacts, status);
    }

    private List<Contact> contacts(JsonNode n, List<Violation> violations) {
        if (n.isNull()) {
            return new ArrayList<>();
        }
        if (!n.isArray()) {
            violations.add(new Violation("contacts", "must be a list of contacts or null", "TYPE"));
            return null;
        }
        if (n.size() > MAX_CONTACTS) {
            violations.add(new Violation("contacts", "at most " + MAX_CONTACTS + " contacts", "SIZE"));
            return null;
        }
        List<ContactInput> out = new ArrayList<>();
        for (int i = 0; i < n.size(); i++) {
            String field = "contacts[" + i + "]";
            ContactInput c;
            try {
                c = json.treeToValue(n.get(i), ContactInput.class);
            } catch (JsonProcessingException | IllegalArgumentException e) {
                violations.add(new Violation(field, "must be a contact: kind (EMAIL, PHONE or WEBSITE), value, label", "TYPE"));
                continue;
            }
            if (c == null) {
                violations.add(new Violation(field, "must not be null", "NOT_NULL"));
                continue;
            }
            Set<ConstraintViolation<ContactInput>> invalid = validator.validate(c);
            for (ConstraintViolation<ContactInput> v : invalid) {
                violations.add(new Violation(field + "." + v.getPropertyPath(), v.getMessage(), "INVALID"));
            }
            if (invalid.isEmpty()) {
                out.add(c);
            }
        }
        return DirectoryMapper.contactsIn(out);
    }
}
