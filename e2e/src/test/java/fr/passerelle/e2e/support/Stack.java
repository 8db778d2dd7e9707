package fr.passerelle.e2e.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;

/**
 * The real local stack, brought up once for the whole suite.
 * <p>
 * If the gateway answers ready (management port :9080) and Keycloak serves the realm on :8180, the running stack is
 * reused and left running. Otherwise {@code deploy/local/start --no-build} starts what is missing (the
 * reactor has just packaged the services) and, if nothing was running before, {@code deploy/local/stop}
 * stops it when the suite ends (root-store resource, or a JVM shutdown hook if the fork is killed).
 */
public final class Stack implements AutoCloseable {

    public static final String GATEWAY = "http://localhost:8080";
    public static final String KEYCLOAK = "http://localhost:8180";
    public static final String ISSUER = KEYCLOAK + "/realms/passerelle";
    public static final String DIRECTORY_DIRECT = "http://127.0.0.1:8081";
    public static final String REFERRAL_DIRECT = "http://127.0.0.1:8082";
    /** Management interfaces (health, metrics): 127.0.0.1 only, never routed by the gateway. */
    public static final String GATEWAY_MANAGEMENT = "http://127.0.0.1:9080";
    public static final String DIRECTORY_MANAGEMENT = "http://127.0.0.1:9081";
    public static final String REFERRAL_MANAGEMENT = "http://127.0.0.1:9082";
    /** The web application's management interface; its pages are reached through the gateway ({@link #GATEWAY}). */
    public static final String WEB_MANAGEMENT = "http://127.0.0.1:9083";

    /**
     * Environment given to deploy/local/start when this suite starts the stack (the script passes its
     * environment on to the parts; only the gateway reads these). The default per-user limit (50/s, burst
     * 100) takes several seconds of hammering to reach on a busy 2-core machine; 10/s with a burst of 40
     * is reached in about a second and stays far above what any other test sends as one user.
     * A reused stack keeps its own limits (RateLimitIT then simply needs more requests).
     */
    static final Map<String, String> START_ENV = Map.of(
            "GATEWAY_RATE_PER_SUBJECT", "10",
            "GATEWAY_BURST_PER_SUBJECT", "40");

    private static final Duration START_TIMEOUT = Duration.ofMinutes(12);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();

    private final Path root;
    private final Path work;
    private final boolean startedHere;
    private final AtomicBoolean stopped = new AtomicBoolean();
    private volatile Duration startTime = Duration.ZERO;

    private Stack(Path root, Path work, boolean startedHere) {
        this.root = root;
        this.work = work;
        this.startedHere = startedHere;
    }

    /** The repository root (system property passerelle.root, set by failsafe; else the parent of the working directory). */
    public static Path root() {
        String configured = System.getProperty("passerelle.root");
        Path root = configured != null ? Path.of(configured) : Path.of("").toAbsolutePath().getParent();
        return root.toAbsolutePath().normalize();
    }

