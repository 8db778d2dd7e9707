package fr.passerelle.referral.domain;

import java.time.LocalDate;
import java.time.Period;

/**
 * The training obligation (obligation de formation) of 16- to 18-year-olds: from the 16th birthday included to the
 * 18th excluded. A case of a young person in that range who LEFT_SCHOOL, open this long with no referral ACCEPTED or
 * IN_PROGRESS, raises {@code case.training_obligation_alert} once.
 */
public final class TrainingObligation {

    public static final int FROM_AGE = 16;
    public static final int UNTIL_AGE = 18;
    public static final String AGE_BAND = "16-18";

    private TrainingObligation() {
    }

    public static boolean covers(LocalDate birthDate, LocalDate today) {
        if (birthDate == null || birthDate.isAfter(today)) {
            return false;
        }
        int age = Period.between(birthDate, today).getYears();
        return age >= FROM_AGE && age < UNTIL_AGE;
    }

    /** Latest birth date covered today (the 16th birthday is today). */
    public static LocalDate bornOnOrBefore(LocalDate today) {
        return today.minusYears(FROM_AGE);
    }

    /** Birth dates covered today are strictly after this one (the 18th birthday is today or past). */
    public static LocalDate bornAfter(LocalDate today) {
        return today.minusYears(UNTIL_AGE);
    }
}
