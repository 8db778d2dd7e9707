package fr.passerelle.referral.domain;

import fr.passerelle.common.codes.Labelled;
import java.time.Instant;
import java.time.LocalDate;

/**
 * When the organisation that completed a referral records the young person's situation again (E2C follows its young
 * people for 12 months). Due from the same Paris date, 6 or 12 months after completion.
 */
public enum OutcomeMilestone implements Labelled {
    SIX_MONTHS("À 6 mois", 6),
    TWELVE_MONTHS("À 12 mois", 12);

    private final String label;
    private final int months;

    OutcomeMilestone(String label, int months) {
        this.label = label;
        this.months = months;
    }

    @Override
    public String label() {
        return label;
    }

    /** The first day the situation may be recorded. */
    public LocalDate dueOn(Instant completedAt) {
        return completedAt.atZone(DeadlinePolicy.PARIS).toLocalDate().plusMonths(months);
    }

    /** The milestone due on {@code today} and not recorded yet, the earliest first; null when none. */
    public static OutcomeMilestone due(Referral r, LocalDate today) {
        if (r.status != ReferralStatus.COMPLETED || r.completedAt == null) {
            return null;
        }
        for (OutcomeMilestone m : values()) {
            if (r.followUpSituation(m) == null && !today.isBefore(m.dueOn(r.completedAt))) {
                return m;
            }
        }
        return null;
    }
}
