package fr.passerelle.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;

/**
 * Gives each test run a fresh, empty database: on the server named by
 * {@code PASSERELLE_TEST_DB_URL} (a JDBC URL of a database the user may create databases from,
 * e.g. {@code jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres}), or else on an embedded
 * PostgreSQL started once per JVM.
 */
public final class TestDatabases {

    public static final String ENV_URL = "PASSERELLE_TEST_DB_URL";

    private static EmbeddedPostgres embedded;

    private TestDatabases() {
    }

    /** A new database; the returned URL carries the superuser credentials of the server. */
    public static synchronized Created create(String prefix) {
        String name = (prefix + "_" + UUID.randomUUID().toString().substring(0, 8)).toLowerCase(Locale.ROOT);
        String adminUrl = adminUrl();
        try (Connection c = DriverManager.getConnection(adminUrl); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create test database on " + redact(adminUrl), e);
        }
        return new Created(name, withDatabase(adminUrl, name), adminUrl);
    }

    public static synchronized void drop(Created db) {
        try (Connection c = DriverManager.getConnection(db.adminUrl()); Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + db.name() + " WITH (FORCE)");
        } catch (SQLException e) {
            // A leftover test database is harmless; never fail a green run over it.
        }
    }

    private static String adminUrl() {
        String external = System.getenv(ENV_URL);
        if (external != null && !external.isBlank()) {
            return external;
        }
        if (embedded == null) {
            try {
                embedded = EmbeddedPostgres.builder().start();
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot start embedded PostgreSQL", e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    embedded.close();
                } catch (IOException ignored) {
                    // The JVM is exiting.
                }
            }));
        }
        return "jdbc:postgresql://localhost:" + embedded.getPort() + "/postgres?user=postgres";
    }

    static String withDatabase(String url, String database) {
        int q = url.indexOf('?');
        String base = q < 0 ? url : url.substring(0, q);
        String params = q < 0 ? "" : url.substring(q);
        int slash = base.lastIndexOf('/');
        return base.substring(0, slash + 1) + database + params;
    }

    static String redact(String url) {
        return url.replaceAll("password=[^&]*", "password=***");
    }

    /** @param url JDBC URL of the new database, with the server's admin credentials */
    public record Created(String name, String url, String adminUrl) {
    }
}
