package fr.passerelle.common.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.BeanProperty;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.deser.ContextualDeserializer;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import java.io.IOException;

/** Every JSON string read into a String (fields, list elements) goes through {@link TextRules}. */
public class TextDeserializer extends StdScalarDeserializer<String> implements ContextualDeserializer {

    private static final TextDeserializer SINGLE_LINE = new TextDeserializer(false);
    private static final TextDeserializer MULTILINE = new TextDeserializer(true);

    private final boolean lineBreaksAllowed;

    private TextDeserializer(boolean lineBreaksAllowed) {
        super(String.class);
        this.lineBreaksAllowed = lineBreaksAllowed;
    }

    public static TextDeserializer singleLine() {
        return SINGLE_LINE;
    }

    @Override
    public JsonDeserializer<?> createContextual(DeserializationContext ctxt, BeanProperty property) {
        return property != null && property.getAnnotation(MultilineText.class) != null ? MULTILINE : SINGLE_LINE;
    }

    @Override
    public String deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
        String value = StringDeserializer.instance.deserialize(p, ctxt);
        String code = value == null ? null : TextRules.violation(value, lineBreaksAllowed);
        if (code != null) {
            throw new UnsafeTextException(p, code);
        }
        return value;
    }
}
