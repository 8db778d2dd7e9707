package fr.passerelle.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.passerelle.e2e.support.Api;
import fr.passerelle.e2e.support.E2e;
import fr.passerelle.e2e.support.Stack;
import fr.passerelle.testing.ExportedSpans;
import fr.passerelle.testing.ExportedSpans.Span;
import io.restassured.response.Response;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * One trace id follows a referral's creation through every part: the caller sends a W3C traceparent to the gateway,
 * and the gateway's, referral-service's and directory-service's spans (the local stack writes them to
 * deploy/local/run/logs/spans-*.jsonl) are all in that trace, each part's span a child of the part before.
 */
@E2e
@Order(5)
class TraceIT {

    private static final Duration EXPORT_WAIT = Duration.ofSeconds(20);

    private static Path spans(String part) {
        return Stack.logsDir().resolve("spans-" + part + ".jsonl");
    }

    private static String randomHex(int bytes) {
        byte[] b = new byte[bytes];
        ThreadLocalRandom.current().nextBytes(b);
        return HexFormat.of().formatHex(b);
    }

    /** Programmes open to the walk-through's pupil, Le Fil d'Ariane last (the other suites use it, so it is likely cached). */
    private static List<String> eligibleProgrammes() {
        Map<String, Object> pupil = Map.of("age", 17, "schoolLevel", "PREMIERE", "schoolingStatus", "AT_RISK",
                "communeCode", Api.VILLEURBANNE, "limit", 100);
        List<String> ids = new ArrayList<>(Api.as("referent1").body(pupil).post("/api/v1/programmes/match").then().statusCode(200)
                .extract().jsonPath().getList("items.programme.id", String.class));
        if (ids.remove(Api.FIL_D_ARIANE)) {
            ids.add(Api.FIL_D_ARIANE);
        }
        return ids;
    }

    @Test
    void aReferralsCreationIsOneTraceFromTheGatewayToTheDirectory() throws IOException {
        assertTrue(Files.isDirectory(Stack.logsDir()), "the stack's logs: " + Stack.logsDir());
        String caseId = Api.newCase("referent1", "trace");
        List<String> programmes = eligibleProgrammes();
        assertFalse(programmes.isEmpty(), "a programme to refer to");

        // referral-service keeps directory answers a minute: a programme another test just read is not asked for
        // again. Refer to the programmes in turn until the directory is asked (the first one, unless cached).
        List<String> tried = new ArrayList<>();
        for (String programme : programmes) {
            String traceId = randomHex(16);
            String callerSpan = randomHex(8);
            Response answer = Api.as("referent1").header("Idempotency-Key", UUID.randomUUID().toString())
                    .header("traceparent", "00-" + traceId + "-" + callerSpan + "-01")
                    .body(Api.referralBody(caseId, programme, false)).post("/api/v1/referrals");
            assertEquals(201, answer.statusCode(), answer.asString());
            tried.add(traceId);

            List<Span> trace = ExportedSpans.awaitTrace(traceId, EXPORT_WAIT,
                    t -> server(t, "gateway").isPresent() && server(t, "referral-service").isPresent(),
                    spans("gateway"), spans("referral-service"), spans("directory-service"));
            // The directory's spans may come a moment after referral-service's: wait for them only if it was asked.
            if (trace.stream().anyMatch(s -> "referral-service".equals(s.service()) && s.isClient()
                    && String.valueOf(s.attribute("url.full")).contains("/api/v1/programmes/"))) {
                trace = ExportedSpans.awaitTrace(traceId, EXPORT_WAIT, t -> server(t, "directory-service").isPresent(),
                        spans("gateway"), spans("referral-service"), spans("directory-service"));
            }
            Span gateway = server(trace, "gateway").orElseThrow(() -> new AssertionError("no gateway span in trace " + traceId));
            assertEquals(callerSpan, gateway.parentSpanId(), "the gateway continues the caller's trace");
            Span referral = server(trace, "referral-service")
                    .orElseThrow(() -> new AssertionError("no referral-service span in trace " + traceId));
            assertTrue(ancestors(referral, trace).contains(gateway.spanId()),
                    "referral-service's span is a child of the gateway's, not of the caller's: " + describe(trace));
            Optional<Span> directory = server(trace, "directory-service");
            if (directory.isEmpty()) {
                continue;
            }
            assertTrue(ancestors(directory.get(), trace).contains(referral.spanId()),
                    "directory-service's span is a child of referral-service's: " + describe(trace));
            assertTrue(trace.stream().anyMatch(s -> "referral-service".equals(s.service()) && "postgresql".equals(s.attribute("db.system"))),
                    "referral-service's SQL is in the trace: " + describe(trace));
            // The log lines name the trace too: directory-service's access log line for the call.
            String directoryLog = Files.readString(Stack.logsDir().resolve("directory-service.log"), StandardCharsets.UTF_8);
            assertTrue(directoryLog.contains(traceId), "directory-service's log lines carry the trace id");
            System.out.printf("[e2e] trace %s: %d spans across %s%n", traceId, trace.size(),
                    trace.stream().map(Span::service).collect(Collectors.toCollection(java.util.TreeSet::new)));
            return;
        }
        throw new AssertionError("directory-service was asked in none of the traces " + tried
                + " (every programme answered from referral-service's cache?)");
    }

    private static Optional<Span> server(List<Span> trace, String service) {
        return trace.stream().filter(s -> service.equals(s.service()) && s.isServer()).findFirst();
    }

    /** The span ids above this span in the trace, nearest first. */
    private static Set<String> ancestors(Span span, List<Span> trace) {
        Set<String> above = new java.util.LinkedHashSet<>();
        String parent = span.parentSpanId();
        while (!parent.isEmpty() && above.add(parent)) {
            String current = parent;
            parent = trace.stream().filter(s -> s.spanId().equals(current)).map(Span::parentSpanId).findFirst().orElse("");
        }
        return above;
    }

    private static String describe(List<Span> trace) {
        return trace.stream().map(s -> s.service() + ":" + s.name() + "(" + s.spanId() + "<-" + s.parentSpanId() + ")")
                .collect(Collectors.joining(", "));
    }
}
