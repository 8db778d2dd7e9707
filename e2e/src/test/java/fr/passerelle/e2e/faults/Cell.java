package fr.passerelle.e2e.faults;

import fr.passerelle.e2e.support.Stack;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.stream.Stream;

/**
 * A private copy of the stack that the fault tests may break at will, so the shared one (and the machine's
 * PostgreSQL on 5432) is never touched:
 * <ul>
 * <li>its own PostgreSQL (embedded binaries, a free port) holding the referral database, created by
 *     deploy/local/CreateDatabases.java as the local stack creates it;</li>
 * <li>a directory-service on the stack's directory database (read-only use; the seeds are already loaded);</li>
 * <li>two referral-service replicas on the private database: {@link #referral} carries the traffic, {@link #replica}
 *     is left idle so that it has no client-credentials token of its own yet;</li>
 * <li>a gateway in front of the private directory-service and {@link #referral};</li>
 * <li>a TCP relay in front of the stack's Keycloak, which every private part goes through: their realm URL is the
 *     relay's, with discovery off (Keycloak's discovery document names its own host, which would bypass the relay),
 *     the JWKS path and the issuer of the tokens ({@link Stack#ISSUER}) given explicitly. Cutting the relay is
 *     Keycloak going down for them, and for nobody else.</li>
 * </ul>
 * Logs go to deploy/local/run/logs/faults/, which LogHygieneIT scans with the stack's own logs.
 */
final class Cell implements AutoCloseable {

    static final String REFERRAL_DB = "referral";
    /** Where the private parts see Keycloak: the same port as the real one, on another loopback address. */
    private static final String RELAY_HOST = "127.0.0.2";

    final Path logs;
    final TcpProxy keycloak;
    final PrivatePostgres postgres;
    final ServiceInstance directory;
    final ServiceInstance referral;
    final ServiceInstance replica;
    final ServiceInstance gateway;
    final Duration startTime;

    private Cell(Path logs, TcpProxy keycloak, PrivatePostgres postgres, ServiceInstance directory, ServiceInstance referral,
                 ServiceInstance replica, ServiceInstance gateway, Duration startTime) {
        this.logs = logs;
        this.keycloak = keycloak;
        this.postgres = postgres;
        this.directory = directory;
        this.referral = referral;
        this.replica = replica;
        this.gateway = gateway;
        this.startTime = startTime;
    }

