package fr.passerelle.referral.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/** The French working-day calendar over three centuries, against a second Easter algorithm (Gauss's) as oracle. */
class WorkingDaysTest {

    private static final LocalDate FIRST = LocalDate.of(1900, 1, 1);
    private static final LocalDate LAST = LocalDate.of(2200, 12, 31);

    @Provide
    Arbitrary<LocalDate> dates() {
        return Arbitraries.longs().between(FIRST.toEpochDay(), LAST.toEpochDay()).map(LocalDate::ofEpochDay);
    }

    /** Gauss's Easter algorithm with its two exceptions: written independently of the one under test. */
    static LocalDate gaussEaster(int year) {
        int a = year % 19;
        int b = year % 4;
        int c = year % 7;
        int k = year / 100;
        int p = (13 + 8 * k) / 25;
        int q = k / 4;
        int m = (15 - p + k - q) % 30;
        int n = (4 + k - q) % 7;
        int d = (19 * a + m) % 30;
        int e = (2 * b + 4 * c + 6 * d + n) % 7;
        if (d == 29 && e == 6) {
            return LocalDate.of(year, 4, 19);
        }
        if (d == 28 && e == 6 && (11 * m + 11) % 30 < 19) {
            return LocalDate.of(year, 4, 18);
        }
        return LocalDate.of(year, 3, 22).plusDays(d + e);
    }

    @Example
    void knownEasterDates() {
        assertEquals(LocalDate.of(2024, 3, 31), WorkingDays.easter(2024));
        assertEquals(LocalDate.of(2025, 4, 20), WorkingDays.easter(2025));
        assertEquals(LocalDate.of(2026, 4, 5), WorkingDays.easter(2026));
        assertEquals(LocalDate.of(2027, 3, 28), WorkingDays.easter(2027));
        assertEquals(LocalDate.of(2038, 4, 25), WorkingDays.easter(2038), "the latest possible date");
        assertEquals(LocalDate.of(1943, 4, 25), WorkingDays.easter(1943));
        assertEquals(LocalDate.of(2008, 3, 23), WorkingDays.easter(2008));
        assertEquals(LocalDate.of(2000, 4, 23), WorkingDays.easter(2000));
        assertEquals(LocalDate.of(1818, 3, 22), WorkingDays.easter(1818), "the earliest possible date");
        assertEquals(LocalDate.of(2285, 3, 22), WorkingDays.easter(2285));
    }

    @Example
    void everyEasterFrom1900To2200IsASundayBetween22MarchAnd25AprilAndAgreesWithGauss() {
        for (int year = FIRST.getYear(); year <= LAST.getYear(); year++) {
            LocalDate easter = WorkingDays.easter(year);
            assertEquals(DayOfWeek.SUNDAY, easter.getDayOfWeek(), "Easter " + year);
            assertFalse(easter.isBefore(LocalDate.of(year, 3, 22)), "Easter " + year);
            assertFalse(easter.isAfter(LocalDate.of(year, 4, 25)), "Easter " + year);
            assertEquals(gaussEaster(year), easter, "Easter " + year);
        }
    }

    @Example
    void ascensionSometimesFallsOnMayDayOrVictoryDay() {
        assertEquals(LocalDate.of(2008, 5, 1), WorkingDays.easter(2008).plusDays(39));
        assertEquals(10, WorkingDays.publicHolidays(2008).size());
        assertEquals(LocalDate.of(1902, 5, 8), WorkingDays.easter(1902).plusDays(39));
        assertEquals(10, WorkingDays.publicHolidays(1902).size());
    }

    @Example
    void theHolidaysOf2026() {
        assertEquals(List.of("2026-01-01", "2026-04-06", "2026-05-01", "2026-05-08", "2026-05-14", "2026-05-25",
                        "2026-07-14", "2026-08-15", "2026-11-01", "2026-11-11", "2026-12-25"),
                WorkingDays.publicHolidays(2026).stream().map(LocalDate::toString).toList());
    }

