package fr.passerelle.referral.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.StringLength;

/**
 * The folding of young people's names ({@link PersonName#key}) under random input: French names written with or
 * without accents, in any case, precomposed or decomposed, with invisible characters typed in; and any text at all.
 */
class PersonNamePropertyTest {

    /** The accented forms French names use, by the letter they fold to. */
    private static final Map<Character, String> ACCENTED = Map.of('a', "àâä", 'c', "ç", 'e', "éèêë", 'i', "îï",
            'o', "ôö", 'u', "ùûü", 'y', "ÿ");
    /** Zero-width space, soft hyphen, zero-width joiner, BOM: typed or pasted inside names. */
    private static final String INVISIBLE = "\u200B\u00AD\u200D\uFEFF";

    @Provide
    Arbitrary<String> plainNames() {
        Arbitrary<String> word = Arbitraries.strings().withCharRange('a', 'z').ofMinLength(1).ofMaxLength(12);
        return Combinators.combine(word, word.injectNull(0.5), Arbitraries.of(" ", "-", "'"))
                .as((first, second, separator) -> second == null ? first : first + separator + second);
    }

    /** A plain name written the way a person might type it: accents, case, decomposition, invisible characters. */
    private static String disguise(String plain, long seed) {
        java.util.Random random = new java.util.Random(seed);
        StringBuilder out = new StringBuilder();
        for (char ch : plain.toCharArray()) {
            String forms = ACCENTED.get(ch);
            String letter = forms != null && random.nextBoolean() ? String.valueOf(forms.charAt(random.nextInt(forms.length())))
                    : String.valueOf(ch);
            out.append(random.nextBoolean() ? letter.toUpperCase(Locale.ROOT) : letter);
            if (random.nextInt(8) == 0) {
                out.append(INVISIBLE.charAt(random.nextInt(INVISIBLE.length())));
            }
        }
        return random.nextBoolean() ? Normalizer.normalize(out, Normalizer.Form.NFD) : out.toString();
    }

    @Property(tries = 2000)
    void namesDifferingOnlyInAccentsCaseOrInvisibleCharactersShareOneKey(@ForAll("plainNames") String plain,
                                                                         @ForAll long seed, @ForAll long otherSeed) {
        String one = disguise(plain, seed);
        String other = disguise(plain, otherSeed);
        assertEquals(PersonName.key(one), PersonName.key(other), one + " / " + other);
        assertEquals(plain, PersonName.key(one), one);
    }

    @Property(tries = 2000)
    void theKeyOfAFrenchNameIsPlainAsciiOfTheSameLength(@ForAll("plainNames") String plain, @ForAll long seed) {
        String typed = disguise(plain, seed);
        String key = PersonName.key(typed);
        assertTrue(key.chars().allMatch(c -> c < 128), key);
        assertEquals(PersonName.clean(plain).length(), key.length(), typed);
        assertEquals(key.toLowerCase(Locale.ROOT), key);
    }

    @Property(tries = 3000)
    void foldingTwiceChangesNothing(@ForAll @StringLength(max = 60) String any) {
        String key = PersonName.key(any);
        assertEquals(key, PersonName.key(key), () -> "key of " + escape(any));
        String clean = PersonName.clean(any);
        assertEquals(clean, PersonName.clean(clean), () -> "clean of " + escape(any));
    }

    @Property(tries = 3000)
    void aKeyIsBoundedCleanAndTrimmed(@ForAll @StringLength(max = 300) String any) {
        String key = PersonName.key(any);
        assertTrue(key.codePointCount(0, key.length()) <= PersonName.MAX_KEY_LENGTH, () -> escape(any));
        String clean = PersonName.clean(any);
        assertEquals(clean.strip(), clean, () -> escape(any));
        assertTrue(!clean.contains("  "), () -> escape(any));
    }

    private static String escape(String s) {
        StringBuilder sb = new StringBuilder();
        s.codePoints().forEach(cp -> sb.append(cp < 128 && cp >= 32 ? String.valueOf((char) cp) : String.format("\\u%04X", cp)));
        return sb.toString();
    }
}