    static Cell start() {
        Instant t0 = Instant.now();
        Path logs = Stack.logsDir().resolve("faults");
        Path work = Stack.root().resolve("e2e/target/e2e/faults");
        deleteTree(logs);
        deleteTree(work);
        try {
            Files.createDirectories(logs);
            Files.createDirectories(work);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        URI keycloakUri = URI.create(Stack.KEYCLOAK);
        TcpProxy relay = new TcpProxy(new InetSocketAddress(RELAY_HOST, keycloakUri.getPort()),
                new InetSocketAddress("127.0.0.1", keycloakUri.getPort()));
        PrivatePostgres postgres = new PrivatePostgres(work.resolve("pgdata"), freePort(), logs.resolve("postgres.log"));
        List<AutoCloseable> started = new ArrayList<>();
        try {
            relay.open();
            started.add(relay);
            postgres.start();
            started.add(postgres);
            createReferralDatabase(postgres, logs.resolve("create-databases.log"));

            Map<String, String> oidc = Map.of(
                    "OIDC_AUTH_SERVER_URL", "http://" + relay.address() + URI.create(Stack.ISSUER).getPath(),
                    "QUARKUS_OIDC_DISCOVERY_ENABLED", "false",
                    "QUARKUS_OIDC_JWKS_PATH", "protocol/openid-connect/certs",
                    "QUARKUS_OIDC_TOKEN_ISSUER", Stack.ISSUER);
            int directoryPort = freePort();
            ServiceInstance directory = ServiceInstance.of("directory-service", "directory-service", directoryPort, freePort(),
                    logs.resolve("directory-service.log"), oidc);
            Map<String, String> referralEnv = new java.util.HashMap<>(oidc);
            referralEnv.putAll(Map.of(
                    "REFERRAL_DB_URL", postgres.jdbcUrl(REFERRAL_DB),
                    "REFERRAL_DB_USER", "postgres",
                    "REFERRAL_DB_PASSWORD", "trust-auth-ignores-this",
                    "DIRECTORY_URL", "http://127.0.0.1:" + directoryPort,
                    // An Idempotency-Key claim stranded by the outage (claimed, then neither completed nor released)
                    // blocks its retries with 409 until it is deemed abandoned: PT2M by default, shortened here so the
                    // test sees the end of it (the report counts those 409s).
                    "REFERRAL_IDEMPOTENCY_ABANDONED_AFTER", "PT15S",
                    // Both replicas run the deadline job every second (DeadlineReplicasIT): announcements stay single.
                    "REFERRAL_DEADLINES_EVERY", "1s"));
            ServiceInstance referral = ServiceInstance.of("referral-service", "referral-service", freePort(), freePort(),
                    logs.resolve("referral-service.log"), referralEnv);
            // The replica sends no e-mail (the first instance does, from the shared queue): mail would make it look
            // mailboxes up in the directory, and so fetch its own token, before KeycloakOutageIT needs it without one.
            Map<String, String> replicaEnv = new java.util.HashMap<>(referralEnv);
            replicaEnv.put("REFERRAL_MAIL_ENABLED", "false");
            ServiceInstance replica = ServiceInstance.of("referral-service-replica", "referral-service", freePort(), freePort(),
                    logs.resolve("referral-service-replica.log"), replicaEnv);
            Map<String, String> gatewayEnv = new java.util.HashMap<>(oidc);
            gatewayEnv.putAll(Map.of("DIRECTORY_URL", directory.url(), "REFERRAL_URL", referral.url(),
                    // One test user sends a steady stream: the per-subject limit is not what is tested here.
                    "GATEWAY_RATE_PER_SUBJECT", "1000", "GATEWAY_BURST_PER_SUBJECT", "2000"));
            ServiceInstance gateway = ServiceInstance.of("gateway", "gateway", freePort(), freePort(), logs.resolve("gateway.log"),
                    gatewayEnv);
            List<ServiceInstance> parts = List.of(directory, referral, replica, gateway);
            for (ServiceInstance part : parts) {
                part.start();
                started.add(part);
            }
            try {
                CompletableFuture.allOf(parts.stream()
                        .map(p -> CompletableFuture.runAsync(() -> p.awaitReady(Duration.ofMinutes(4))))
                        .toArray(CompletableFuture[]::new)).join();
            } catch (CompletionException e) {
                throw e.getCause() instanceof RuntimeException r ? r : e;
            }
            Cell cell = new Cell(logs, relay, postgres, directory, referral, replica, gateway, Duration.between(t0, Instant.now()));
            Runtime.getRuntime().addShutdownHook(new Thread(cell::close, "faults-cell-stop"));
            report("private stack (PostgreSQL :" + postgres.port() + ", directory-service :" + directory.port
                    + ", referral-service :" + referral.port + " and :" + replica.port + ", gateway :" + gateway.port
                    + ", Keycloak relay " + relay.address() + ") ready in " + seconds(cell.startTime));
            return cell;
        } catch (RuntimeException | IOException e) {
            for (int i = started.size() - 1; i >= 0; i--) {
                try {
                    started.get(i).close();
                } catch (Exception suppressed) {
                    e.addSuppressed(suppressed);
                }
            }
            throw e instanceof RuntimeException r ? r : new UncheckedIOException((IOException) e);
        }
    }

    /** Stops what the cell started, last started first. */
    @Override
    public void close() {
        gateway.close();
        replica.close();
        referral.close();
        directory.close();
        postgres.close();
        keycloak.close();
    }

    /** Puts back what a test broke: Keycloak reachable, PostgreSQL and directory-service running, and waits until all is ready. */
    void restore() {
        try {
            keycloak.open();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        postgres.start();
        directory.start();
        for (ServiceInstance part : List.of(directory, referral, replica, gateway)) {
            part.awaitReady(Duration.ofMinutes(3));
        }
    }

    String api(String path) {
        return gateway.url() + path;
    }

    /** Prints one result line of the fault suite, and keeps it in e2e/target/e2e/faults/report.txt. */
    static void report(String line) {
        String text = "faults: " + line;
        System.out.println(text);
        try {
            Path file = Stack.root().resolve("e2e/target/e2e/faults/report.txt");
            Files.createDirectories(file.getParent());
            Files.writeString(file, text + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            System.out.println("faults: (could not write the report file: " + e.getMessage() + ")");
        }
    }

    static String seconds(Duration d) {
        return String.format(java.util.Locale.ROOT, "%.1f s", d.toMillis() / 1000.0);
    }

    static String seconds(long nanos) {
        return seconds(Duration.ofNanos(nanos));
    }

    private static void createReferralDatabase(PrivatePostgres postgres, Path log) {
        Path root = Stack.root();
        ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", root.resolve("test-support/target/lib").toString() + "/*",
                root.resolve("deploy/local/CreateDatabases.java").toString(), REFERRAL_DB, "--role", "referral_app")
                .redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().putAll(Map.of("PASSERELLE_PG_HOST", "127.0.0.1", "PASSERELLE_PG_PORT", Integer.toString(postgres.port()),
                "PASSERELLE_PG_USER", "postgres", "PASSERELLE_PG_PASSWORD", ""));
        try {
            Process p = pb.start();
            if (!p.waitFor(2, java.util.concurrent.TimeUnit.MINUTES) || p.exitValue() != 0) {
                throw new IllegalStateException("CreateDatabases.java failed:\n" + Files.readString(log));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteTree(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
