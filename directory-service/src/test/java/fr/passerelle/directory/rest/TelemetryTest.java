package fr.passerelle.directory.rest;

import static fr.passerelle.directory.Api.referent;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.passerelle.testing.CapturedLogs;
import fr.passerelle.testing.ExportedSpans;
import fr.passerelle.testing.ExportedSpans.Span;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import java.net.URL;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;

/** Traces and metrics as an operator reads them: the caller's trace continued down to the SQL, p99-ready timers. */
@QuarkusTest
class TelemetryTest {

    static final Path SPANS = Path.of("target/spans.jsonl");

    @TestHTTPResource(value = "/", management = true)
    URL managementRoot;

    private String metrics() {
        return RestAssured.given().baseUri("http://" + managementRoot.getHost() + ":" + managementRoot.getPort())
                .get("/q/metrics").then().statusCode(200).extract().asString();
    }

    static String randomHex(int bytes) {
        byte[] b = new byte[bytes];
        ThreadLocalRandom.current().nextBytes(b);
        return HexFormat.of().formatHex(b);
    }

    @Test
    void aCallersTraceContinuesIntoTheServiceAndItsSql() {
        String traceId = randomHex(16);
        String callerSpan = randomHex(8);
        try (CapturedLogs logs = CapturedLogs.start()) {
            referent().header("traceparent", "00-" + traceId + "-" + callerSpan + "-01")
                    .get("/api/v1/platforms").then().statusCode(200);
            logs.awaitAccessLogLines(1);
            // The access log line names the trace, and times the request (not "- ms").
            assertTrue(logs.accessLog().contains("trace=" + traceId), logs.accessLog());
            assertFalse(logs.accessLog().contains(" - ms"), logs.accessLog());
        }
        List<Span> trace = ExportedSpans.awaitTrace(traceId, Duration.ofSeconds(15),
                t -> t.stream().anyMatch(Span::isServer) && t.stream().anyMatch(s -> s.attribute("db.system") != null), SPANS);
        Span server = trace.stream().filter(Span::isServer).findFirst().orElseThrow(() -> new AssertionError(trace));
        assertEquals(callerSpan, server.parentSpanId(), "the server span is the caller's span's child");
        assertEquals("directory-service", server.service());
        assertEquals("/api/v1/platforms", server.attribute("http.route"));
        assertTrue(trace.stream().anyMatch(s -> s.isClient() && "postgresql".equals(s.attribute("db.system"))),
                "a JDBC span in the request's trace: " + trace);
    }

    @Test
    void aMalformedTraceparentStartsAFreshTrace() {
        String bogus = "zz" + randomHex(15);
        try (CapturedLogs logs = CapturedLogs.start()) {
            referent().header("traceparent", "00-" + bogus + "-" + randomHex(8) + "-01")
                    .get("/api/v1/platforms").then().statusCode(200);
            logs.awaitAccessLogLines(1);
            String line = logs.accessLog();
            assertFalse(line.contains(bogus), line);
            String traceId = line.replaceAll("(?s).*trace=([0-9a-f]{32}).*", "$1");
            assertTrue(traceId.matches("[0-9a-f]{32}"), line);
            assertNotEquals("00000000000000000000000000000000", traceId);
        }
    }

    @Test
    void exportedSpansCarryNoQueryString() {
        String traceId = randomHex(16);
        referent().header("traceparent", "00-" + traceId + "-" + randomHex(8) + "-01")
                .queryParam("q", "Durandalpha").get("/api/v1/programmes").then().statusCode(200);
        List<Span> trace = ExportedSpans.awaitTrace(traceId, Duration.ofSeconds(15), t -> t.stream().anyMatch(Span::isServer), SPANS);
        assertFalse(trace.isEmpty(), "the request's spans were exported");
        for (Span span : trace) {
            assertFalse(span.json().toString().contains("Durandalpha"), span.json().toString());
        }
    }

    @Test
    void requestLatencyIsAHistogramAndThePoolIsMeasured() {
        referent().get("/api/v1/platforms").then().statusCode(200);
        String metrics = metrics();
        // Buckets per route, so that histogram_quantile gives p95/p99.
        List<String> buckets = metrics.lines().filter(l -> l.startsWith("http_server_requests_seconds_bucket{"))
                .filter(l -> l.contains("uri=\"/api/v1/platforms\"")).filter(l -> l.contains("status=\"200\"")).toList();
        assertTrue(buckets.size() > 10, "fine-grained buckets: " + buckets);
        assertTrue(buckets.stream().anyMatch(l -> l.contains("le=\"+Inf\"")), buckets.toString());
        assertTrue(buckets.stream().anyMatch(l -> l.contains("le=\"0.001\"")), "from 1 ms: " + buckets);
        // The connection pool: in use, waiting, and the most ever used.
        for (String gauge : List.of("agroal_active_count", "agroal_awaiting_count", "agroal_max_used_count")) {
            assertTrue(metrics.contains(gauge + "{"), gauge + " missing");
        }
    }
}
