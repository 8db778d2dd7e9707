package fr.passerelle.referral.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
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

    Accounts accounts();

    Webhooks webhooks();

    Deadlines deadlines();

    Web web();

    Metrics metrics();

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

    interface Accounts {
        /** Retry-After sent with 503 when Keycloak cannot say who holds an account (an action that depends on it). */
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

        /** The relay's polling period besides its wake-up after each commit; read by the @Scheduled annotation. */
        @WithDefault("1s")
        String poll();

        /** Events handed to the consumers per transaction. */
        @WithDefault("100")
        int batchSize();

        /** How long dispatched rows stay for investigation before the daily purge. */
        @WithDefault("P7D")
        Duration keepDispatched();
    }

    interface Webhooks {
        /** false stops the delivery worker (deliveries are still queued). */
        @WithDefault("true")
        boolean enabled();

        /** The worker's polling period besides the wake-up after each relay commit (read by the @Scheduled annotation). */
        @WithDefault("1s")
        String poll();

        /**
         * DEV ONLY: lets a subscription target loopback addresses (http or https), for the local stack and tests. Every
         * other private, link-local or reserved address stays refused.
         */
        @WithDefault("false")
        boolean allowInsecureLoopback();

        /**
         * Base64 of 32 bytes: the AES-256 key sealing signing secrets at rest. Without it, creating a subscription
         * answers 503 and nothing is delivered.
         */
        Optional<String> secretKey();

        /** Waits after the 1st, 2nd… failed attempt; the last one repeats until {@link #giveUpAfter()}. */
        @WithDefault("5s,10s,30s,1m,2m,5m,10m,30m,1h,2h,4h,8h")
        List<Duration> backoff();

        /** A delivery still failing this long after its first attempt disables its subscription. */
        @WithDefault("PT24H")
        Duration giveUpAfter();

        @WithDefault("2s")
        Duration connectTimeout();

        /** Whole request, answer included. */
        @WithDefault("5s")
        Duration requestTimeout();

        /** How long a claimed delivery stays reserved to the instance sending it (then another may retry it). */
        @WithDefault("30s")
        Duration lease();

        /** Deliveries sent at once by one instance (at most one per subscription and referral). */
        @WithDefault("8")
        int concurrency();

        /** Delivered rows (and their attempts) kept for the deliveries log, then purged daily. */
        @WithDefault("P30D")
        Duration keepDelivered();
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

    interface Web {
        /** The web application's address, for links in e-mails ({@code <baseUrl>/orientations/<id>}). */
        @WithDefault("http://localhost:8080")
        String baseUrl();
    }

    interface Metrics {
        /** How often the business gauges (service/BacklogGauges) count from the database; read by @Scheduled. */
        @WithDefault("60s")
        String refresh();
    }
}
