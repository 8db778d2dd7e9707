package fr.passerelle.referral.rest;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.notFound;
import static com.github.tomakehurst.wiremock.client.WireMock.notMatching;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static fr.passerelle.referral.support.Api.as;
import static fr.passerelle.referral.support.Api.createCase;
import static fr.passerelle.referral.support.Api.pupil;
import static fr.passerelle.referral.support.Api.referent;
import static fr.passerelle.referral.support.Api.referral;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.client.WireMock;
import fr.passerelle.referral.domain.ReferralStatus;
import fr.passerelle.referral.service.BacklogGauges;
import fr.passerelle.referral.support.Api;
import fr.passerelle.referral.support.DirectoryStub;
import fr.passerelle.referral.support.ReferralDatabase;
import fr.passerelle.referral.support.World;
import fr.passerelle.testing.CapturedLogs;
import fr.passerelle.testing.ExportedSpans;
import fr.passerelle.testing.ExportedSpans.Span;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import java.net.URL;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Traces and metrics as an operator reads them: a referral's creation followed from the caller's trace into the SQL
 * and the call to directory-service; p99-ready timers; the business gauges, with counts and no personal data.
 */
@QuarkusTest
@QuarkusTestResource(ReferralDatabase.class)
@QuarkusTestResource(DirectoryStub.class)
class TelemetryTest {

    static final Path SPANS = Path.of("target/spans.jsonl");

    @TestHTTPResource(value = "/", management = true)
    URL managementRoot;
    @Inject
    BacklogGauges gauges;

    private final String uai = Api.freshUai();
    private final String referent = referent(uai);
    private final WireMock directory = World.wireMock();

    private String metrics() {
        return RestAssured.given().baseUri("http://" + managementRoot.getHost() + ":" + managementRoot.getPort())
                .get("/q/metrics").then().statusCode(200).extract().asString();
    }

    private static String randomHex(int bytes) {
        byte[] b = new byte[bytes];
        ThreadLocalRandom.current().nextBytes(b);
        return HexFormat.of().formatHex(b);
    }

    private static double gauge(String metrics, String series) {
        Matcher m = Pattern.compile("(?m)^" + Pattern.quote(series) + " ([0-9.eE+-]+)$").matcher(metrics);
        assertTrue(m.find(), series + " missing from /q/metrics");
        return Double.parseDouble(m.group(1));
    }

    @Test
    void aReferralsCreationIsOneTraceFromTheCallerThroughTheSqlToTheDirectory() {
        String caseId = createCase(referent, pupil(uai)).id();
        UUID programme = UUID.randomUUID();
        new World.Programme(programme, World.ORG_RELAIS, "Dispositif tracé", List.of(World.P_LYON)).register(directory);
        String traceId = randomHex(16);
        String callerSpan = randomHex(8);
        // The directory answers only a call that carries the caller's trace (a traceparent of referral-service's
        // client span in that trace); without it, or with another trace, the programme "does not exist" (422).
        String path = "/api/v1/programmes/" + programme;
        directory.register(get(urlPathEqualTo(path)).atPriority(1).withHeader("traceparent", absent()).willReturn(notFound()));
        directory.register(get(urlPathEqualTo(path)).atPriority(1)
                .withHeader("traceparent", notMatching("00-" + traceId + "-[0-9a-f]{16}-01")).willReturn(notFound()));

        try (CapturedLogs logs = CapturedLogs.start()) {
            as(referent).header("traceparent", "00-" + traceId + "-" + callerSpan + "-01")
                    .body(referral(caseId, "PROGRAMME", programme, true)).post("/api/v1/referrals").then().statusCode(201);
            logs.awaitAccessLogLines(1);
            assertTrue(logs.accessLog().contains("trace=" + traceId), logs.accessLog());
            assertFalse(logs.accessLog().contains(" - ms"), "the request is timed: " + logs.accessLog());
        }

        List<Span> trace = ExportedSpans.awaitTrace(traceId, Duration.ofSeconds(15),
                t -> t.stream().anyMatch(Span::isServer) && t.stream().anyMatch(s -> isCallFor(s, programme)), SPANS);
        Span server = trace.stream().filter(Span::isServer).findFirst().orElseThrow(() -> new AssertionError(trace));
        assertEquals("referral-service", server.service());
        assertEquals(callerSpan, server.parentSpanId(), "the server span continues the caller's");
        assertEquals("/api/v1/referrals", server.attribute("http.route"));
        Span call = trace.stream().filter(s -> isCallFor(s, programme)).findFirst()
                .orElseThrow(() -> new AssertionError("no call to the directory in " + trace));
        assertEquals("referral-service", call.service());
        assertTrue(trace.stream().anyMatch(s -> s.isClient() && "postgresql".equals(s.attribute("db.system"))
                        && String.valueOf(s.attribute("db.statement")).toLowerCase().startsWith("insert")),
                "the referral's INSERT is in the trace: " + trace);
        // What the spans hold: statements with their values as '?', no pupil data.
        trace.forEach(s -> assertFalse(s.json().toString().contains("Absences répétées"), s.json().toString()));
    }

