package fr.passerelle.directory.domain;

import fr.passerelle.common.codes.Labelled;
import java.time.LocalDate;

/**
 * How stale a record's facts are, from the last time a person confirmed them or, failing that, the source
 * document's date: FRESH under one year, AGING from one year, STALE from two years, UNDATED with neither date.
 */
public enum Freshness implements Labelled {
    FRESH("Récent (moins d'un an)"),
    AGING("À revérifier (plus d'un an)"),
    STALE("Ancien (plus de deux ans)"),
    UNDATED("Non daté");

    public static final int AGING_AFTER_YEARS = 1;
    public static final int STALE_AFTER_YEARS = 2;

    private final String label;

    Freshness(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }

    /** The date the freshness counts from: a person's confirmation wins over the document's date. */
    public static LocalDate basedOn(LocalDate sourceDate, LocalDate lastVerified) {
        if (lastVerified == null) {
            return sourceDate;
        }
        return sourceDate == null || lastVerified.isAfter(sourceDate) ? lastVerified : sourceDate;
    }

    public static Freshness of(LocalDate basedOn, LocalDate today) {
        if (basedOn == null) {
            return UNDATED;
        }
        if (!today.isBefore(basedOn.plusYears(STALE_AFTER_YEARS))) {
            return STALE;
        }
        return today.isBefore(basedOn.plusYears(AGING_AFTER_YEARS)) ? FRESH : AGING;
    }

    /** The day the record becomes (or became) STALE; null when undated. */
    public static LocalDate staleFrom(LocalDate basedOn) {
        return basedOn == null ? null : basedOn.plusYears(STALE_AFTER_YEARS);
    }
}
