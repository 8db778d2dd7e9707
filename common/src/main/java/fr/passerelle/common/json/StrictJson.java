package fr.passerelle.common.json;

import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.module.SimpleModule;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;

/**
 * JSON is parsed strictly (DESIGN: "The API as a contract"): data after the value ({@code {} garbage},
 * {@code {}{}}), a key given twice, and text or enum codes with control characters or lone surrogates are refused with 400,
 * instead of being cut, overwritten, or failing in the database. Applies to the Quarkus ObjectMapper, so to
 * request bodies and to the REST clients' answers alike. Invalid UTF-8 is refused before Jackson reads a byte
 * ({@link fr.passerelle.common.web.Utf8Body}).
 */
@Singleton
public class StrictJson implements ObjectMapperCustomizer {

    @Override
    public void customize(ObjectMapper mapper) {
        apply(mapper);
    }

    public static ObjectMapper apply(ObjectMapper mapper) {
        mapper.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        mapper.enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION.mappedFeature());
        SimpleModule strictText = new SimpleModule("passerelle-strict-text");
        strictText.addDeserializer(String.class, TextDeserializer.singleLine());
        strictText.setDeserializerModifier(new BeanDeserializerModifier() {
            @Override
            public JsonDeserializer<?> modifyEnumDeserializer(DeserializationConfig config, JavaType type,
                                                              BeanDescription beanDesc, JsonDeserializer<?> deserializer) {
                return new CheckedCodeDeserializer(deserializer);
            }
        });
        mapper.registerModule(strictText);
        return mapper;
    }
}
