package fr.passerelle.referral.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.EnumSet;
import java.util.Optional;
import java.util.UUID;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** The deadline table (DESIGN.md) and the training-obligation age band. */
class DeadlinePolicyTest {

    private static final DeadlinePolicy.Rules DEFAULT = DeadlinePolicy.Rules.DEFAULT;

    static Instant paris(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(DeadlinePolicy.PARIS).toInstant();
    }

    static Referral referral(ReferralStatus status, Instant since) {
        Referral r = new Referral();
        r.status = status;
        r.submittedAt = since;
        r.receivedAt = since;
        r.waitlistedAt = since;
        r.acceptedAt = since;
        return r;
    }

    @Example
    void submittedOnTheEveOfMayDayIsDueAtTheEndOfTheFifthWorkingDay() {
        // Friday 1 May 2026 (holiday), 20:00: Mon 4, Tue 5, Wed 6, Thu 7, (Fri 8 May holiday), Mon 11.
        DeadlinePolicy.Deadline d = DeadlinePolicy.of(referral(ReferralStatus.SUBMITTED, paris("2026-05-01T20:00")), null, DEFAULT)
                .orElseThrow();
        assertEquals(DeadlineStage.RECEIPT, d.stage());
        assertEquals(paris("2026-05-11T23:59:59"), d.dueAt());
        assertEquals(Instant.parse("2026-05-11T21:59:59Z"), d.dueAt(), "summer time: UTC+2");
        assertFalse(d.overdue(paris("2026-05-11T23:59:59")));
        assertTrue(d.overdue(paris("2026-05-12T00:00:00")));
        assertEquals(paris("2026-05-12T00:00:00"), d.overdueSince());
    }

    @Example
    void receivedIsDueTenWorkingDaysLaterInWinterTime() {
        DeadlinePolicy.Deadline d = DeadlinePolicy.of(referral(ReferralStatus.RECEIVED, paris("2026-11-30T10:00")), null, DEFAULT)
                .orElseThrow();
        assertEquals(DeadlineStage.DECISION, d.stage());
        assertEquals(Instant.parse("2026-12-14T22:59:59Z"), d.dueAt());
    }

    @Example
    void waitlistAndStartCountCalendarDays() {
        Referral waitlisted = referral(ReferralStatus.WAITLISTED, paris("2026-12-20T09:00"));
        assertEquals(paris("2027-01-19T23:59:59"), DeadlinePolicy.of(waitlisted, null, DEFAULT).orElseThrow().dueAt());
        // A review restarts the 30 days; an older review than the waitlisting does not.
        assertEquals(paris("2027-02-14T23:59:59"),
                DeadlinePolicy.of(waitlisted, paris("2027-01-15T16:00"), DEFAULT).orElseThrow().dueAt());
        assertEquals(paris("2027-01-19T23:59:59"),
                DeadlinePolicy.of(waitlisted, paris("2026-12-01T16:00"), DEFAULT).orElseThrow().dueAt());
        assertEquals(DeadlineStage.WAITLIST_REVIEW, DeadlinePolicy.of(waitlisted, null, DEFAULT).orElseThrow().stage());

        DeadlinePolicy.Deadline start = DeadlinePolicy.of(referral(ReferralStatus.ACCEPTED, paris("2026-12-01T23:30")), null, DEFAULT)
                .orElseThrow();
        assertEquals(DeadlineStage.START, start.stage());
        assertEquals(paris("2026-12-31T23:59:59"), start.dueAt(), "the Paris date of acceptance counts, not the UTC one");
    }

    @Example
    void platformRulesApply() {
        DeadlinePolicy.Rules fast = new DeadlinePolicy.Rules(2, 3, 7, 10);
        assertEquals(paris("2026-12-01T23:59:59"),
                DeadlinePolicy.of(referral(ReferralStatus.SUBMITTED, paris("2026-11-28T10:00")), null, fast).orElseThrow().dueAt(),
                "Saturday + 2 working days = Tuesday");
        assertThrows(IllegalArgumentException.class, () -> new DeadlinePolicy.Rules(-1, 10, 30, 30));
    }

    @Example
    void statesWithoutADeadline() {
        for (ReferralStatus s : EnumSet.complementOf(EnumSet.of(ReferralStatus.SUBMITTED, ReferralStatus.RECEIVED,
                ReferralStatus.WAITLISTED, ReferralStatus.ACCEPTED))) {
            assertEquals(Optional.empty(), DeadlinePolicy.of(referral(s, paris("2026-11-30T10:00")), null, DEFAULT), s.name());
        }
        assertEquals(Optional.empty(), DeadlinePolicy.of(referral(ReferralStatus.SUBMITTED, null), null, DEFAULT));
        assertFalse(DeadlinePolicy.overdue(null, Instant.now()));
    }

