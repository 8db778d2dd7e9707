package fr.passerelle.referral.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** The service's own settings (application.properties, prefix {@code referral}). */
@ConfigMapping(prefix = "referral")
public interface ReferralConfig {

    Retention retention();

    Idempotency idempotency();

    Directory directory();

    Limits limits();

    Outbox outbox();

    Web web();

    interface Retention {
        /** How long a closed case keeps its personal data. */
        @WithDefault("P365D")
        Duration closedCasePeriod();

        /** When the job runs (Quartz-style cron, or "off"). Read by the @Scheduled annotation. */
        String cron();

        /** Cases anonymised per transaction. */
        @WithDefault("200")
        int batchSize();
    }

    interface Idempotency {
        @WithDefault("PT24H")
        Duration ttl();

        /** An in-flight claim older than this is considered abandoned (its request died). */
        @WithDefault("PT2M")
        Duration abandonedAfter();
    }

    interface Directory {
        /** Retry-After sent with 503 when the directory cannot confirm a target. */
        @WithDefault("10")
        int retryAfterSeconds();
    }

    interface Limits {
        @WithDefault("65536")
        long maxBodyBytes();
    }

    interface Outbox {
        /** false stops the relay (tests that inspect pending rows); events are still written. */
        @WithDefault("true")
        boolean enabled();

        /** Period of the relay's pass besides its wake-ups (read by the @Scheduled annotation). */
        @WithDefault("1s")
        String poll();

        /** Events handed to the consumers per transaction. */
        @WithDefault("100")
        int batchSize();

        /** How long dispatched rows stay for investigation before the daily purge. */
        @WithDefault("P7D")
        Duration keepDispatched();
    }

    interface Web {
        /** The web application's address, for links in e-mails ({@code <baseUrl>/orientations/<id>}). */
        @WithDefault("http://localhost:8080")
        String baseUrl();
    }
}
