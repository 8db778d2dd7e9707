package fr.passerelle.e2e.browser;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.passerelle.e2e.support.Stack;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Accessibility checks with axe-core (npm package, installed in e2e/node_modules by the build's {@code npm ci}).
 * The script is injected through WebDriver, which the page's Content-Security-Policy does not govern (the page itself
 * may not run inline scripts).
 */
public final class Axe {

    /** What fails a test: the impacts that block or seriously hinder someone. */
    static final Set<String> BLOCKING = Set.of("serious", "critical");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static volatile String source;

    private Axe() {
    }

    /** One rule broken on the page: its id, impact, help text and the selectors of the offending nodes. */
    public record Violation(String rule, String impact, String help, List<String> targets) {
        @Override
        public String toString() {
            return rule + " [" + impact + "] " + help + " → " + String.join(" | ", targets);
        }
    }

    /** Runs axe on the page the browser shows and returns its serious and critical violations. */
    public static List<Violation> serious(Browser browser) {
        browser.script(source());
        Object result = browser.asyncScript("""
                const done = arguments[arguments.length - 1];
                axe.run(document, {resultTypes: ['violations']})
                   .then(r => done(JSON.stringify(r.violations)))
                   .catch(e => done('ERROR ' + e));
                """);
        String text = String.valueOf(result);
        if (text.startsWith("ERROR ")) {
            throw new IllegalStateException("axe-core failed on " + browser.url() + ": " + text);
        }
        List<Violation> found = new ArrayList<>();
        try {
            for (JsonNode v : JSON.readTree(text)) {
                String impact = v.path("impact").asText("");
                if (!BLOCKING.contains(impact)) {
                    continue;
                }
                List<String> targets = new ArrayList<>();
                for (JsonNode node : v.path("nodes")) {
                    targets.add(node.path("target").toString());
                }
                found.add(new Violation(v.path("id").asText(), impact, v.path("help").asText(), targets));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return found;
    }

    /** A readable assertion message: one line per violation. */
    public static String describe(String page, List<Violation> violations) {
        StringBuilder sb = new StringBuilder(page).append(": ").append(violations.size()).append(" serious/critical axe violation(s)");
        violations.forEach(v -> sb.append("\n  - ").append(v));
        return sb.toString();
    }

    private static String source() {
        String s = source;
        if (s == null) {
            String configured = System.getProperty("passerelle.axe.script");
            Path path = configured != null ? Path.of(configured) : Stack.root().resolve("e2e/node_modules/axe-core/axe.min.js");
            if (!Files.isRegularFile(path)) {
                throw new IllegalStateException(path + " is missing: run `npm ci` in e2e/ (./mvnw verify does it)");
            }
            try {
                s = Files.readString(path, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            source = s;
        }
        return s;
    }
}
