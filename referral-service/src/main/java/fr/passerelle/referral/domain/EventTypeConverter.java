package fr.passerelle.referral.domain;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/** Stores an {@link EventType} by its wire name ({@code referral.submitted}), as subscribers see it. */
@Converter
public class EventTypeConverter implements AttributeConverter<EventType, String> {

    @Override
    public String convertToDatabaseColumn(EventType type) {
        return type == null ? null : type.wire();
    }

    @Override
    public EventType convertToEntityAttribute(String wire) {
        return wire == null ? null : EventType.fromWire(wire)
                .orElseThrow(() -> new IllegalStateException("unknown event type in the outbox: " + wire));
    }
}
