package fr.passerelle.web.coordination;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/**
 * Reading the query parameters of the list pages: a value the API would refuse (a malformed date or id, a code
 * that does not exist) is caught here, so the page can say which filter is wrong instead of failing as a whole.
 */
public final class Queries {

    private Queries() {
    }

    public static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    /** Empty when absent; null when present but not a date (yyyy-MM-dd, the value of a date input). */
    public static Optional<LocalDate> date(String value) {
        String v = blankToNull(value);
        if (v == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDate.parse(v));
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    public static Optional<UUID> uuid(String value) {
        String v = blankToNull(value);
        if (v == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(UUID.fromString(v));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /**
     * A generated enum from its code: the generated fromValue answers an "unknown" constant for a code it does not
     * know, which the API would refuse; that case is null here.
     */
    public static <E extends Enum<E>> E code(String value, Function<String, E> fromValue) {
        String v = blankToNull(value);
        if (v == null) {
            return null;
        }
        E e = fromValue.apply(v);
        return e == null || e.name().startsWith("UNKNOWN_DEFAULT") ? null : e;
    }

    public static int page(String value) {
        try {
            int p = Integer.parseInt(value == null ? "" : value.trim());
            return Math.max(0, Math.min(p, 100_000));
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
