package fr.passerelle.referral.domain;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.Set;
import java.util.TreeSet;

/**
 * French working days: Monday to Friday, less the eleven national public holidays (fixed ones and the three that
 * follow Easter, which is computed). Alsace-Moselle's two local days (Good Friday, 26 December) are not national and
 * are not excluded: a deadline counted on them is at most one day shorter there.
 */
public final class WorkingDays {

    private static final Set<MonthDay> FIXED = Set.of(
            MonthDay.of(1, 1), MonthDay.of(5, 1), MonthDay.of(5, 8), MonthDay.of(7, 14),
            MonthDay.of(8, 15), MonthDay.of(11, 1), MonthDay.of(11, 11), MonthDay.of(12, 25));

    private WorkingDays() {
    }

    /** Easter Sunday of a Gregorian year (the anonymous Gregorian algorithm, "Meeus/Jones/Butcher"). */
    public static LocalDate easter(int year) {
        int a = year % 19;
        int b = year / 100;
        int c = year % 100;
        int d = b / 4;
        int e = b % 4;
        int f = (b + 8) / 25;
        int g = (b - f + 1) / 3;
        int h = (19 * a + b - d - g + 15) % 30;
        int i = c / 4;
        int k = c % 4;
        int l = (32 + 2 * e + 2 * i - h - k) % 7;
        int m = (a + 11 * h + 22 * l) / 451;
        int month = (h + l - 7 * m + 114) / 31;
        int day = (h + l - 7 * m + 114) % 31 + 1;
        return LocalDate.of(year, month, day);
    }

    /**
     * The dates of the national public holidays of a year, in date order: eleven holidays, on ten dates in the years
     * Ascension falls on 1 May (2008) or 8 May (1902).
     */
    public static Set<LocalDate> publicHolidays(int year) {
        Set<LocalDate> days = new TreeSet<>();
        for (MonthDay md : FIXED) {
            days.add(md.atYear(year));
        }
        LocalDate easter = easter(year);
        days.add(easter.plusDays(1));   // Easter Monday
        days.add(easter.plusDays(39));  // Ascension
        days.add(easter.plusDays(50));  // Whit Monday
        return days;
    }

    public static boolean isPublicHoliday(LocalDate date) {
        if (FIXED.contains(MonthDay.from(date))) {
            return true;
        }
        long fromEaster = date.toEpochDay() - easter(date.getYear()).toEpochDay();
        return fromEaster == 1 || fromEaster == 39 || fromEaster == 50;
    }

    public static boolean isWorkingDay(LocalDate date) {
        DayOfWeek dow = date.getDayOfWeek();
        return dow != DayOfWeek.SATURDAY && dow != DayOfWeek.SUNDAY && !isPublicHoliday(date);
    }

    /**
     * The {@code n}-th working day strictly after {@code date} ({@code date} itself never counts, whatever it is);
     * {@code n = 0} gives {@code date}.
     */
    public static LocalDate addWorkingDays(LocalDate date, int n) {
        if (n < 0) {
            throw new IllegalArgumentException("n must be >= 0");
        }
        LocalDate d = date;
        int left = n;
        while (left > 0) {
            d = d.plusDays(1);
            if (isWorkingDay(d)) {
                left--;
            }
        }
        return d;
    }

    /** Working days in (from, to]: how many {@link #addWorkingDays} steps lie between two dates. */
    public static int workingDaysBetween(LocalDate from, LocalDate to) {
        int count = 0;
        for (LocalDate d = from.plusDays(1); !d.isAfter(to); d = d.plusDays(1)) {
            if (isWorkingDay(d)) {
                count++;
            }
        }
        return count;
    }
}
