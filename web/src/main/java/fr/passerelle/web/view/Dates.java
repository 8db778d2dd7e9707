package fr.passerelle.web.view;

import io.quarkus.qute.TemplateExtension;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Dates as French users read them, in Paris time: {@code {r.getDueAt().fr}}, {@code {c.getBirthDate().fr}}. */
@TemplateExtension
public final class Dates {

    public static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy", Locale.FRANCE);
    private static final DateTimeFormatter MOMENT = DateTimeFormatter.ofPattern("dd/MM/yyyy 'à' HH'h'mm", Locale.FRANCE);

    private Dates() {
    }

    /** 24/11/2026 */
    public static String fr(LocalDate date) {
        return date == null ? "" : DAY.format(date);
    }

    /** 24/11/2026 à 14h05 (Paris) */
    public static String fr(OffsetDateTime moment) {
        return moment == null ? "" : MOMENT.format(moment.atZoneSameInstant(PARIS));
    }

    /** 24/11/2026 (Paris) */
    public static String day(OffsetDateTime moment) {
        return moment == null ? "" : DAY.format(moment.atZoneSameInstant(PARIS));
    }

    /** The ISO date for a date input's value (yyyy-MM-dd). */
    public static String iso(LocalDate date) {
        return date == null ? "" : date.toString();
    }
}
