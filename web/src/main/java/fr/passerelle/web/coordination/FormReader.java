package fr.passerelle.web.coordination;

import fr.passerelle.web.view.Form;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

/** Reads typed values from a form, noting in French the fields that cannot be read. */
final class FormReader {

    private final Form form;
    private final Map<String, String> errors = new LinkedHashMap<>();

    FormReader(Form form) {
        this.form = form;
    }

    String text(String name) {
        return form.optional(name);
    }

    Integer integer(String name) {
        String v = form.optional(name);
        if (v == null) {
            return null;
        }
        try {
            return Integer.valueOf(v.replace(" ", "").replace("\u00a0", ""));
        } catch (NumberFormatException e) {
            errors.put(name, "Saisissez un nombre entier.");
            return null;
        }
    }

    LocalDate date(String name) {
        String v = form.optional(name);
        if (v == null) {
            return null;
        }
        try {
            return LocalDate.parse(v);
        } catch (DateTimeParseException e) {
            errors.put(name, "Saisissez une date au format jj/mm/aaaa.");
            return null;
        }
    }

    UUID uuid(String name, String message) {
        String v = form.optional(name);
        if (v == null) {
            return null;
        }
        try {
            return UUID.fromString(v);
        } catch (IllegalArgumentException e) {
            errors.put(name, message);
            return null;
        }
    }

    /** oui / non / empty (unknown). */
    Boolean yesNo(String name) {
        String v = form.value(name);
        return switch (v) {
            case "oui" -> Boolean.TRUE;
            case "non" -> Boolean.FALSE;
            default -> null;
        };
    }

    <E extends Enum<E>> E code(String name, Function<String, E> fromValue) {
        String v = form.optional(name);
        if (v == null) {
            return null;
        }
        E e = Queries.code(v, fromValue);
        if (e == null) {
            errors.put(name, "Choisissez une valeur de la liste.");
        }
        return e;
    }

    /** Checked boxes of one name, as codes. */
    <E extends Enum<E>> Set<E> codes(String name, Function<String, E> fromValue) {
        Set<E> set = new LinkedHashSet<>();
        for (String v : form.values(name)) {
            if (v == null || v.isBlank()) continue;
            E e = Queries.code(v, fromValue);
            if (e == null) {
                errors.put(name, "Choisissez des valeurs de la liste.");
            } else {
                set.add(e);
            }
        }
        return set;
    }

    /** A list typed in one field, separated by commas, semicolons, spaces or line breaks: « 69, 01 ». */
    List<String> list(String name) {
        List<String> items = new ArrayList<>();
        for (String part : form.value(name).split("[,;\\s]+")) {
            if (!part.isBlank()) {
                items.add(part.trim().toUpperCase(java.util.Locale.ROOT));
            }
        }
        return items;
    }

    Map<String, String> errors() {
        return errors;
    }
}
