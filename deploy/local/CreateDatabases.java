import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;

/**
 * Creates the local stack's databases (and NOLOGIN roles) when they are missing, with just a JDK
 * and the PostgreSQL JDBC driver (no psql needed):
 * {@code java -cp 'test-support/target/lib/*' deploy/local/CreateDatabases.java directory referral --role referral_app}
 * ({@code --drop NAME} first drops a throwaway database, as bench/run does with its own).
 * A role is created NOLOGIN and granted to the connecting user, as an administrator would before
 * the owning service's migrations run. Connection from PASSERELLE_PG_HOST/PORT/USER/PASSWORD
 * (defaults 127.0.0.1, 5432, postgres, empty).
 */
public final class CreateDatabases {

    public static void main(String[] args) throws Exception {
        String host = env("PASSERELLE_PG_HOST", "127.0.0.1");
        String port = env("PASSERELLE_PG_PORT", "5432");
        Properties props = new Properties();
        props.setProperty("user", env("PASSERELLE_PG_USER", "postgres"));
        props.setProperty("password", env("PASSERELLE_PG_PASSWORD", ""));
        props.setProperty("connectTimeout", "10");
        String url = "jdbc:postgresql://" + host + ":" + port + "/postgres";
        SQLException last = null;
        // A freshly started server may still refuse connections for a moment.
        for (int attempt = 0; attempt < 30; attempt++) {
            try (Connection c = DriverManager.getConnection(url, props)) {
                for (int i = 0; i < args.length; i++) {
                    if (args[i].equals("--drop")) {
                        dropDatabase(c, plainName(args[++i]));
                        continue;
                    }
                    if (args[i].equals("--role")) {
                        createRole(c, plainName(args[++i]));
                        continue;
                    }
                    String db = plainName(args[i]);
                    try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
                        ps.setString(1, db);
                        try (ResultSet rs = ps.executeQuery()) {
                            if (rs.next()) {
                                System.out.println("    database " + db + ": exists");
                                continue;
                            }
                        }
                    }
                    try (Statement st = c.createStatement()) {
                        st.executeUpdate("CREATE DATABASE " + db + " ENCODING 'UTF8' TEMPLATE template0");
                        System.out.println("    database " + db + ": created");
                    } catch (SQLException e) {
                        // 42P04 duplicate_database: created meanwhile by someone else.
                        if (!"42P04".equals(e.getSQLState())) {
                            throw e;
                        }
                        System.out.println("    database " + db + ": exists");
                    }
                }
                return;
            } catch (SQLException e) {
                last = e;
                String state = e.getSQLState() == null ? "" : e.getSQLState();
                // Connection failures (08xxx) and "the database system is starting up" (57P03) are retried.
                if (!state.startsWith("08") && !"57P03".equals(state)) {
                    break;
                }
                Thread.sleep(1000);
            }
        }
        System.err.println("cannot create databases on " + host + ":" + port + ": " + (last == null ? "?" : last.getMessage()));
        System.exit(1);
    }

    /** Drops a database, closing its sessions: only for throwaway ones (bench/run's). */
    private static void dropDatabase(Connection c, String db) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.executeUpdate("DROP DATABASE IF EXISTS " + db + " WITH (FORCE)");
            System.out.println("    database " + db + ": dropped");
        }
    }

    private static void createRole(Connection c, String role) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM pg_roles WHERE rolname = ?")) {
            ps.setString(1, role);
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                    System.out.println("    role " + role + ": exists");
                    return;
                }
            }
        }
        try (Statement st = c.createStatement()) {
            st.executeUpdate("CREATE ROLE " + role + " NOLOGIN");
            st.executeUpdate("GRANT " + role + " TO CURRENT_USER");
            System.out.println("    role " + role + ": created (NOLOGIN, granted to the connecting user)");
        } catch (SQLException e) {
            // 42710 duplicate_object: created meanwhile by someone else.
            if (!"42710".equals(e.getSQLState())) {
                throw e;
            }
            System.out.println("    role " + role + ": exists");
        }
    }

    private static String plainName(String name) {
        if (!name.matches("[a-z_][a-z0-9_]*")) {
            throw new IllegalArgumentException("not a plain name: " + name);
        }
        return name;
    }

    private static String env(String name, String fallback) {
        String v = System.getenv(name);
        return v == null ? fallback : v;
    }
}
