package fr.passerelle.referral.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/**
 * E-mail notifications (prefix {@code referral.mail}; the links' base is {@code referral.web.base-url}). The SMTP server, the sender address and TLS are Quarkus
 * Mailer's own settings ({@code quarkus.mailer.*}, from SMTP_HOST, SMTP_PORT… in application.properties).
 */
@ConfigMapping(prefix = "referral.mail")
public interface MailConfig {

    /**
     * false: this instance neither sends nor runs the digest; it still queues (another instance sends). Instances of
     * one database share the queue, so a deployment names which instances send.
     */
    @WithDefault("true")
    boolean enabled();

    /** How often the worker looks for due messages besides its wake-ups (read by the @Scheduled annotation). */
    @WithDefault("1s")
    String poll();

    /** Messages sent per pass of the worker (each in its own transaction). */
    @WithDefault("50")
    int batchSize();

    /** Longest wait for the SMTP server to take one message. */
    @WithDefault("PT20S")
    Duration sendTimeout();

    Retry retry();

    Digest digest();

    /** How long sent (or abandoned) messages stay for investigation before the daily purge. */
    @WithDefault("P30D")
    Duration keep();

    interface Retry {
        /** Wait after the first failure; doubled at each further failure, up to {@link #max()}. */
        @WithDefault("PT10S")
        Duration initial();

        @WithDefault("PT15M")
        Duration max();

        /** A message still not sent this long after it was queued is abandoned (FAILED). */
        @WithDefault("PT24H")
        Duration giveUpAfter();
    }

    interface Digest {
        /** When the daily digest is sent (Quartz cron, Europe/Paris; "off" disables it). Read by the @Scheduled annotation. */
        @WithDefault("0 0 17 * * ?")
        String cron();
    }
}
