import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Prints one trace from the local stack's OTLP-JSON span files as a tree in time order. Run by deploy/local/trace
 * with Jackson on the class path: {@code java -cp 'lib/main/*' Trace.java TRACE_ID|--last FILE...}.
 */
public class Trace {

    private static final ObjectMapper JSON = new ObjectMapper();

    record Span(String service, String traceId, String spanId, String parentId, String name, int kind, long start, long end,
            JsonNode json) {

        String attribute(String key) {
            for (JsonNode a : json.path("attributes")) {
                if (key.equals(a.path("key").asText())) {
                    JsonNode v = a.path("value");
                    return v.has("stringValue") ? v.get("stringValue").asText() : v.has("intValue") ? v.get("intValue").asText() : v.toString();
                }
            }
            return null;
        }

        boolean failed() {
            return json.path("status").path("code").asInt() == 2;
        }
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 1) {
            System.err.println("usage: java Trace.java TRACE_ID|--last FILE...");
            System.exit(2);
        }
        List<Span> all = new ArrayList<>();
        for (int i = 1; i < args.length; i++) {
            read(Path.of(args[i]), all);
        }
        String traceId = args[0].equals("--last") ? lastServedTrace(all) : args[0].toLowerCase();
        if (traceId == null || !traceId.matches("[0-9a-f]{32}")) {
            System.err.println(traceId == null ? "no served request in the span files yet" : "a trace id is 32 hex digits: " + args[0]);
            System.exit(1);
        }
        List<Span> trace = all.stream().filter(s -> s.traceId().equals(traceId)).sorted(Comparator.comparingLong(Span::start)).toList();
        if (trace.isEmpty()) {
            System.err.println("no span of trace " + traceId + " (spans are written within a second or two; the stack's files"
                    + " start afresh with each part)");
            System.exit(1);
        }
        Set<String> ids = new HashSet<>();
        trace.forEach(s -> ids.add(s.spanId()));
        long t0 = trace.get(0).start();
        System.out.printf("trace %s: %d spans%n%10s %10s  %s%n", traceId, trace.size(), "at (ms)", "took (ms)", "service  span  detail");
        for (Span root : trace) {
            if (root.parentId().isEmpty() || !ids.contains(root.parentId())) {
                print(root, trace, t0, 0);
            }
        }
    }

    private static void print(Span span, List<Span> trace, long t0, int depth) {
        System.out.printf("%10.1f %10.1f  %s%s  %s%s%s%n", (span.start() - t0) / 1e6, (span.end() - span.start()) / 1e6,
                "  ".repeat(depth), span.service(), span.name(), detail(span), span.failed() ? "  [ERROR]" : "");
        for (Span child : trace) {
            if (child.parentId().equals(span.spanId())) {
                print(child, trace, t0, depth + 1);
            }
        }
    }

    private static String detail(Span s) {
        String sql = s.attribute("db.statement") != null ? s.attribute("db.statement") : s.attribute("db.query.text");
        if (sql != null) {
            return "  " + (sql.length() > 140 ? sql.substring(0, 140) + "…" : sql);
        }
        String status = s.attribute("http.response.status_code");
        String url = s.attribute("url.full");
        if (s.kind() == 3 && url != null) {
            return "  -> " + url + (status != null ? " " + status : "");
        }
        return status != null ? "  " + status : "";
    }

    /** The trace of the most recent served request that no other recorded span called. */
    private static String lastServedTrace(List<Span> all) {
        Set<String> ids = new HashSet<>();
        all.forEach(s -> ids.add(s.spanId()));
        return all.stream().filter(s -> s.kind() == 2 && (s.parentId().isEmpty() || !ids.contains(s.parentId())))
                .filter(s -> !String.valueOf(s.attribute("url.path")).startsWith("/q/"))
                .max(Comparator.comparingLong(Span::start)).map(Span::traceId).orElse(null);
    }

    private static void read(Path file, List<Span> into) throws IOException {
        if (!Files.exists(file)) {
            return;
        }
        for (String line : Files.readAllLines(file)) {
            JsonNode root;
            try {
                root = JSON.readTree(line);
            } catch (IOException e) {
                continue; // a line being written
            }
            if (root == null) {
                continue;
            }
            // A line is an export request ({"resourceSpans": [...]}) or one resourceSpans object.
            for (JsonNode rs : root.has("resourceSpans") ? root.get("resourceSpans") : JSON.createArrayNode().add(root)) {
                String service = "?";
                for (JsonNode a : rs.path("resource").path("attributes")) {
                    if ("service.name".equals(a.path("key").asText())) {
                        service = a.path("value").path("stringValue").asText();
                    }
                }
                for (JsonNode scope : rs.path("scopeSpans")) {
                    for (JsonNode s : scope.path("spans")) {
                        into.add(new Span(service, s.path("traceId").asText(), s.path("spanId").asText(), s.path("parentSpanId").asText(""),
                                s.path("name").asText(), s.path("kind").asInt(), s.path("startTimeUnixNano").asLong(),
                                s.path("endTimeUnixNano").asLong(), s));
                    }
                }
            }
        }
    }
}
