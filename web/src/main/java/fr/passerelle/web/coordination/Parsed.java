package fr.passerelle.web.coordination;

import fr.passerelle.web.client.ApiProblem;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A request built from a form, with what could not even be read (a number that is not one): those errors are shown
 * next to their field exactly as the API's own, and the API is not called.
 */
public final class Parsed<T> {

    private final T value;
    private final Map<String, String> errors;

    Parsed(T value, Map<String, String> errors) {
        this.value = value;
        this.errors = new LinkedHashMap<>(errors);
    }

    public T value() {
        return value;
    }

    public Map<String, String> errors() {
        return errors;
    }

    public boolean ok() {
        return errors.isEmpty();
    }

    /** The errors in the shape of an API refusal (422), so the form shows them the same way. */
    public ApiProblem problem() {
        return new ApiProblem(422, null, null, null, Map.copyOf(errors), List.of(), null, List.of(), null);
    }
}
