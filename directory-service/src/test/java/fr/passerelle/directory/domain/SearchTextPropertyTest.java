package fr.passerelle.directory.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Assume;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.StringLength;

/**
 * The directory's search folding ({@link SearchText#fold}) under random input: French words written with or without
 * accents, in any case, precomposed or decomposed; and any text at all.
 */
class SearchTextPropertyTest {

    private static final Map<Character, String> ACCENTED = Map.of('a', "àâä", 'c', "ç", 'e', "éèêë", 'i', "îï",
            'o', "ôö", 'u', "ùûü", 'y', "ÿ");

    @Provide
    Arbitrary<String> plainWords() {
        return Arbitraries.strings().withCharRange('a', 'z').ofMinLength(1).ofMaxLength(12).list().ofMinSize(1).ofMaxSize(4)
                .map(words -> String.join(" ", words));
    }

    /** The plain words as someone might type them: accents, case, decomposition, punctuation between words. */
    private static String disguise(String plain, long seed) {
        Random random = new Random(seed);
        StringBuilder out = new StringBuilder();
        for (char ch : plain.toCharArray()) {
            if (ch == ' ') {
                out.append(new String[] {" ", "  ", " - ", ", ", "'"}[random.nextInt(5)]);
                continue;
            }
            String forms = ACCENTED.get(ch);
            String letter = forms != null && random.nextBoolean() ? String.valueOf(forms.charAt(random.nextInt(forms.length())))
                    : String.valueOf(ch);
            out.append(random.nextBoolean() ? letter.toUpperCase(Locale.ROOT) : letter);
        }
        return random.nextBoolean() ? Normalizer.normalize(out, Normalizer.Form.NFD) : out.toString();
    }

    @Property(tries = 2000)
    void wordsDifferingOnlyInAccentsCaseOrPunctuationFoldAlike(@ForAll("plainWords") String plain, @ForAll long seed,
                                                              @ForAll long otherSeed) {
        String one = disguise(plain, seed);
        String other = disguise(plain, otherSeed);
        assertEquals(SearchText.fold(one), SearchText.fold(other), one + " / " + other);
        assertEquals(SearchText.fold(plain), SearchText.fold(one), one);
    }

    @Property(tries = 2000)
    void accentedLettersFoldToOneAsciiLetterEach(@ForAll("plainWords") String plain, @ForAll long seed) {
        // Without the field's synonyms ("2e", "micro lycee"), which letters alone never spell, a word keeps its length.
        Assume.that(!plain.matches(".*\\b(seconde|micro)\\b.*"));
        String folded = SearchText.fold(disguise(plain, seed));
        assertEquals(plain.length(), folded.length(), folded);
    }

    @Property(tries = 3000)
    void foldingTwiceChangesNothing(@ForAll @StringLength(max = 80) String any) {
        String folded = SearchText.fold(any);
        assertEquals(folded, SearchText.fold(folded));
    }

    @Property(tries = 3000)
    void aFoldedTextIsLowerCaseAsciiWordsSeparatedBySingleSpaces(@ForAll @StringLength(max = 80) String any) {
        String folded = SearchText.fold(any);
        assertTrue(folded.matches("([a-z0-9]+( [a-z0-9]+)*)?"), folded);
    }
}
