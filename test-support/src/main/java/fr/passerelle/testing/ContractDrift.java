package fr.passerelle.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import org.openapitools.openapidiff.core.OpenApiCompare;
import org.openapitools.openapidiff.core.model.ChangedOpenApi;
import org.openapitools.openapidiff.core.output.MarkdownRender;

/**
 * Compares a generated OpenAPI document with its committed copy under {@code openapi/}, semantically (the
 * parsed trees, not the bytes). On a difference it fails with a breaking-change report (openapi-diff) and
 * the list of changed places, unless the build was told to accept the change:
 * {@code -Dopenapi.accept=compatible} rewrites the committed file when nothing breaks a client,
 * {@code -Dopenapi.accept=breaking} rewrites it in any case (a deliberate act, to be reviewed).
 */
public final class ContractDrift {

    public static final String ACCEPT_PROPERTY = "openapi.accept";
    private static final int MAX_LISTED = 60;
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
            .enable(YAMLGenerator.Feature.INDENT_ARRAYS_WITH_INDICATOR)
            .disable(YAMLGenerator.Feature.SPLIT_LINES));

    /** What the build accepts to write over a committed document. */
    public enum Accept {
        NONE, COMPATIBLE, BREAKING;

        public static Accept fromSystemProperty() {
            String value = System.getProperty(ACCEPT_PROPERTY, "").trim();
            return switch (value.toLowerCase(Locale.ROOT)) {
                case "" -> NONE;
                case "compatible" -> COMPATIBLE;
                case "breaking" -> BREAKING;
                default -> throw new IllegalArgumentException(ACCEPT_PROPERTY + " must be compatible or breaking, not " + value);
            };
        }
    }

    /** The outcome of a comparison. */
    public record Result(boolean unchanged, boolean breaking, boolean written, String report) {
    }

    private ContractDrift() {
    }

    /** The committed document {@code openapi/<name>}, found from the working directory (a module or the root). */
    public static Path committed(String name) {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null) {
            if (Files.isDirectory(dir.resolve("openapi")) && Files.exists(dir.resolve("mvnw"))) {
                return dir.resolve("openapi").resolve(name);
            }
            dir = dir.getParent();
        }
        throw new IllegalStateException("no openapi/ folder above " + Path.of("").toAbsolutePath());
    }

    /** Fails (AssertionError) when the generated document differs from the committed one and the change is not accepted. */
    public static Result verify(String generated, Path committedFile) {
        return verify(generated, committedFile, Accept.fromSystemProperty());
    }

    public static Result verify(String generated, Path committedFile, Accept accept) {
        JsonNode fresh = parse(generated);
        String name = committedFile.getFileName().toString();
        if (!Files.exists(committedFile)) {
            if (accept == Accept.NONE) {
                throw new AssertionError(name + " is not committed yet: run the build with -D" + ACCEPT_PROPERTY
                        + "=compatible to write it (see openapi/README.md).");
            }
            write(fresh, committedFile);
            return new Result(false, false, true, name + " written.");
        }
        String committedText = read(committedFile);
        JsonNode committed = parse(committedText);
        if (committed.equals(fresh)) {
            return new Result(true, false, false, "");
        }
        List<String> places = new ArrayList<>();
        differences("", committed, fresh, places);
        boolean breaking;
        String report;
        try {
            ChangedOpenApi changes = OpenApiCompare.fromContents(toYaml(asOpenApi30(committed)), toYaml(asOpenApi30(fresh)));
            breaking = changes.isIncompatible();
            report = markdown(changes);
        } catch (RuntimeException e) {
            // A document the tool cannot read is not a change anyone can call safe.
            breaking = true;
            report = "openapi-diff could not compare the documents (" + e + "); the change is treated as breaking.";
        }
        StringBuilder message = new StringBuilder()
                .append(name).append(" differs from the generated document: the change is ")
                .append(breaking ? "BREAKING (a client built on the committed document may fail)" : "compatible")
                .append(".\nChanged places (committed → generated):\n");
        places.stream().limit(MAX_LISTED).forEach(p -> message.append("  ").append(p).append('\n'));
        if (places.size() > MAX_LISTED) {
            message.append("  … and ").append(places.size() - MAX_LISTED).append(" more\n");
        }
        message.append("\nopenapi-diff report:\n").append(report.isBlank() ? "(no API-level change found)\n" : report);
        boolean accepted = accept == Accept.BREAKING || (accept == Accept.COMPATIBLE && !breaking);
        if (!accepted) {
            message.append("\nIf the change is intended, rewrite the committed file: ./mvnw verify ... -D").append(ACCEPT_PROPERTY)
                    .append(breaking ? "=breaking (a breaking change: say so in the commit and tell the integrators)" : "=compatible")
                    .append(" (see openapi/README.md).");
            throw new AssertionError(message.toString());
        }
        write(fresh, committedFile);
        System.out.println("[ContractDrift] rewrote " + committedFile + "\n" + message);
        return new Result(false, breaking, true, message.toString());
    }

    /**
     * openapi-diff 2.1.5 reads OpenAPI 3.1 but compares schemas through their 3.0 fields only: a type written as
     * 3.1 does ({@code type: [string, "null"]}, or any type once the parser has put it in its 3.1 set) is invisible to
     * it, so a type change went unreported. It is handed the 3.0 spelling of the same contract instead: one type plus
     * {@code nullable}, {@code example} for {@code examples}, {@code enum} for {@code const}. Only for the comparison;
     * the committed file stays 3.1.
     */
    static JsonNode asOpenApi30(JsonNode document) {
        JsonNode copy = document.deepCopy();
        if (copy instanceof ObjectNode root) {
            root.put("openapi", "3.0.3");
            root.remove("jsonSchemaDialect");
            root.remove("webhooks");
            if (root.get("info") instanceof ObjectNode info && info.get("license") instanceof ObjectNode license) {
                license.remove("identifier");
            }
            downgrade(root);
        }
        return copy;
    }

    private static void downgrade(JsonNode node) {
        if (node instanceof ObjectNode object) {
            if (object.get("type") instanceof com.fasterxml.jackson.databind.node.ArrayNode types) {
                List<String> named = new ArrayList<>();
                types.forEach(t -> named.add(t.asText()));
                if (named.remove("null")) {
                    object.put("nullable", true);
                }
                if (named.isEmpty()) {
                    object.remove("type");
                } else {
                    object.put("type", named.get(0));
                }
            }
            if (object.has("type") && object.get("examples") instanceof com.fasterxml.jackson.databind.node.ArrayNode examples) {
                object.remove("examples");
                if (!examples.isEmpty()) {
                    object.set("example", examples.get(0));
                }
            }
            if (object.has("const")) {
                object.set("enum", YAML.createArrayNode().add(object.remove("const")));
            }
            object.elements().forEachRemaining(ContractDrift::downgrade);
        } else if (node != null && node.isArray()) {
            node.elements().forEachRemaining(ContractDrift::downgrade);
        }
    }

    public static JsonNode parse(String document) {
        try {
            // YAML is a superset of JSON: one reader for both.
            return YAML.readTree(document);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String toYaml(JsonNode document) {
        try {
            return YAML.writeValueAsString(document);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void write(JsonNode document, Path file) {
        String yaml = toYaml(document);
        if (!parse(yaml).equals(document)) {
            throw new IllegalStateException("the YAML written for " + file + " does not read back as the same document");
        }
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, yaml, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String markdown(ChangedOpenApi changes) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (OutputStreamWriter writer = new OutputStreamWriter(bytes, StandardCharsets.UTF_8)) {
            new MarkdownRender().render(changes, writer);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    /** JSON pointers where the two trees differ, with a short note of what changed. */
    static void differences(String at, JsonNode before, JsonNode after, List<String> out) {
        if (before.equals(after)) {
            return;
        }
        if (before instanceof ObjectNode b && after instanceof ObjectNode a) {
            TreeSet<String> keys = new TreeSet<>();
            b.fieldNames().forEachRemaining(keys::add);
            a.fieldNames().forEachRemaining(keys::add);
            for (String key : keys) {
                String here = at + "/" + key.replace("~", "~0").replace("/", "~1");
                if (!b.has(key)) {
                    out.add("+ " + here);
                } else if (!a.has(key)) {
                    out.add("- " + here);
                } else {
                    differences(here, b.get(key), a.get(key), out);
                }
            }
            return;
        }
        if (before.isArray() && after.isArray() && before.size() == after.size()) {
            Iterator<JsonNode> bi = before.elements();
            Iterator<JsonNode> ai = after.elements();
            for (int i = 0; bi.hasNext(); i++) {
                differences(at + "/" + i, bi.next(), ai.next(), out);
            }
            return;
        }
        out.add("~ " + at + ": " + abbreviate(before) + " → " + abbreviate(after));
    }

    private static String abbreviate(JsonNode node) {
        String text = node.toString();
        return text.length() > 80 ? text.substring(0, 77) + "…" : text;
    }
}
