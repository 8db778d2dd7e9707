package fr.passerelle.common.web;

import fr.passerelle.common.problem.ProblemException;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.ext.ParamConverter;
import jakarta.ws.rs.ext.ParamConverterProvider;
import jakarta.ws.rs.ext.Provider;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Converts typed query parameters (whole numbers, booleans, dates, instants, UUIDs, enums) so that a value of the
 * wrong type answers 400 naming the parameter: JAX-RS alone answers a bare 404 for an unconvertible query parameter.
 * Resources declare typed parameters with Bean Validation bounds ({@code @QueryParam("size") @Min(1) @Max(100)
 * Integer size}); the OpenAPI document then shows the type and the bounds. Path parameters are left alone: a path
 * that names nothing is a 404.
 */
@Provider
public class TypedQueryParams implements ParamConverterProvider {

    @Override
    @SuppressWarnings("unchecked")
    public <T> ParamConverter<T> getConverter(Class<T> rawType, Type genericType, Annotation[] annotations) {
        String name = queryName(annotations);
        if (name == null) {
            return null;
        }
        if (rawType == Integer.class || rawType == int.class) {
            return (ParamConverter<T>) converter(name, Integer::valueOf, NumberFormatException.class, "must be a whole number");
        }
        if (rawType == Long.class || rawType == long.class) {
            return (ParamConverter<T>) converter(name, Long::valueOf, NumberFormatException.class, "must be a whole number");
        }
        if (rawType == Boolean.class || rawType == boolean.class) {
            return (ParamConverter<T>) converter(name, TypedQueryParams::strictBoolean, IllegalArgumentException.class,
                    "must be true or false");
        }
        if (rawType == LocalDate.class) {
            return (ParamConverter<T>) converter(name, LocalDate::parse, DateTimeParseException.class,
                    "must be an ISO-8601 date (YYYY-MM-DD)");
        }
        if (rawType == Instant.class) {
            return (ParamConverter<T>) converter(name, v -> OffsetDateTime.parse(v).toInstant(), DateTimeParseException.class,
                    "must be an RFC 3339 date-time with an offset (2026-11-20T09:00:00Z)");
        }
        if (rawType == OffsetDateTime.class) {
            return (ParamConverter<T>) converter(name, OffsetDateTime::parse, DateTimeParseException.class,
                    "must be an RFC 3339 date-time with an offset (2026-11-20T09:00:00Z)");
        }
        if (rawType == UUID.class) {
            return (ParamConverter<T>) converter(name, UUID::fromString, IllegalArgumentException.class, "must be a UUID");
        }
        if (rawType.isEnum()) {
            return enumConverter(name, rawType);
        }
        return null;
    }

    private static String queryName(Annotation[] annotations) {
        if (annotations == null) {
            return null;
        }
        for (Annotation a : annotations) {
            if (a instanceof QueryParam q) {
                return q.value();
            }
        }
        return null;
    }

    private static Boolean strictBoolean(String raw) {
        return switch (raw) {
            case "true" -> Boolean.TRUE;
            case "false" -> Boolean.FALSE;
            default -> throw new IllegalArgumentException(raw);
        };
    }

    private static <V> ParamConverter<V> converter(String name, Function<String, V> parse,
            Class<? extends RuntimeException> failure, String message) {
        return new ParamConverter<>() {
            @Override
            public V fromString(String raw) {
                if (raw == null || raw.isBlank()) {
                    return null;
                }
                try {
                    return parse.apply(raw.trim());
                } catch (RuntimeException e) {
                    if (failure.isInstance(e)) {
                        throw ProblemException.badParameter(name, message, "WRONG_TYPE");
                    }
                    throw e;
                }
            }

            @Override
            public String toString(V value) {
                return value == null ? null : value.toString();
            }
        };
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static <T> ParamConverter<T> enumConverter(String name, Class<T> type) {
        String allowed = Arrays.stream(type.getEnumConstants()).map(c -> ((Enum<?>) c).name()).collect(Collectors.joining(", "));
        return new ParamConverter<>() {
            @Override
            public T fromString(String raw) {
                if (raw == null || raw.isBlank()) {
                    return null;
                }
                try {
                    return (T) Enum.valueOf((Class) type, raw.trim());
                } catch (IllegalArgumentException e) {
                    throw ProblemException.badParameter(name, "unknown value; expected one of: " + allowed, "UNKNOWN_VALUE");
                }
            }

            @Override
            public String toString(T value) {
                return value == null ? null : ((Enum<?>) value).name();
            }
        };
    }
}
