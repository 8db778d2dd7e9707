package fr.passerelle.common.telemetry;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.common.AttributesBuilder;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.data.DelegatingSpanData;
import io.opentelemetry.sdk.trace.data.EventData;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.data.StatusData;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import java.util.Collection;
import java.util.List;

/**
 * Spans as they may be written where people read them: no query string (search terms, a misplaced token), no
 * exception message or stack trace (a SQL error quotes key values), no status description. What is left: routes,
 * paths of ids, SQL with its parameters as {@code ?}, status codes, timings and exception types.
 */
public final class RedactedSpans implements SpanExporter {

    static final AttributeKey<String> URL_QUERY = AttributeKey.stringKey("url.query");
    static final AttributeKey<String> URL_FULL = AttributeKey.stringKey("url.full");
    static final AttributeKey<String> EXCEPTION_TYPE = AttributeKey.stringKey("exception.type");

    private final SpanExporter delegate;

    public RedactedSpans(SpanExporter delegate) {
        this.delegate = delegate;
    }

    @Override
    public CompletableResultCode export(Collection<SpanData> spans) {
        return delegate.export(spans.stream().map(RedactedSpans::redact).toList());
    }

    @Override
    public CompletableResultCode flush() {
        return delegate.flush();
    }

    @Override
    public CompletableResultCode shutdown() {
        return delegate.shutdown();
    }

    static SpanData redact(SpanData span) {
        Attributes attributes = attributes(span.getAttributes());
        List<EventData> events = span.getEvents().stream().map(RedactedSpans::event).toList();
        StatusData status = span.getStatus().getStatusCode() == StatusCode.UNSET
                ? span.getStatus() : StatusData.create(span.getStatus().getStatusCode(), "");
        return new DelegatingSpanData(span) {
            @Override
            public Attributes getAttributes() {
                return attributes;
            }

            @Override
            public List<EventData> getEvents() {
                return events;
            }

            @Override
            public StatusData getStatus() {
                return status;
            }
        };
    }

    private static Attributes attributes(Attributes original) {
        AttributesBuilder kept = original.toBuilder().remove(URL_QUERY);
        String full = original.get(URL_FULL);
        if (full != null && full.indexOf('?') >= 0) {
            kept.put(URL_FULL, full.substring(0, full.indexOf('?')));
        }
        return kept.build();
    }

    private static EventData event(EventData event) {
        if (!"exception".equals(event.getName())) {
            return event;
        }
        String type = event.getAttributes().get(EXCEPTION_TYPE);
        Attributes kept = type == null ? Attributes.empty() : Attributes.of(EXCEPTION_TYPE, type);
        return EventData.create(event.getEpochNanos(), event.getName(), kept, kept.size());
    }
}
