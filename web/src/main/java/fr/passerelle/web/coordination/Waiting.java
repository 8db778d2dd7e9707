package fr.passerelle.web.coordination;

import io.quarkus.qute.TemplateExtension;

/** How long a referral has been waiting, as a coordinator says it: « depuis 3 jours » ({@code {i.getWaitingHours().since}}). */
@TemplateExtension
public final class Waiting {

    private Waiting() {
    }

    public static String since(Long hours) {
        if (hours == null || hours < 0) {
            return "";
        }
        if (hours < 1) {
            return "depuis moins d'une heure";
        }
        if (hours < 24) {
            return "depuis " + hours + (hours == 1 ? " heure" : " heures");
        }
        long days = hours / 24;
        return "depuis " + days + (days == 1 ? " jour" : " jours");
    }
}
