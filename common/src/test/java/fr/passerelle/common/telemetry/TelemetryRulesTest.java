package fr.passerelle.common.telemetry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What leaves a service in its spans, and which spans start a trace. */
class TelemetryRulesTest {

    private final List<SpanData> written = new CopyOnWriteArrayList<>();
    private SdkTracerProvider provider;
    private Tracer tracer;

    @BeforeEach
    void tracer() {
        SpanExporter capture = capturing();
        provider = SdkTracerProvider.builder().setSampler(TraceSampler.sampler(TelemetryConfig.SpanExport.LOG))
                .addSpanProcessor(SimpleSpanProcessor.create(new RedactedSpans(capture))).build();
        tracer = provider.get("test");
    }

    /** An exporter that keeps what it is given in {@code written}. */
    private SpanExporter capturing() {
        return new SpanExporter() {
            @Override
            public CompletableResultCode export(Collection<SpanData> spans) {
                written.addAll(spans);
                return CompletableResultCode.ofSuccess();
            }

            @Override
            public CompletableResultCode flush() {
                return CompletableResultCode.ofSuccess();
            }

            @Override
            public CompletableResultCode shutdown() {
                return CompletableResultCode.ofSuccess();
            }
        };
    }

    @AfterEach
    void close() {
        provider.close();
    }

    @Test
    void queryStringsExceptionMessagesAndStatusTextsAreNotWritten() {
        Span server = tracer.spanBuilder("GET /api/v1/cases").setSpanKind(SpanKind.SERVER)
                .setAttribute("url.path", "/api/v1/cases").setAttribute("url.query", "name=Dupont").startSpan();
        try (Scope ignored = server.makeCurrent()) {
            Span sql = tracer.spanBuilder("INSERT pupil_case").setSpanKind(SpanKind.CLIENT)
                    .setAttribute("url.full", "http://directory/api/v1/communes?postalCode=69001").startSpan();
            sql.recordException(new IllegalStateException("Key (ine)=(123456789AB) already exists"));
            sql.setStatus(StatusCode.ERROR, "Key (ine)=(123456789AB) already exists");
            sql.end();
        }
        server.end();

        assertEquals(2, written.size());
        String everything = written.toString();
        assertFalse(everything.contains("Dupont"), everything);
        assertFalse(everything.contains("123456789AB"), everything);
        assertFalse(everything.contains("69001"), everything);
        SpanData sql = written.get(0);
        assertEquals("http://directory/api/v1/communes", sql.getAttributes().get(AttributeKey.stringKey("url.full")));
        assertEquals(StatusCode.ERROR, sql.getStatus().getStatusCode());
        assertEquals("java.lang.IllegalStateException",
                sql.getEvents().get(0).getAttributes().get(AttributeKey.stringKey("exception.type")));
        SpanData request = written.get(1);
        assertNull(request.getAttributes().get(AttributeKey.stringKey("url.query")));
        assertEquals("/api/v1/cases", request.getAttributes().get(AttributeKey.stringKey("url.path")));
    }

    @Test
    void onlyServedRequestsStartATrace() {
        Span pollerSql = tracer.spanBuilder("SELECT outbox_event").setSpanKind(SpanKind.CLIENT).startSpan();
        Span pollerConnection = tracer.spanBuilder("DataSource.getConnection").startSpan();
        assertFalse(pollerSql.getSpanContext().isSampled());
        assertFalse(pollerConnection.getSpanContext().isSampled());
        pollerSql.end();
        pollerConnection.end();

        Span request = tracer.spanBuilder("POST /api/v1/referrals").setSpanKind(SpanKind.SERVER).startSpan();
        try (Scope ignored = request.makeCurrent()) {
            Span call = tracer.spanBuilder("GET").setSpanKind(SpanKind.CLIENT).startSpan();
            assertTrue(call.getSpanContext().isSampled(), "a call made while serving a request is in its trace");
            call.end();
        }
        request.end();
        assertEquals(List.of("GET", "POST /api/v1/referrals"), written.stream().map(SpanData::getName).toList());
    }

    @Test
    void nothingIsRecordedWhenSpansGoNowhereButTheTraceIdStillTravels() {
        try (SdkTracerProvider silent = SdkTracerProvider.builder().setSampler(TraceSampler.sampler(TelemetryConfig.SpanExport.NONE))
                .addSpanProcessor(SimpleSpanProcessor.create(new RedactedSpans(capturing()))).build()) {
            Tracer quiet = silent.get("test");
            Span request = quiet.spanBuilder("POST /api/v1/referrals").setSpanKind(SpanKind.SERVER).startSpan();
            assertFalse(request.isRecording(), "a span nobody exports is not recorded");
            assertTrue(request.getSpanContext().isValid(), "its ids still go into log lines and traceparent");
            try (Scope ignored = request.makeCurrent()) {
                Span call = quiet.spanBuilder("GET").setSpanKind(SpanKind.CLIENT).startSpan();
                assertEquals(request.getSpanContext().getTraceId(), call.getSpanContext().getTraceId());
                call.end();
            }
            request.end();
        }
        assertTrue(written.isEmpty());
    }
}
