package fr.passerelle.web.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.net.URI;
import java.time.Duration;

/** The web application's own settings (prefix {@code web}). */
@ConfigMapping(prefix = "web")
public interface WebConfig {

    /** The public API (the gateway): every page reads and writes through it, with the user's own token. */
    URI apiUrl();

    /** How long one API call may take before the page says the service is unavailable. */
    @WithDefault("15s")
    Duration apiTimeout();

    /** Server-side session store (tokens never leave the server). */
    Sessions sessions();

    interface Sessions {
        /** Sessions kept at most; the oldest goes first beyond it. */
        @WithDefault("5000")
        int maxEntries();

        /** A session unused for this long is forgotten (the user logs in again). */
        @WithDefault("8h")
        Duration maxIdle();
    }
}
