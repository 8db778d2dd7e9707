package fr.passerelle.directory.domain;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Folds text for French full-text search: no accents, lower case, and the few spellings the
 * field uses for the same thing ("2e chance", "deuxième chance", "E2C") brought together.
 * PostgreSQL's French stemmer then folds plurals. Applied the same way to documents and queries.
 */
public final class SearchText {

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern NON_WORD = Pattern.compile("[^a-z0-9]+");
    private static final Pattern SECOND = Pattern.compile("\\b(2e|2eme|2nde|2d|seconde)\\b");
    private static final Pattern MICRO = Pattern.compile("\\bmicro (lycee|college)");

    private SearchText() {
    }

    public static String fold(String text) {
        if (text == null || text.isBlank()) {
            return "";
        }
        String s = Normalizer.normalize(text, Normalizer.Form.NFD);
        s = MARKS.matcher(s).replaceAll("");
        s = s.toLowerCase(Locale.ROOT).replace("œ", "oe").replace("æ", "ae");
        s = NON_WORD.matcher(s).replaceAll(" ").trim();
        s = SECOND.matcher(s).replaceAll("deuxieme");
        s = MICRO.matcher(s).replaceAll("micro$1");
        return s;
    }

    /** Document text: folded, with known acronyms spelled out so either form finds it. */
    public static String document(String... parts) {
        String folded = Stream.of(parts).filter(Objects::nonNull).map(SearchText::fold)
                .filter(s -> !s.isEmpty()).collect(Collectors.joining(" "));
        StringBuilder expanded = new StringBuilder(folded);
        if (folded.matches(".*\\be2c\\b.*")) {
            expanded.append(" ecole deuxieme chance");
        }
        if (folded.matches(".*\\becole (de la )?deuxieme chance\\b.*")) {
            expanded.append(" e2c");
        }
        if (folded.matches(".*\\bmlds\\b.*")) {
            expanded.append(" mission lutte decrochage scolaire");
        }
        if (folded.matches(".*\\bpjj\\b.*")) {
            expanded.append(" protection judiciaire jeunesse");
        }
        return expanded.toString();
    }
}
