package fr.passerelle.web.view;

import fr.passerelle.web.client.ApiProblem;
import jakarta.ws.rs.core.MultivaluedMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What the user typed in a form and what the API said about it. Field names are the API's request member paths
 * ({@code pupil.birthDate}, {@code reason}…), so a violation lands next to the field it concerns and, when the
 * API refuses, the page is shown again with every value as typed: nothing is lost.
 */
public final class Form {

    private final Map<String, List<String>> values;
    private ApiProblem problem;

    private Form(Map<String, List<String>> values) {
        this.values = values;
    }

    public static Form empty() {
        return new Form(new HashMap<>());
    }

    public static Form of(MultivaluedMap<String, String> posted) {
        Map<String, List<String>> copy = new HashMap<>();
        if (posted != null) {
            posted.forEach((k, v) -> copy.put(k, List.copyOf(v)));
        }
        return new Form(copy);
    }

    /** A default value (used when the form is first shown). */
    public Form with(String name, Object value) {
        if (value != null) {
            values.put(name, List.of(value.toString()));
        }
        return this;
    }

    public Form refusedBecause(ApiProblem problem) {
        this.problem = problem;
        return this;
    }

    /** The value typed, trimmed; "" when absent. */
    public String value(String name) {
        List<String> v = values.get(name);
        return v == null || v.isEmpty() || v.get(0) == null ? "" : v.get(0).trim();
    }

    /** The value typed, or null when empty: what the API should receive for a blank optional field. */
    public String optional(String name) {
        String v = value(name);
        return v.isEmpty() ? null : v;
    }

    public List<String> values(String name) {
        return values.getOrDefault(name, List.of());
    }

    public boolean checked(String name, String option) {
        return values(name).contains(option);
    }

    public boolean selected(String name, Object option) {
        return option != null && value(name).equals(option.toString());
    }

    public String error(String name) {
        return problem == null ? null : problem.field(name);
    }

    public ApiProblem getProblem() {
        return problem;
    }

    public boolean hasErrors() {
        return problem != null;
    }
}
