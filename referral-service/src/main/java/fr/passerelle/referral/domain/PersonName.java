package fr.passerelle.referral.domain;

import java.text.Normalizer;
import java.util.Locale;

/**
 * The one rule for a young person's names (DESIGN "Identity, search and reporting").
 * <ul>
 * <li>{@link #clean}: what is stored and shown. NFC, invisible characters removed (zero-width space and joiners,
 * BOM, soft hyphen, bidi controls, variation selectors, any other format or control character), every run of
 * white space made one space, trimmed. "Zoé" typed precomposed, decomposed or with a zero-width space inside is
 * stored the same.</li>
 * <li>{@link #key}: what is compared (duplicate rule, subject-access search). The cleaned name, case folded,
 * compatibility decomposed, accents stripped, typographic apostrophes made plain: "INÈS", "Inès" and "ines" share
 * one key.</li>
 * </ul>
 */
public final class PersonName {

    /** Longest key stored (code points); a cleaned name is at most 100 characters. */
    public static final int MAX_KEY_LENGTH = 200;

    private PersonName() {
    }

    /** The name as stored; null stays null, and a name of nothing but invisible characters becomes "". */
    public static String clean(String raw) {
        if (raw == null) {
            return null;
        }
        StringBuilder out = new StringBuilder(raw.length());
        boolean pendingSpace = false;
        for (int i = 0; i < raw.length(); ) {
            int cp = raw.codePointAt(i);
            i += Character.charCount(cp);
            if (isSpace(cp)) {
                pendingSpace = out.length() > 0;
            } else if (!isInvisible(cp)) {
                if (pendingSpace) {
                    out.append(' ');
                    pendingSpace = false;
                }
                out.appendCodePoint(cp);
            }
        }
        // After the removal: a combining accent separated from its letter by a zero-width space composes again.
        return Normalizer.normalize(out, Normalizer.Form.NFC);
    }

    /** The comparison key: equal for names that differ only by case, accents or invisible characters. */
    public static String key(String raw) {
        if (raw == null) {
            return null;
        }
        // One pass folds every French name. A compatibility character can decompose into an upper-case letter ("㎷" is
        // "mV") or a space and an accent ("˘"): folding again until nothing changes makes a key its own key.
        String key = fold(raw);
        for (int pass = 0; pass < 4; pass++) {
            String again = fold(key);
            if (again.equals(key)) {
                break;
            }
            key = again;
        }
        // Compatibility decomposition can lengthen a name many times ("\uFDFA" is 18 letters): bound what is indexed.
        return key.codePointCount(0, key.length()) <= MAX_KEY_LENGTH ? key
                : key.substring(0, key.offsetByCodePoints(0, MAX_KEY_LENGTH)).strip();
    }

    private static String fold(String raw) {
        // Upper then lower folds what lower alone does not ("ß" and "SS" meet at "ss").
        String folded = clean(raw).toUpperCase(Locale.ROOT).toLowerCase(Locale.ROOT);
        StringBuilder out = new StringBuilder(folded.length());
        Normalizer.normalize(folded, Normalizer.Form.NFKD).codePoints()
                .filter(cp -> Character.getType(cp) != Character.NON_SPACING_MARK)
                .map(cp -> cp == '\u2019' || cp == '\u02BC' ? '\'' : cp)
                .forEach(out::appendCodePoint);
        return clean(out.toString());
    }

    private static boolean isSpace(int cp) {
        return Character.isWhitespace(cp) || Character.isSpaceChar(cp);
    }

    private static boolean isInvisible(int cp) {
        int type = Character.getType(cp);
        return type == Character.FORMAT || type == Character.CONTROL || type == Character.SURROGATE
                || cp == '\u034F' // combining grapheme joiner
                || (cp >= 0xFE00 && cp <= 0xFE0F) || (cp >= 0xE0100 && cp <= 0xE01EF) // variation selectors
                || cp == '\u115F' || cp == '\u1160' || cp == '\u3164' || cp == '\uFFA0'; // Hangul fillers
    }
}
