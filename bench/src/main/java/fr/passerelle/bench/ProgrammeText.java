package fr.passerelle.bench;

import java.text.Normalizer;
import java.util.Locale;

/** Search text as directory-service stores it (accents off, lower case, words only), for synthetic rows. */
final class ProgrammeText {

    private ProgrammeText() {
    }

    static String fold(String text) {
        String s = Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}+", "");
        return s.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", " ").trim();
    }
}
