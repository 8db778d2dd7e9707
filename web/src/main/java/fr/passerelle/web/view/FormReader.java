package fr.passerelle.web.view;

import fr.passerelle.web.client.ApiProblem;
import fr.passerelle.web.client.FrenchMessages;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

/**
 * Reads typed values out of a {@link Form} for an API request. Only what cannot travel in the request at all (a date
 * that is not a date, a number that is not a number, a code that is not in the list) is refused here, in French,
 * next to its field; every other rule (required, ranges, consent…) is left to the API, which states it once for
 * every client.
 */
public final class FormReader {

    static final String NOT_A_DATE = "Saisissez une date au format jj/mm/aaaa.";
    static final String NOT_A_NUMBER = "Saisissez un nombre entier.";
    static final String NOT_IN_LIST = "Choisissez une valeur de la liste.";

    private final Form form;
    private final Map<String, String> errors = new LinkedHashMap<>();

    public FormReader(Form form) {
        this.form = form;
    }

    public String text(String name) {
        return form.optional(name);
    }

    public LocalDate date(String name) {
        String v = form.optional(name);
        if (v == null) {
            return null;
        }
        try {
            return LocalDate.parse(v);
        } catch (DateTimeParseException e) {
            refuse(name, NOT_A_DATE);
            return null;
        }
    }

    /** A whole number; spaces typed as thousands separators are allowed (« 1 200 »). */
    public Integer integer(String name) {
        String v = form.optional(name);
        if (v == null) {
            return null;
        }
        try {
            return Integer.valueOf(v.replace(" ", "").replace("\u00a0", "").replace("\u202f", ""));
        } catch (NumberFormatException e) {
            refuse(name, NOT_A_NUMBER);
            return null;
        }
    }

    public UUID uuid(String name) {
        return uuid(name, FrenchMessages.violation("UUID", ""));
    }

    public UUID uuid(String name, String message) {
        String v = form.optional(name);
        if (v == null) {
            return null;
        }
        try {
            return UUID.fromString(v);
        } catch (IllegalArgumentException e) {
            refuse(name, message);
            return null;
        }
    }

    /** "true" / "false" from a yes-no-unknown select; anything else is unknown. */
    public Boolean bool(String name) {
        String v = form.optional(name);
        return "true".equals(v) ? Boolean.TRUE : "false".equals(v) ? Boolean.FALSE : null;
    }

    /** « oui » / « non » / empty (unknown). */
    public Boolean yesNo(String name) {
        return switch (form.value(name)) {
            case "oui" -> Boolean.TRUE;
            case "non" -> Boolean.FALSE;
            default -> null;
        };
    }

    /** A code of a generated enum; one the list does not have is refused here. */
    public <E extends Enum<E>> E code(String name, Function<String, E> fromValue) {
        String v = form.optional(name);
        if (v == null) {
            return null;
        }
        E e = known(v, fromValue);
        if (e == null) {
            refuse(name, NOT_IN_LIST);
        }
        return e;
    }

    /** Checked boxes of one name, as codes. */
    public <E extends Enum<E>> Set<E> codes(String name, Function<String, E> fromValue) {
        Set<E> set = new LinkedHashSet<>();
        for (String v : values(name)) {
            E e = known(v, fromValue);
            if (e == null) {
                refuse(name, NOT_IN_LIST);
            } else {
                set.add(e);
            }
        }
        return set;
    }

    /** The non-blank values of one name, trimmed. */
    public List<String> values(String name) {
        return form.values(name).stream().filter(s -> s != null).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    /** A list typed in one field, separated by commas, semicolons, spaces or line breaks: « 69, 01 ». */
    public List<String> list(String name) {
        List<String> items = new ArrayList<>();
        for (String part : form.value(name).split("[,;\\s]+")) {
            if (!part.isBlank()) {
                items.add(part.trim().toUpperCase(Locale.ROOT));
            }
        }
        return items;
    }

    /** Notes a field that cannot be read (the first reason stays). */
    public void refuse(String name, String message) {
        errors.putIfAbsent(name, message);
    }

    public Map<String, String> errors() {
        return errors;
    }

    /** The refusal to show like the API's own (422, errors next to the fields), or null when everything could be read. */
    public ApiProblem problem() {
        return errors.isEmpty() ? null
                : new ApiProblem(422, null, null, null, Map.copyOf(errors), List.of(), null, List.of(), null);
    }

    private static <E extends Enum<E>> E known(String value, Function<String, E> fromValue) {
        E e;
        try {
            e = fromValue.apply(value);
        } catch (IllegalArgumentException unknown) {
            return null;
        }
        return e == null || e.name().startsWith("UNKNOWN_DEFAULT") ? null : e;
    }
}
