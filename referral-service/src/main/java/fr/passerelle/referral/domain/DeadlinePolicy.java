package fr.passerelle.referral.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Optional;
import java.util.UUID;

/**
 * The one rule for referral deadlines (DESIGN.md, "Events, notifications and deadlines"):
 * <pre>
 * state       stage            counted from                              default
 * SUBMITTED   RECEIPT          submittedAt                               5 working days
 * RECEIVED    DECISION         receivedAt                                10 working days
 * WAITLISTED  WAITLIST_REVIEW  waitlistedAt, or the last review since   30 calendar days
 * ACCEPTED    START            acceptedAt                                30 calendar days
 * </pre>
 * Days are French (Europe/Paris) dates; the day of entry never counts; working days skip weekends and national
 * public holidays ({@link WorkingDays}). The deadline is the end of the computed day, 23:59:59 Paris time: a
 * referral is overdue from the next midnight. Other states have no deadline.
 */
public final class DeadlinePolicy {

    public static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final LocalTime END_OF_DAY = LocalTime.of(23, 59, 59);

    /** The delays of one platform. */
    public record Rules(int receiptWorkingDays, int decisionWorkingDays, int waitlistReviewDays, int startDays) {
        public static final Rules DEFAULT = new Rules(5, 10, 30, 30);

        public Rules {
            if (receiptWorkingDays < 0 || decisionWorkingDays < 0 || waitlistReviewDays < 0 || startDays < 0) {
                throw new IllegalArgumentException("deadline delays cannot be negative");
            }
        }
    }

    /** The running deadline: its stage, when the wait began, and when it ends. */
    public record Deadline(DeadlineStage stage, Instant since, Instant dueAt) {
        public boolean overdue(Instant now) {
            return DeadlinePolicy.overdue(dueAt, now);
        }

        public Instant overdueSince() {
            return DeadlinePolicy.overdueSince(dueAt);
        }
    }

    private DeadlinePolicy() {
    }

    /** The platform whose delays apply, and whose coordinator an overdue referral escalates to. */
    public static UUID platformOf(Referral r) {
        if (r.triagePlatformId != null) {
            return r.triagePlatformId;
        }
        return r.targetType == TargetType.PLATFORM ? r.targetId : null;
    }

    /** The deadline of a referral in its current state, if that state has one. */
    public static Optional<Deadline> of(Referral r, Instant lastWaitlistReview, Rules rules) {
        if (r.status == null) {
            return Optional.empty();
        }
        return switch (r.status) {
            case SUBMITTED -> working(DeadlineStage.RECEIPT, r.submittedAt, rules.receiptWorkingDays());
            case RECEIVED -> working(DeadlineStage.DECISION, r.receivedAt, rules.decisionWorkingDays());
            case WAITLISTED -> calendar(DeadlineStage.WAITLIST_REVIEW, latest(r.waitlistedAt, lastWaitlistReview),
                    rules.waitlistReviewDays());
            case ACCEPTED -> calendar(DeadlineStage.START, r.acceptedAt, rules.startDays());
            default -> Optional.empty();
        };
    }

    public static boolean overdue(Instant dueAt, Instant now) {
        return dueAt != null && now.isAfter(dueAt);
    }

    /** The first instant at which a referral due at {@code dueAt} is overdue (the next midnight, Paris). */
    public static Instant overdueSince(Instant dueAt) {
        return dueAt.plusSeconds(1);
    }

    /** 23:59:59 Paris time on that date. */
    public static Instant endOfDay(LocalDate date) {
        return date.atTime(END_OF_DAY).atZone(PARIS).toInstant();
    }

    /** The deadline table as Markdown, for the OpenAPI description. */
    public static String markdownTable(Rules rules) {
        return "| state | stage | counted from | delay |\n|---|---|---|---|\n"
                + "| SUBMITTED | RECEIPT (received) | submittedAt | " + rules.receiptWorkingDays() + " working days |\n"
                + "| RECEIVED | DECISION (accepted, waitlisted, declined or redirected) | receivedAt | "
                + rules.decisionWorkingDays() + " working days |\n"
                + "| WAITLISTED | WAITLIST_REVIEW | waitlistedAt or the last review | " + rules.waitlistReviewDays()
                + " calendar days |\n"
                + "| ACCEPTED | START (started) | acceptedAt | " + rules.startDays() + " calendar days |\n";
    }

    private static Optional<Deadline> working(DeadlineStage stage, Instant since, int days) {
        if (since == null) {
            return Optional.empty();
        }
        LocalDate due = WorkingDays.addWorkingDays(since.atZone(PARIS).toLocalDate(), days);
        return Optional.of(new Deadline(stage, since, endOfDay(due)));
    }

    private static Optional<Deadline> calendar(DeadlineStage stage, Instant since, int days) {
        if (since == null) {
            return Optional.empty();
        }
        LocalDate due = since.atZone(PARIS).toLocalDate().plusDays(days);
        return Optional.of(new Deadline(stage, since, endOfDay(due)));
    }

    private static Instant latest(Instant a, Instant b) {
        if (a == null) {
            return b;
        }
        return b == null || a.isAfter(b) ? a : b;
    }
}
