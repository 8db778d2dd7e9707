package fr.passerelle.e2e;

import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.passerelle.e2e.support.Api;
import fr.passerelle.e2e.support.E2e;
import fr.passerelle.e2e.support.Run;
import fr.passerelle.e2e.support.Stack;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * Last of the suite: no log line of the stack (deploy/local/run/logs/, plus the copies taken before a
 * part was restarted) holds the run's marker pupil name or a bearer token.
 */
@E2e
@Order(100)
class LogHygieneIT {

    /** A compact JWS (header.payload.signature, base64url JSON objects) or a bearer credential. */
    private static final Pattern JWT = Pattern.compile("eyJ[A-Za-z0-9_-]{8,}\\.eyJ[A-Za-z0-9_-]{8,}\\.[A-Za-z0-9_-]*");
    private static final Pattern BEARER = Pattern.compile("(?i)bearer\\s+[A-Za-z0-9._~+/-]{16,}=*");

    @Test
    void noPupilNameAndNoTokenInAnyLog() throws IOException {
        Assumptions.assumeTrue(Stack.part("gateway", Stack.serviceJar("gateway")).isPresent(),
                "the running stack was not started from this tree's deploy/local: its logs are not in " + Stack.logsDir());
        if (!Run.markerSent()) {
            // Run alone: send the marker through the stack first.
            Api.newCase("referent1", "logs");
        }
        // The services log asynchronously: wait (bounded) until the gateway's access log shows a request
        // made now, so what came before it has been written too.
        String requestId = Api.as("referent1").get("/api/v1/programmes/codes").then().statusCode(200)
                .extract().header("X-Request-Id");
        Path gatewayLog = Stack.logsDir().resolve("gateway.log");
        Stack.await("the gateway's access log to show the last request", Duration.ofSeconds(15),
                () -> contains(gatewayLog, requestId));

        List<Path> files = new ArrayList<>();
        List<Path> dirs = new ArrayList<>(List.of(Stack.logsDir()));
        dirs.addAll(Stack.logSnapshots());
        for (Path dir : dirs) {
            if (Files.isDirectory(dir)) {
                try (Stream<Path> walk = Files.walk(dir)) {
                    walk.filter(Files::isRegularFile).forEach(files::add);
                }
            }
        }
        assertTrue(files.stream().anyMatch(f -> f.getFileName().toString().equals("referral-service.log")),
                "the stack's logs are where expected: " + Stack.logsDir());

        Set<String> tokens = Run.tokens();
        List<String> findings = new ArrayList<>();
        for (Path file : files) {
            String text = Files.readString(file, StandardCharsets.ISO_8859_1);
            String name = Stack.root().relativize(file).toString();
            int at = text.indexOf(Run.MARKER);
            if (at >= 0) {
                findings.add(name + ": the marker pupil name (" + Run.MARKER + "…) at offset " + at);
            }
            for (String token : tokens) {
                String signature = token.substring(token.lastIndexOf('.') + 1);
                if (text.contains(token) || signature.length() >= 20 && text.contains(signature)) {
                    findings.add(name + ": a bearer token of this run");
                    break;
                }
            }
            Matcher jwt = JWT.matcher(text);
            if (jwt.find()) {
                findings.add(name + ": a JWT at offset " + jwt.start());
            }
            Matcher bearer = BEARER.matcher(text);
            if (bearer.find()) {
                findings.add(name + ": a bearer credential at offset " + bearer.start());
            }
        }
        assertTrue(findings.isEmpty(), "personal data or credentials in the logs:\n  " + String.join("\n  ", findings));
        System.out.printf("[e2e] %d log files checked: no marker (%s…), no token%n", files.size(), Run.MARKER);
    }

    private static boolean contains(Path file, String needle) {
        try {
            return Files.isRegularFile(file) && Files.readString(file, StandardCharsets.ISO_8859_1).contains(needle);
        } catch (IOException e) {
            return false;
        }
    }
}