    static Path workDir() {
        String configured = System.getProperty("passerelle.e2e.work");
        Path work = configured != null ? Path.of(configured) : root().resolve("e2e/target/e2e");
        try {
            Files.createDirectories(work);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return work;
    }

    public static Path runDir() {
        String configured = System.getenv("PASSERELLE_RUN_DIR");
        return configured != null && !configured.isBlank() ? Path.of(configured) : root().resolve("deploy/local/run");
    }

    public static Path logsDir() {
        return runDir().resolve("logs");
    }

    private static final List<Path> SNAPSHOTS = new java.util.concurrent.CopyOnWriteArrayList<>();

    /** This run's copies of the stack's logs, taken before a part was restarted (start truncates a restarted part's log). */
    public static List<Path> logSnapshots() {
        return List.copyOf(SNAPSHOTS);
    }

    public boolean startedHere() {
        return startedHere;
    }

    public Duration startTime() {
        return startTime;
    }

    static Stack bringUp() {
        Path root = root();
        Path work = workDir();
        boolean gatewayUp = gatewayReady();
        boolean keycloakUp = keycloakReady();
        if (gatewayUp && keycloakUp && servicesReady() && webReadyIfBuilt()) {
            log("reusing the running stack (gateway, services and Keycloak ready); it is left running");
            return new Stack(root, work, false);
        }
        boolean anythingRunning = gatewayUp || keycloakUp || answers(DIRECTORY_MANAGEMENT + "/q/health/live")
                || answers(REFERRAL_MANAGEMENT + "/q/health/live");
        Instant t0 = Instant.now();
        log("starting the stack: deploy/local/start --no-build (log: " + work.resolve("stack-start.log") + ")");
        Stack stack = new Stack(root, work, !anythingRunning);
        if (stack.startedHere) {
            Runtime.getRuntime().addShutdownHook(new Thread(stack::stopIfStartedHere, "e2e-stack-stop"));
        }
        int rc = stack.script("start", work.resolve("stack-start.log"), START_TIMEOUT, "--no-build");
        if (rc != 0) {
            String tail = tail(work.resolve("stack-start.log"), 25);
            stack.stopIfStartedHere();
            throw new IllegalStateException("deploy/local/start --no-build failed (exit " + rc + "):\n" + tail);
        }
        awaitReady(Duration.ofMinutes(3));
        stack.startTime = Duration.between(t0, Instant.now());
        log("stack ready in " + stack.startTime.toSeconds() + " s" + (stack.startedHere ? " (stopped at the end of the suite)"
                : " (some parts were already running: left running at the end)"));
        return stack;
    }

    /** Waits until Keycloak, both services and the gateway are ready. */
    public static void awaitReady(Duration timeout) {
        await("Keycloak, the services, the gateway (and the web application once built) to be ready", timeout,
                () -> keycloakReady() && servicesReady() && gatewayReady() && webReadyIfBuilt());
    }

    /** Both services answer ready on their own management ports (the gateway's readiness alone does not say so). */
    public static boolean servicesReady() {
        return status(DIRECTORY_MANAGEMENT + "/q/health/ready") == 200 && status(REFERRAL_MANAGEMENT + "/q/health/ready") == 200;
    }

    /** Starts whatever is missing (e.g. a service a test stopped) with deploy/local/start --no-build, then waits. */
    public static void startMissing() {
        Path logFile = workDir().resolve("stack-restart.log");
        Stack helper = new Stack(root(), workDir(), false);
        int rc = helper.script("start", logFile, Duration.ofMinutes(6), "--no-build");
        if (rc != 0) {
            throw new IllegalStateException("deploy/local/start --no-build failed (exit " + rc + "):\n" + tail(logFile, 40));
        }
        awaitReady(Duration.ofMinutes(3));
    }

    /** What the command line of a service started by this tree's deploy/local/start contains. */
    public static String serviceJar(String module) {
        return root().resolve(module + "/target/quarkus-app/quarkus-run.jar").toString();
    }

    /** Pid of a part started by deploy/local/start, if its pid file names a live process of that part. */
    public static Optional<ProcessHandle> part(String name, String marker) {
        Path pidFile = runDir().resolve("pids/" + name + ".pid");
        if (!Files.isRegularFile(pidFile)) {
            return Optional.empty();
        }
        try {
            long pid = Long.parseLong(Files.readString(pidFile).trim());
            return ProcessHandle.of(pid).filter(ProcessHandle::isAlive).filter(p -> {
                Path cmdline = Path.of("/proc/" + p.pid() + "/cmdline");
                try {
                    String cmd = Files.exists(cmdline) ? new String(Files.readAllBytes(cmdline), StandardCharsets.UTF_8)
                            : p.info().commandLine().orElse("");
                    return cmd.contains(marker);
                } catch (IOException e) {
                    return false;
                }
            });
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** Copies the stack's current log files aside (label = why), for the end-of-run log checks. */
    public static void snapshotLogs(String label) {
        Path target = workDir().resolve("log-snapshots/" + label + "-" + System.currentTimeMillis());
        SNAPSHOTS.add(target);
        try (Stream<Path> files = Files.list(logsDir())) {
            Files.createDirectories(target);
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                Files.copy(f, target.resolve(f.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        stopIfStartedHere();
    }

    void stopIfStartedHere() {
        if (!startedHere || !stopped.compareAndSet(false, true)) {
            return;
        }
        log("stopping the stack this suite started: deploy/local/stop");
        int rc = script("stop", work.resolve("stack-stop.log"), Duration.ofMinutes(4));
        if (rc != 0) {
            log("deploy/local/stop exited " + rc + ":\n" + tail(work.resolve("stack-stop.log"), 20));
        }
    }

    private int script(String name, Path logFile, Duration timeout, String... args) {
        List<String> command = new java.util.ArrayList<>();
        command.add(root.resolve("deploy/local/" + name).toString());
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).directory(root.toFile())
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
        pb.environment().putAll(START_ENV);
        try {
            Files.writeString(logFile, "$ " + String.join(" ", command) + "\n",
                    java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
            Process p = pb.start();
            if (!p.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
                p.descendants().forEach(ProcessHandle::destroy);
                p.destroy();
                p.waitFor(20, TimeUnit.SECONDS);
                return -1;
            }
            return p.exitValue();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    public static boolean gatewayReady() {
        return status(GATEWAY_MANAGEMENT + "/q/health/ready") == 200;
    }

    /** The web module is built (deploy/local/start runs it then); before it lands, the stack goes without it. */
    public static boolean webBuilt() {
        return Files.isRegularFile(root().resolve("web/target/quarkus-app/quarkus-run.jar"));
    }

    public static boolean webReady() {
        return status(WEB_MANAGEMENT + "/q/health/ready") == 200;
    }

    static boolean webReadyIfBuilt() {
        return !webBuilt() || webReady();
    }

    public static boolean keycloakReady() {
        return status(ISSUER + "/.well-known/openid-configuration") == 200;
    }

    static boolean answers(String url) {
        return status(url) > 0;
    }

    /** HTTP status of a GET, or -1 if nothing answers. */
    public static int status(String url) {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5)).GET().build();
            return HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    /** Polls the condition every 250 ms until it holds; fails after the timeout. */
    public static void await(String what, Duration timeout, BooleanSupplier condition) {
        Instant deadline = Instant.now().plus(timeout);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("timed out after " + timeout.toSeconds() + " s waiting for " + what);
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting for " + what);
            }
        }
    }

    /** The last lines of a file, each cut to 400 characters (service logs are JSON with stack traces). */
    static String tail(Path file, int lines) {
        try {
            List<String> all = Files.readAllLines(file, StandardCharsets.UTF_8);
            return all.subList(Math.max(0, all.size() - lines), all.size()).stream()
                    .map(l -> l.length() > 400 ? l.substring(0, 400) + "…" : l)
                    .collect(java.util.stream.Collectors.joining("\n"));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    static void log(String message) {
        System.out.println("[e2e stack] " + message);
    }
}
