package fr.passerelle.referral.support;

import fr.passerelle.testing.PostgresTestResource;
import java.util.HashMap;
import java.util.Map;

/**
 * The shared {@link PostgresTestResource}, also publishing the superuser JDBC URL as a system property so that
 * test helpers can check the database directly whatever class loader they run in.
 */
public class ReferralDatabase extends PostgresTestResource {

    public static final String URL_PROPERTY = "referral-tests.db.url";

    @Override
    public Map<String, String> start() {
        Map<String, String> config = new HashMap<>(super.start());
        // The superuser URL (test-support has named its key both ways): Flyway migrates with it (see %test config).
        String url = config.getOrDefault("passerelle-test.db.url", config.get("passerelle.test.db.url"));
        System.setProperty(URL_PROPERTY, url);
        config.put(URL_PROPERTY, url);
        return config;
    }
}