    @Property
    void everyYearHasElevenHolidaysAndTheDayByDayRuleAgreesWithTheList(@ForAll @IntRange(min = 1900, max = 2200) int year) {
        Set<LocalDate> holidays = WorkingDays.publicHolidays(year);
        LocalDate easter = gaussEaster(year);
        LocalDate ascension = easter.plusDays(39);
        boolean ascensionOnMayHoliday = ascension.equals(LocalDate.of(year, 5, 1)) || ascension.equals(LocalDate.of(year, 5, 8));
        assertEquals(ascensionOnMayHoliday ? 10 : 11, holidays.size(),
                "11 holidays in " + year + ", on 10 days when Ascension falls on 1 or 8 May");
        Set<LocalDate> expected = new TreeSet<>(List.of(easter.plusDays(1), easter.plusDays(39), easter.plusDays(50)));
        for (MonthDay md : List.of(MonthDay.of(1, 1), MonthDay.of(5, 1), MonthDay.of(5, 8), MonthDay.of(7, 14), MonthDay.of(8, 15),
                MonthDay.of(11, 1), MonthDay.of(11, 11), MonthDay.of(12, 25))) {
            expected.add(md.atYear(year));
        }
        assertEquals(expected, holidays);
        assertEquals(DayOfWeek.MONDAY, easter.plusDays(1).getDayOfWeek());
        assertEquals(DayOfWeek.THURSDAY, easter.plusDays(39).getDayOfWeek(), "Ascension");
        assertEquals(DayOfWeek.MONDAY, easter.plusDays(50).getDayOfWeek(), "Whit Monday");
        for (LocalDate d = LocalDate.of(year, 1, 1); d.getYear() == year; d = d.plusDays(1)) {
            assertEquals(expected.contains(d), WorkingDays.isPublicHoliday(d), d.toString());
            boolean weekend = d.getDayOfWeek() == DayOfWeek.SATURDAY || d.getDayOfWeek() == DayOfWeek.SUNDAY;
            assertEquals(!weekend && !expected.contains(d), WorkingDays.isWorkingDay(d), d.toString());
        }
    }

    @Property
    void addingWorkingDaysLandsOnAWorkingDayWithExactlyNWorkingDaysInBetween(@ForAll("dates") LocalDate from,
                                                                             @ForAll @IntRange(min = 1, max = 60) int n) {
        LocalDate due = WorkingDays.addWorkingDays(from, n);
        assertTrue(WorkingDays.isWorkingDay(due), due + " is a working day");
        assertTrue(due.isAfter(from));
        assertEquals(n, WorkingDays.workingDaysBetween(from, due), "n working days in (from, due]");
        assertEquals(n - 1, WorkingDays.workingDaysBetween(from, due.minusDays(1)), "and not one day earlier");
        // Every day skipped on the way is a weekend day or a public holiday.
        long skipped = 0;
        for (LocalDate d = from.plusDays(1); d.isBefore(due); d = d.plusDays(1)) {
            if (!WorkingDays.isWorkingDay(d)) {
                skipped++;
            }
        }
        assertEquals(n + skipped, due.toEpochDay() - from.toEpochDay());
    }

    @Property
    void addingWorkingDaysIsStrictlyMonotonicAndAdditive(@ForAll("dates") LocalDate from,
                                                         @ForAll @IntRange(min = 0, max = 40) int a,
                                                         @ForAll @IntRange(min = 0, max = 40) int b) {
        LocalDate da = WorkingDays.addWorkingDays(from, a);
        assertTrue(WorkingDays.addWorkingDays(from, a + 1).isAfter(da), "n + 1 lands later than n");
        assertEquals(WorkingDays.addWorkingDays(from, a + b), WorkingDays.addWorkingDays(da, b), "a then b = a + b");
    }

    @Property
    void aLaterStartNeverGivesAnEarlierDueDate(@ForAll("dates") LocalDate from, @ForAll @IntRange(min = 1, max = 10) int later,
                                               @ForAll @IntRange(min = 0, max = 30) int n) {
        assertFalse(WorkingDays.addWorkingDays(from.plusDays(later), n).isBefore(WorkingDays.addWorkingDays(from, n)));
    }

    @Example
    void zeroWorkingDaysIsTheSameDayAndNegativeIsRefused() {
        assertEquals(LocalDate.of(2026, 5, 1), WorkingDays.addWorkingDays(LocalDate.of(2026, 5, 1), 0));
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> WorkingDays.addWorkingDays(LocalDate.of(2026, 5, 1), -1));
    }

    @Example
    void mayBridgesOf2026() {
        // Thursday 30 April: Friday 1 May and Friday 8 May are holidays.
        assertEquals(LocalDate.of(2026, 5, 11), WorkingDays.addWorkingDays(LocalDate.of(2026, 4, 30), 5));
        // Friday 1 May itself (a holiday) does not count as the day of entry either way.
        assertEquals(LocalDate.of(2026, 5, 11), WorkingDays.addWorkingDays(LocalDate.of(2026, 5, 1), 5));
        // Ascension (Thursday 14 May) and Whit Monday (25 May).
        assertEquals(LocalDate.of(2026, 5, 26), WorkingDays.addWorkingDays(LocalDate.of(2026, 5, 13), 7));
        // Christmas and New Year 2026: Friday 25 December and Friday 1 January.
        assertEquals(LocalDate.of(2027, 1, 4), WorkingDays.addWorkingDays(LocalDate.of(2026, 12, 24), 5));
    }
}
