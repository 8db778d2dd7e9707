package fr.passerelle.referral.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Map;
import java.util.OptionalInt;

/** The service's own settings (application.properties, prefix {@code referral}). */
@ConfigMapping(prefix = "referral")
public interface ReferralConfig {

    Retention retention();

    Idempotency idempotency();

    Directory directory();

    Limits limits();

    Outbox outbox();

    Deadlines deadlines();

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

        /** Events handed to the consumers per transaction. */
        @WithDefault("100")
        int batchSize();

        /** The relay's polling period besides the wake-up after each commit (read by the @Scheduled annotation). */
        @WithDefault("1s")
        String poll();

        /** How long dispatched rows stay for investigation before the daily purge. */
        @WithDefault("P7D")
        Duration keepDispatched();
    }

    /**
     * Referral deadlines (domain/DeadlinePolicy): defaults, and per-platform overrides keyed by the platform's id,
     * e.g. {@code referral.deadlines.platforms."c1d2e3f4-…".receipt-working-days=3}. The platform is the referral's
     * triage platform (the target itself for a platform target). A change applies to transitions made after it;
     * clearing {@code referral.deadline_stage} of waiting referrals makes the job stamp them again.
     */
    interface Deadlines {
        /** SUBMITTED → RECEIVED, in working days. */
        @WithDefault("5")
        int receiptWorkingDays();

        /** RECEIVED → accepted, waitlisted, declined or redirected, in working days. */
        @WithDefault("10")
        int decisionWorkingDays();

        /** WAITLISTED: reviewed every so many calendar days. */
        @WithDefault("30")
        int waitlistReviewDays();

        /** ACCEPTED → IN_PROGRESS, in calendar days. */
        @WithDefault("30")
        int startDays();

        Map<String, PlatformDeadlines> platforms();

        /** How often the overdue and training-obligation job runs (a duration such as 5m, or "off"). */
        @WithDefault("5m")
        String every();

        /** Rows handled per transaction by the job. */
        @WithDefault("200")
        int batchSize();

        /** A LEFT_SCHOOL case of a 16-17-year-old with no referral accepted or in progress alerts after this many days. */
        @WithDefault("60")
        int trainingAlertAfterDays();
    }

    /** One platform's overrides; what is not given falls back to the defaults. */
    interface PlatformDeadlines {
        OptionalInt receiptWorkingDays();

        OptionalInt decisionWorkingDays();

        OptionalInt waitlistReviewDays();

        OptionalInt startDays();
    }
}
