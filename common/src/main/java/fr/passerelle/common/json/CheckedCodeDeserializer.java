package fr.passerelle.common.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.deser.std.DelegatingDeserializer;
import java.io.IOException;

/**
 * Enum codes are read by Jackson after trimming, and trimming strips control characters: {@code "REFERRAL\u0000"}
 * would be read as REFERRAL. The text is checked before Jackson's own deserializer sees it.
 */
class CheckedCodeDeserializer extends DelegatingDeserializer {

    CheckedCodeDeserializer(JsonDeserializer<?> delegate) {
        super(delegate);
    }

    @Override
    protected JsonDeserializer<?> newDelegatingInstance(JsonDeserializer<?> newDelegatee) {
        return new CheckedCodeDeserializer(newDelegatee);
    }

    @Override
    public Object deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
        if (p.hasToken(JsonToken.VALUE_STRING)) {
            String code = TextRules.violation(p.getText(), false);
            if (code != null) {
                throw new UnsafeTextException(p, code);
            }
        }
        return super.deserialize(p, ctxt);
    }
}