    private static boolean isCallFor(Span span, UUID programme) {
        return span.isClient() && String.valueOf(span.attribute("url.full")).endsWith("/api/v1/programmes/" + programme);
    }

    @Test
    void requestAndDirectoryCallLatenciesAreHistograms() {
        String caseId = createCase(referent, pupil(uai)).id();
        as(referent).get("/api/v1/cases/" + caseId).then().statusCode(200);
        String metrics = metrics();
        List<String> served = metrics.lines().filter(l -> l.startsWith("http_server_requests_seconds_bucket{"))
                .filter(l -> l.contains("uri=\"/api/v1/cases/{id}\"")).toList();
        assertTrue(served.size() > 10, "fine-grained buckets: " + served);
        assertTrue(served.stream().anyMatch(l -> l.contains("le=\"+Inf\"")), served.toString());
        // Creating the case looked its commune up in the directory: the calls out have buckets too.
        assertTrue(metrics.lines().anyMatch(l -> l.startsWith("http_client_requests_seconds_bucket{")), "client buckets");
        for (String gauge : List.of("agroal_active_count", "agroal_awaiting_count", "agroal_max_used_count")) {
            assertTrue(metrics.contains(gauge + "{"), gauge + " missing");
        }
    }

    @Test
    void businessGaugesCountReferralsByStatusAndTheQueues() {
        gauges.refresh();
        String before = metrics();
        for (ReferralStatus status : ReferralStatus.values()) {
            gauge(before, "referrals{status=\"" + status.name() + "\"}");
        }
        String caseId = createCase(referent, pupil(uai)).id();
        UUID programme = UUID.randomUUID();
        new World.Programme(programme, World.ORG_RELAIS, "Dispositif compté", List.of(World.P_LYON)).register(directory);
        as(referent).body(referral(caseId, "PROGRAMME", programme, true)).post("/api/v1/referrals").then().statusCode(201);
        as(referent).body(referral(caseId, "PLATFORM", World.P_LYON, false)).post("/api/v1/referrals").then().statusCode(201);

        // Figures change when counted again, not at scrape time.
        assertEquals(before.lines().filter(l -> l.startsWith("referrals{")).toList(),
                metrics().lines().filter(l -> l.startsWith("referrals{")).toList());
        gauges.refresh();
        String after = metrics();
        assertEquals(1.0, gauge(after, "referrals{status=\"SUBMITTED\"}") - gauge(before, "referrals{status=\"SUBMITTED\"}"));
        assertEquals(1.0, gauge(after, "referrals{status=\"DRAFT\"}") - gauge(before, "referrals{status=\"DRAFT\"}"));
        assertEquals(0.0, gauge(after, "referrals{status=\"ACCEPTED\"}") - gauge(before, "referrals{status=\"ACCEPTED\"}"));
        assertTrue(gauge(after, "outbox_pending_events") >= 0);
        assertTrue(gauge(after, "outbox_oldest_pending_age_seconds") >= 0);
        assertTrue(gauge(after, "webhook_deliveries_pending") >= 0);
        assertTrue(gauge(after, "mail_messages_pending") >= 0);
        // Counts only: no identifier of a case, a referral or a programme is a label.
        assertFalse(after.contains(caseId) || after.contains(programme.toString()), "no ids in metrics");
    }
}
