package fr.passerelle.e2e.faults;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/**
 * A real PostgreSQL of the fault tests' own (the embedded binaries test-support uses), on its own port and
 * data folder, so it can be stopped and started again without touching the machine's shared server.
 * Commits are synchronous, as on a real server: what was acknowledged survives a restart.
 */
final class PrivatePostgres implements AutoCloseable {

    private final Path dataDir;
    private final int port;
    private final Path log;
    private volatile EmbeddedPostgres server;

    PrivatePostgres(Path dataDir, int port, Path log) {
        this.dataDir = dataDir;
        this.port = port;
        this.log = log;
    }

    /** Starts the server (initialising the folder the first time); returns once it accepts connections. */
    synchronized void start() {
        if (server != null) {
            return;
        }
        try {
            server = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDir)
                    .setCleanDataDirectory(false)
                    .setPort(port)
                    .setServerConfig("synchronous_commit", "on")
                    .setOutputRedirector(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .setErrorRedirector(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the private PostgreSQL on port " + port, e);
        }
    }

    /** A fast shutdown (pg_ctl stop -m fast): sessions are ended, committed data is kept. */
    synchronized void stop() {
        EmbeddedPostgres running = server;
        server = null;
        if (running != null) {
            try {
                running.close();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot stop the private PostgreSQL", e);
            }
        }
    }

    boolean running() {
        return server != null;
    }

    int port() {
        return port;
    }

    String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    /** A superuser connection to one database (trust authentication). */
    Connection connect(String database) throws SQLException {
        return DriverManager.getConnection(jdbcUrl(database), "postgres", "");
    }

    @Override
    public void close() {
        stop();
    }
}
