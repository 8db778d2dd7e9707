package fr.passerelle.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.HashMap;
import java.util.Map;

/**
 * Points a {@code @QuarkusTest} at a fresh real PostgreSQL database (embedded unless
 * {@code PASSERELLE_TEST_DB_URL} is set). Exposes {@code passerelle-test.db.url} too, for tests
 * that check the database directly.
 */
public class PostgresTestResource implements QuarkusTestResourceLifecycleManager {

    private TestDatabases.Created database;
    private String prefix = "passerelle_test";

    @Override
    public void init(Map<String, String> initArgs) {
        prefix = initArgs.getOrDefault("prefix", prefix);
    }

    @Override
    public Map<String, String> start() {
        database = TestDatabases.create(prefix);
        Map<String, String> config = new HashMap<>();
        String url = database.url();
        config.put("quarkus.datasource.jdbc.url", stripCredentials(url));
        config.put("quarkus.datasource.username", param(url, "user", "postgres"));
        config.put("quarkus.datasource.password", param(url, "password", ""));
        config.put("passerelle-test.db.url", url);
        return config;
    }

    @Override
    public void stop() {
        if (database != null) {
            TestDatabases.drop(database);
        }
    }

    static String stripCredentials(String url) {
        int q = url.indexOf('?');
        if (q < 0) {
            return url;
        }
        StringBuilder kept = new StringBuilder();
        for (String kv : url.substring(q + 1).split("&")) {
            if (kv.startsWith("user=") || kv.startsWith("password=") || kv.isEmpty()) {
                continue;
            }
            kept.append(kept.length() == 0 ? "?" : "&").append(kv);
        }
        return url.substring(0, q) + kept;
    }

    static String param(String url, String name, String fallback) {
        int q = url.indexOf('?');
        if (q >= 0) {
            for (String kv : url.substring(q + 1).split("&")) {
                if (kv.startsWith(name + "=")) {
                    return java.net.URLDecoder.decode(kv.substring(name.length() + 1), java.nio.charset.StandardCharsets.UTF_8);
                }
            }
        }
        String env = System.getenv("PASSERELLE_TEST_DB_" + name.toUpperCase());
        return env != null ? env : fallback;
    }
}
