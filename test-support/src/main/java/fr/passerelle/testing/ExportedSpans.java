package fr.passerelle.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * The spans a service wrote as OTLP-JSON lines (passerelle.telemetry.span-export=log): tests read back what the
 * exporter wrote, as a developer would with deploy/local/trace.
 */
public final class ExportedSpans {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** One span: its service (resource service.name), ids, name, kind (OTLP number: 2 server, 3 client) and raw JSON. */
    public record Span(String service, String traceId, String spanId, String parentSpanId, String name, int kind, JsonNode json) {

        public String attribute(String key) {
            for (JsonNode a : json.path("attributes")) {
                if (key.equals(a.path("key").asText())) {
                    JsonNode value = a.path("value");
                    return value.has("stringValue") ? value.get("stringValue").asText()
                            : value.has("intValue") ? value.get("intValue").asText() : value.toString();
                }
            }
            return null;
        }

        public boolean isServer() {
            return kind == 2;
        }

        public boolean isClient() {
            return kind == 3;
        }
    }

    private ExportedSpans() {
    }

    /** Every span in these files (missing files are skipped; a line cut by a concurrent write is skipped). */
    public static List<Span> read(Path... files) {
        List<Span> spans = new ArrayList<>();
        for (Path file : files) {
            if (!Files.exists(file)) {
                continue;
            }
            List<String> lines;
            try {
                lines = Files.readAllLines(file);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            for (String line : lines) {
                if (line.isBlank()) {
                    continue;
                }
                JsonNode root;
                try {
                    root = JSON.readTree(line);
                } catch (IOException e) {
                    continue;
                }
                // A line is an export request ({"resourceSpans": [...]}) or one resourceSpans object.
                for (JsonNode resourceSpans : root.has("resourceSpans") ? root.get("resourceSpans") : List.of(root)) {
                    String service = serviceName(resourceSpans.path("resource"));
                    for (JsonNode scope : resourceSpans.path("scopeSpans")) {
                        for (JsonNode s : scope.path("spans")) {
                            spans.add(new Span(service, s.path("traceId").asText(), s.path("spanId").asText(),
                                    s.path("parentSpanId").asText(""), s.path("name").asText(), s.path("kind").asInt(), s));
                        }
                    }
                }
            }
        }
        return spans;
    }

    /** The spans of one trace, waiting (the exporter writes in batches) until {@code complete} holds or the time is up. */
    public static List<Span> awaitTrace(String traceId, Duration timeout, Predicate<List<Span>> complete, Path... files) {
        Instant deadline = Instant.now().plus(timeout);
        List<Span> trace;
        while (true) {
            trace = read(files).stream().filter(s -> traceId.equals(s.traceId())).toList();
            if (complete.test(trace) || Instant.now().isAfter(deadline)) {
                return trace;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return trace;
            }
        }
    }

    private static String serviceName(JsonNode resource) {
        for (JsonNode a : resource.path("attributes")) {
            if ("service.name".equals(a.path("key").asText())) {
                return a.path("value").path("stringValue").asText();
            }
        }
        return "";
    }
}
