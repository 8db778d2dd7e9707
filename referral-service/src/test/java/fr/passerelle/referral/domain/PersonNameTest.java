package fr.passerelle.referral.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/** The name rule: what is stored ({@link PersonName#clean}) and what is compared ({@link PersonName#key}). */
class PersonNameTest {

    /** Invisible characters a name may carry from a copy and paste. */
    private static final List<String> INVISIBLE = List.of("\u200B", "\u200C", "\u200D", "\u2060", "\uFEFF", "\u00AD",
            "\u200E", "\u200F", "\u202A", "\u202B", "\u202C", "\u202D", "\u202E", "\u2066", "\u2067", "\u2068", "\u2069",
            "\u061C", "\u0000", "\u0007", "\u007F", "\u034F", "\uFE0F");

    @Example
    void zoeTypedThreeWaysIsStoredOnceAndComparesEqual() {
        String nfc = "Zo\u00E9";
        String nfd = "Zoe\u0301";
        String zeroWidth = "Zo\u200B\u00E9";
        assertEquals(nfc, PersonName.clean(nfd));
        assertEquals(nfc, PersonName.clean(zeroWidth));
        assertEquals(nfc, PersonName.clean("Zoe\u200B\u0301"), "an accent cut from its letter by a zero-width space");
        assertEquals(PersonName.key(nfc), PersonName.key(nfd));
        assertEquals(PersonName.key(nfc), PersonName.key(zeroWidth));
        assertEquals("zoe", PersonName.key(nfc));
    }

    @Example
    void spacesAreCollapsedAndTrimmed() {
        assertEquals("Marie Claire", PersonName.clean("  Marie \u00A0\t Claire\u2003 "));
        assertEquals("Jean-Pierre", PersonName.clean("\uFEFFJean-Pierre\n"));
        assertEquals("", PersonName.clean("\u200B \u200D\u00AD"));
        assertNull(PersonName.clean(null));
        assertNull(PersonName.key(null));
    }

    @Example
    void keysFoldCaseAccentsAndCompatibilityForms() {
        assertEquals("ines", PersonName.key("In\u00E8s"));
        assertEquals("ines", PersonName.key("IN\u00C8S"));
        assertEquals("ines", PersonName.key("ines"));
        assertEquals(PersonName.key("Stra\u00DFe"), PersonName.key("STRASSE"));
        assertEquals(PersonName.key("N\u2019Diaye"), PersonName.key("n'diaye"));
        assertEquals(PersonName.key("\uFF3A\uFF4F\u00E9"), PersonName.key("Zoe"), "fullwidth letters");
        assertEquals(PersonName.key("\u00C7a\u00EFd"), PersonName.key("caid"));
        // Different names stay different.
        assertNotEquals(PersonName.key("Jean-Pierre"), PersonName.key("Jean Pierre"));
        assertNotEquals(PersonName.key("Lea"), PersonName.key("Leo"));
    }

    @Example
    void keysAreBounded() {
        String name = "\uFDFA".repeat(100);
        assertTrue(PersonName.key(name).codePointCount(0, PersonName.key(name).length()) <= PersonName.MAX_KEY_LENGTH);
    }

    @Property
    void cleaningIsIdempotentAndLeavesNoInvisibleCharacter(@ForAll("names") String name) {
        String clean = PersonName.clean(name);
        assertEquals(clean, PersonName.clean(clean));
        assertTrue(Normalizer.isNormalized(clean, Normalizer.Form.NFC));
        assertEquals(clean.strip(), clean);
        assertTrue(clean.codePoints().noneMatch(cp -> Character.getType(cp) == Character.FORMAT
                || Character.getType(cp) == Character.CONTROL), clean);
        assertTrue(!clean.contains("  "), clean);
    }

    @Property
    void invisibleCharactersAnywhereChangeNothing(@ForAll("names") String name, @ForAll("invisible") String invisible,
                                                  @ForAll @IntRange(min = 0, max = 40) int at) {
        int position = Math.min(at, name.length());
        String sprinkled = name.substring(0, position) + invisible + name.substring(position);
        assertEquals(PersonName.key(name), PersonName.key(sprinkled));
        assertEquals(PersonName.clean(name), PersonName.clean(sprinkled));
    }

    @Property
    void theKeyIgnoresNormalisationFormCaseAndAccents(@ForAll("names") String name) {
        String key = PersonName.key(name);
        assertEquals(key, PersonName.key(Normalizer.normalize(name, Normalizer.Form.NFD)));
        assertEquals(key, PersonName.key(Normalizer.normalize(name, Normalizer.Form.NFC)));
        assertEquals(key, PersonName.key(name.toUpperCase(Locale.ROOT)));
        assertEquals(key, PersonName.key(name.toLowerCase(Locale.ROOT)));
        assertEquals(key, PersonName.key(stripAccents(name)));
        assertEquals(key, PersonName.key(PersonName.clean(name)), "cleaning before storing keeps the key");
        assertEquals(key, PersonName.key(key), "a key is its own key");
    }

    @Provide
    Arbitrary<String> names() {
        // French names: letters with and without accents, spaces, hyphens and apostrophes, sometimes decomposed.
        return Arbitraries.strings().withChars("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
                        + "\u00E0\u00E2\u00E4\u00E7\u00E8\u00E9\u00EA\u00EB\u00EE\u00EF\u00F4\u00F6\u00F9\u00FB\u00FC\u00FF\u0153\u00E6"
                        + "\u00C0\u00C2\u00C7\u00C8\u00C9\u00CA\u00CB\u00CE\u00CF\u00D4\u00D9\u00DB\u00DC\u0152\u00C6 -'  ")
                .ofMinLength(1).ofMaxLength(30)
                .flatMap(s -> Arbitraries.of(s, Normalizer.normalize(s, Normalizer.Form.NFD)));
    }

    @Provide
    Arbitrary<String> invisible() {
        return Arbitraries.of(INVISIBLE).list().ofMinSize(1).ofMaxSize(3).map(l -> String.join("", l));
    }

    private static String stripAccents(String s) {
        return Normalizer.normalize(s, Normalizer.Form.NFD).replaceAll("\\p{Mn}", "");
    }
}
