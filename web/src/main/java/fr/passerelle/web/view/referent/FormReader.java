package fr.passerelle.web.view.referent;

import fr.passerelle.web.client.ApiProblem;
import fr.passerelle.web.client.FrenchMessages;
import fr.passerelle.web.view.Form;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

/**
 * Reads typed values out of a {@link Form} for an API request. Only what cannot travel in the request at all (a date
 * that is not a date, a number that is not a number) is refused here, with the API's own rule codes; every other
 * rule (required, ranges, consent) is left to the API, which states it once for every client.
 */
final class FormReader {

    private final Form form;
    private final Map<String, String> errors = new LinkedHashMap<>();

    FormReader(Form form) {
        this.form = form;
    }

    String text(String name) {
        return form.optional(name);
    }

    LocalDate date(String name) {
        String v = form.optional(name);
        if (v == null) {
            return null;
        }
        try {
            return LocalDate.parse(v);
        } catch (DateTimeParseException e) {
            refuse(name, "WRONG_TYPE");
            return null;
        }
    }

    Integer integer(String name) {
        String v = form.optional(name);
        if (v == null) {
            return null;
        }
        try {
            return Integer.valueOf(v);
        } catch (NumberFormatException e) {
            refuse(name, "WRONG_TYPE");
            return null;
        }
    }

    /** "true" / "false" from a yes-no-unknown select; anything else is unknown. */
    Boolean bool(String name) {
        String v = form.optional(name);
        return "true".equals(v) ? Boolean.TRUE : "false".equals(v) ? Boolean.FALSE : null;
    }

    UUID uuid(String name) {
        String v = form.optional(name);
        if (v == null) {
            return null;
        }
        try {
            return UUID.fromString(v);
        } catch (IllegalArgumentException e) {
            refuse(name, "UUID");
            return null;
        }
    }

    /** A code of a generated enum; an unknown code travels as the client's "unknown" value and the API refuses it. */
    <E> E code(String name, Function<String, E> fromValue) {
        String v = form.optional(name);
        return v == null ? null : fromValue.apply(v);
    }

    List<String> values(String name) {
        return form.values(name).stream().map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    void refuse(String name, String code) {
        errors.putIfAbsent(name, FrenchMessages.violation(code, ""));
    }

    /** The refusal to show like the API's own (422, errors next to the fields), or null when everything could be read. */
    ApiProblem problem() {
        return errors.isEmpty() ? null
                : new ApiProblem(422, null, null, null, Map.copyOf(errors), List.of(), null, List.of(), null);
    }
}
