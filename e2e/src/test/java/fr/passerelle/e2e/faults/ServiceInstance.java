package fr.passerelle.e2e.faults;

import fr.passerelle.e2e.support.Stack;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One more instance of a part of the stack, run from its packaged jar (target/quarkus-app) exactly as
 * deploy/local/start runs it: the environment and JVM options come from deploy/local/lib.sh (service_env,
 * java_opts), then the ports and the few settings the test changes are put over them.
 */
final class ServiceInstance implements AutoCloseable {

    final String name;
    final int port;
    final int managementPort;
    private final Path appDir;
    private final Path log;
    private final Map<String, String> env;
    private final List<String> javaOptions;
    private volatile Process process;

    private ServiceInstance(String name, String module, int port, int managementPort, Path log,
                            Map<String, String> env, List<String> javaOptions) {
        this.name = name;
        this.port = port;
        this.managementPort = managementPort;
        this.appDir = Stack.root().resolve(module + "/target/quarkus-app");
        this.log = log;
        this.env = env;
        this.javaOptions = javaOptions;
    }

    /** An instance of module with lib.sh's environment for it, these ports, and the overrides. */
    static ServiceInstance of(String name, String module, int port, int managementPort, Path log, Map<String, String> overrides) {
        Path jar = Stack.root().resolve(module + "/target/quarkus-app/quarkus-run.jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: package the services first (the reactor's verify does)");
        }
        String script = "source \"$0\"; service_env \"$1\" \"$2\"; echo --; java_opts \"$1\"";
        List<String> out = bash(script, Stack.root().resolve("deploy/local/lib.sh").toString(), module, Integer.toString(port));
        Map<String, String> env = new LinkedHashMap<>();
        int separator = out.indexOf("--");
        for (String line : out.subList(0, separator)) {
            int eq = line.indexOf('=');
            env.put(line.substring(0, eq), line.substring(eq + 1));
        }
        env.put("HOST", "127.0.0.1");
        env.put("MANAGEMENT_PORT", Integer.toString(managementPort));
        env.putAll(overrides);
        List<String> options = new ArrayList<>();
        for (String word : String.join(" ", out.subList(separator + 1, out.size())).trim().split("\\s+")) {
            // deploy/local's pid checks look for -Dstack.part: never let them mistake this instance for the stack's.
            if (!word.isEmpty() && !word.startsWith("-Dstack.part=")) {
                options.add(word);
            }
        }
        options.add("-Dfaults.part=" + name);
        return new ServiceInstance(name, module, port, managementPort, log, env, options);
    }

    synchronized void start() {
        if (process != null && process.isAlive()) {
            return;
        }
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(javaOptions);
        command.add("-jar");
        command.add("quarkus-run.jar");
        ProcessBuilder pb = new ProcessBuilder(command).directory(appDir.toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        pb.environment().putAll(env);
        try {
            process = pb.start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + name, e);
        }
    }

    /** SIGTERM (a graceful shutdown, as an orchestrator does), then SIGKILL after 30 s. */
    synchronized void stop() {
        Process p = process;
        if (p == null) {
            return;
        }
        p.destroy();
        try {
            if (!p.waitFor(30, TimeUnit.SECONDS)) {
                p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        process = null;
    }

    /** SIGKILL: the process dies where it stands, as in a crash or an OOM kill (nothing graceful runs). */
    synchronized void kill() {
        Process p = process;
        if (p == null) {
            return;
        }
        try {
            p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        process = null;
    }

    boolean alive() {
        Process p = process;
        return p != null && p.isAlive();
    }

    long pid() {
        Process p = process;
        return p == null ? -1 : p.pid();
    }

    boolean ready() {
        return Health.isReady(managementPort, port);
    }

    /** Waits until ready; fails early, with the end of its log, if the process exits. */
    void awaitReady(Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (!ready()) {
            if (!alive()) {
                throw new IllegalStateException(name + " exited before it was ready:\n" + tail(40));
            }
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException(name + " not ready after " + timeout.toSeconds() + " s:\n" + tail(40));
            }
            sleep(100);
        }
    }

    /** A thread dump (jcmd Thread.print) into the file, to see where requests wait during a fault. */
    void threadDump(Path file) {
        Process p = process;
        if (p == null) {
            return;
        }
        try {
            new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(), Long.toString(p.pid()), "Thread.print")
                    .redirectErrorStream(true).redirectOutput(file.toFile()).start().waitFor(30, TimeUnit.SECONDS);
        } catch (IOException e) {
            // Diagnostics only.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    String url() {
        return "http://127.0.0.1:" + port;
    }

    String tail(int lines) {
        try {
            List<String> all = Files.readAllLines(log, StandardCharsets.ISO_8859_1);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    @Override
    public void close() {
        stop();
    }

    private static List<String> bash(String script, String... args) {
        List<String> command = new ArrayList<>(List.of("bash", "-c", script));
        command.addAll(List.of(args));
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IllegalStateException("deploy/local/lib.sh failed: " + out);
            }
            return out.lines().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
