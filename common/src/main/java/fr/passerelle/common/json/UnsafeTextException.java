package fr.passerelle.common.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

/** A JSON string that breaks a {@link TextRules} rule; Jackson adds the field's path as it unwinds. */
public class UnsafeTextException extends MismatchedInputException {

    private final String code;

    public UnsafeTextException(JsonParser parser, String code) {
        // The message never quotes the value: it may be personal data.
        super(parser, "Text " + TextRules.message(code), String.class);
        this.code = code;
    }

    public String code() {
        return code;
    }
}
