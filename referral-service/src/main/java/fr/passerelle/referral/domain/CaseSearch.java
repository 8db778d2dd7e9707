package fr.passerelle.referral.domain;

import java.util.Locale;

/**
 * A case-list search as the database compares it: the text folded by the names' own rule ({@link PersonName#key}), so
 * "ines", "Inès" and "INÈS" find the same pupils, as a name PREFIX for a LIKE with its wildcards escaped (the
 * repository tries it on the first name, the last name, "first last" and "last first"); and the text as an INE (upper
 * case, exact).
 */
public record CaseSearch(String nameLike, String ine) {

    /** The search for a typed text, or null when there is nothing to search for. */
    public static CaseSearch of(String text) {
        String key = text == null ? null : PersonName.key(text);
        if (key == null || key.isEmpty()) {
            return null;
        }
        String escaped = key.replace("!", "!!").replace("%", "!%").replace("_", "!_");
        return new CaseSearch(escaped + "%", PersonName.clean(text).toUpperCase(Locale.ROOT));
    }
}