    @Example
    void theEscalationPlatformIsTheTriagePlatformOrThePlatformTarget() {
        Referral r = new Referral();
        UUID platform = UUID.randomUUID();
        r.targetType = TargetType.PLATFORM;
        r.targetId = platform;
        assertEquals(platform, DeadlinePolicy.platformOf(r));
        r.targetType = TargetType.PROGRAMME;
        r.targetId = UUID.randomUUID();
        assertEquals(null, DeadlinePolicy.platformOf(r));
        r.triagePlatformId = platform;
        assertEquals(platform, DeadlinePolicy.platformOf(r));
    }

    @Provide
    Arbitrary<Instant> instants() {
        return Arbitraries.longs().between(paris("1990-01-01T00:00").getEpochSecond(), paris("2150-01-01T00:00").getEpochSecond())
                .map(Instant::ofEpochSecond);
    }

    @Property
    void theDeadlineIsTheEndOfAParisDayAfterEntryAndLaterEntryNeverEndsEarlier(@ForAll("instants") Instant since,
                                                                              @ForAll("instants") Instant other) {
        for (ReferralStatus s : EnumSet.of(ReferralStatus.SUBMITTED, ReferralStatus.RECEIVED, ReferralStatus.WAITLISTED,
                ReferralStatus.ACCEPTED)) {
            Instant due = DeadlinePolicy.of(referral(s, since), null, DEFAULT).orElseThrow().dueAt();
            assertEquals(LocalTime.of(23, 59, 59), due.atZone(DeadlinePolicy.PARIS).toLocalTime());
            assertTrue(due.atZone(DeadlinePolicy.PARIS).toLocalDate().isAfter(since.atZone(DeadlinePolicy.PARIS).toLocalDate()));
            if (s == ReferralStatus.SUBMITTED || s == ReferralStatus.RECEIVED) {
                assertTrue(WorkingDays.isWorkingDay(due.atZone(DeadlinePolicy.PARIS).toLocalDate()));
            }
            Instant dueOther = DeadlinePolicy.of(referral(s, other), null, DEFAULT).orElseThrow().dueAt();
            if (other.isAfter(since)) {
                assertFalse(dueOther.isBefore(due));
            }
        }
    }

    @Provide
    Arbitrary<LocalDate> days() {
        return Arbitraries.longs().between(LocalDate.of(1950, 1, 1).toEpochDay(), LocalDate.of(2150, 12, 31).toEpochDay())
                .map(LocalDate::ofEpochDay);
    }

    @Property
    void theTrainingObligationBoundsUsedInSqlAgreeWithTheAgeRule(@ForAll("days") LocalDate today,
                                                                @ForAll("ageInDays") int ageInDays) {
        LocalDate born = today.minusDays(ageInDays);
        boolean byBounds = born.isAfter(TrainingObligation.bornAfter(today)) && !born.isAfter(TrainingObligation.bornOnOrBefore(today));
        assertEquals(TrainingObligation.covers(born, today), byBounds, born + " on " + today);
    }

    @Provide
    Arbitrary<Integer> ageInDays() {
        // Mostly around the 16th and 18th birthdays (leap days included), some anywhere in 0-25 years.
        return Arbitraries.oneOf(Arbitraries.integers().between(16 * 365 - 3, 16 * 365 + 6),
                Arbitraries.integers().between(18 * 365 - 3, 18 * 365 + 7), Arbitraries.integers().between(0, 25 * 366));
    }

    @Example
    void trainingObligationRunsFromTheSixteenthToTheEighteenthBirthday() {
        LocalDate today = LocalDate.of(2026, 11, 29);
        assertFalse(TrainingObligation.covers(LocalDate.of(2010, 11, 30), today), "15, sixteen tomorrow");
        assertTrue(TrainingObligation.covers(LocalDate.of(2010, 11, 29), today), "sixteen today");
        assertTrue(TrainingObligation.covers(LocalDate.of(2008, 11, 30), today), "17, eighteen tomorrow");
        assertFalse(TrainingObligation.covers(LocalDate.of(2008, 11, 29), today), "eighteen today");
        assertFalse(TrainingObligation.covers(LocalDate.of(2008, 2, 29), LocalDate.of(2024, 2, 28)), "leap-day birth: 16 on 29 Feb");
        assertTrue(TrainingObligation.covers(LocalDate.of(2008, 2, 29), LocalDate.of(2024, 2, 29)));
    }
}
