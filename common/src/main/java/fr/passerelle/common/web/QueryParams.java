package fr.passerelle.common.web;

import fr.passerelle.common.problem.ProblemException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Parses raw query parameters so that a bad value answers 400 with the parameter named
 * (JAX-RS would answer a bare 404 for an unconvertible query parameter).
 */
public final class QueryParams {

    private QueryParams() {
    }

    public static <E extends Enum<E>> E enumValue(String name, String raw, Class<E> type) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, raw.trim());
        } catch (IllegalArgumentException e) {
            String allowed = Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", "));
            throw ProblemException.badParameter(name, "unknown value; expected one of: " + allowed, "UNKNOWN_VALUE");
        }
    }

    public static Integer integer(String name, String raw, int min, int max) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        int value;
        try {
            value = Integer.parseInt(raw.trim());
        } catch (NumberFormatException e) {
            throw ProblemException.badParameter(name, "must be a whole number", "WRONG_TYPE");
        }
        if (value < min || value > max) {
            throw ProblemException.badParameter(name, "must be between " + min + " and " + max, "RANGE");
        }
        return value;
    }

    public static UUID uuid(String name, String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            return UUID.fromString(raw.trim());
        } catch (IllegalArgumentException e) {
            throw ProblemException.badParameter(name, "must be a UUID", "WRONG_TYPE");
        }
    }

    public static LocalDate date(String name, String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(raw.trim());
        } catch (DateTimeParseException e) {
            throw ProblemException.badParameter(name, "must be an ISO-8601 date (YYYY-MM-DD)", "WRONG_TYPE");
        }
    }

    public static boolean bool(String name, String raw, boolean fallback) {
        if (raw == null || raw.isBlank()) {
            return fallback;
        }
        return switch (raw.trim()) {
            case "true" -> true;
            case "false" -> false;
            default -> throw ProblemException.badParameter(name, "must be true or false", "WRONG_TYPE");
        };
    }

    public static String text(String name, String raw, int maxLength) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        if (raw.length() > maxLength) {
            throw ProblemException.badParameter(name, "must be at most " + maxLength + " characters", "SIZE");
        }
        return raw.trim();
    }
}
