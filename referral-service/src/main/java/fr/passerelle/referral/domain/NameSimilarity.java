package fr.passerelle.referral.domain;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The one rule for "possibly the same young person" (DESIGN "Identity, search and reporting"): two people with the
 * same birth date whose names are near. Pure Java, no database: the candidates sharing a birth date within a
 * caller's scope are few, so every pair is compared here (docs/adr/duplicate-detection.md gives the measured
 * precision and recall on the labelled set and why the threshold is what it is).
 * <p>
 * Names are compared as {@link PersonName#key}s (case, accents and invisible characters never matter), split into
 * parts on spaces, hyphens, apostrophes and dots. Two names are near when, first with first and last with last, or
 * first with last and last with first (swapped), each pair of parts is near by one of the {@link Reason}s. The whole
 * set of parts being the same (a part moved from the first name to the last) is near too.
 * <p>
 * What keeps siblings (twins share a birth date and a last name) apart: a feminine/masculine pair of first names
 * (Louis/Louise, Gabriel/Gabrielle, Paul/Paulette) is never near, and in a short first name (fewer than
 * {@value #SHORT_FIRST_NAME} letters) only a transposition or a doubled letter counts as a typo (Léa/Léo, Lina/Léna
 * stay apart; Yan/Yann are near).
 */
public final class NameSimilarity {

    /** Trigram similarity (pg_trgm's definition) from which two long name parts are near. */
    public static final double TRIGRAM_THRESHOLD = 0.7;
    /** Name parts shorter than this (letters) are never compared by trigrams: too few trigrams to mean anything. */
    static final int TRIGRAM_MIN_LENGTH = 7;
    /** First names shorter than this take only a transposition or a doubled letter as a typo. */
    static final int SHORT_FIRST_NAME = 5;

    /** Why two names are near, strongest first. */
    public enum Reason {
        /** Same names once case, accents, spaces, hyphens and apostrophes are ignored. */
        SAME,
        /** First and last names swapped, or a part moved from one to the other. */
        SWAPPED,
        /** A compound name with a part missing ("Marie-Claire" and "Marie"), or a particle dropped ("de la Fontaine"). */
        COMPOUND,
        /** The same name in another usual spelling: doubled letters, ph/f, th/t, y/i, a silent h. */
        SPELLING,
        /** One typo: a letter added, missing, replaced, or two neighbours transposed. */
        TYPO,
        /** Trigram similarity above {@link #TRIGRAM_THRESHOLD} on long names. */
        TRIGRAM
    }

    private static final Set<String> PARTICLES = Set.of("de", "du", "des", "d", "le", "la", "les", "l", "van", "von",
            "der", "den", "di", "da", "del", "della", "dos", "ben", "el", "al");
    /** What a feminine first name adds to its masculine (Martin/Martine, Jean/Jeanne, Paul/Paulette, Paul/Paula). */
    private static final List<String> FEMININE_ENDINGS = List.of("e", "ne", "le", "te", "tte", "ette", "a", "ine", "ie");

    private NameSimilarity() {
    }

    /** Whether the two people (same birth date assumed) may be the same; names as typed or stored. */
    public static boolean near(String first1, String last1, String first2, String last2) {
        return reason(first1, last1, first2, last2).isPresent();
    }

    /** Why the two names are near, or empty when they are not. */
    public static Optional<Reason> reason(String first1, String last1, String first2, String last2) {
        List<String> f1 = parts(first1);
        List<String> l1 = parts(last1);
        List<String> f2 = parts(first2);
        List<String> l2 = parts(last2);
        if (f1.isEmpty() && l1.isEmpty() || f2.isEmpty() && l2.isEmpty()) {
            return Optional.empty();
        }
        if (join(f1).equals(join(f2)) && join(l1).equals(join(l2))) {
            return Optional.of(Reason.SAME);
        }
        if (join(f1).equals(join(l2)) && join(l1).equals(join(f2))) {
            return Optional.of(Reason.SWAPPED);
        }
        List<String> all1 = new ArrayList<>(f1);
        all1.addAll(l1);
        List<String> all2 = new ArrayList<>(f2);
        all2.addAll(l2);
        if (sorted(all1).equals(sorted(all2)) || join(all1).equals(join(all2))) {
            return Optional.of(Reason.SWAPPED);
        }
        Optional<Reason> straight = both(part(f1, f2, true), part(l1, l2, false));
        if (straight.isPresent()) {
            return straight;
        }
        // Swapped and a little different: each side must be near as a first name, the stricter rule.
        return both(part(f1, l2, true), part(l1, f2, true)).map(r -> Reason.SWAPPED);
    }

    /** Trigram similarity of two strings as PostgreSQL's pg_trgm computes it (each word padded "  w "). */
    public static double trigramSimilarity(String a, String b) {
        Set<String> ta = trigrams(a);
        Set<String> tb = trigrams(b);
        if (ta.isEmpty() && tb.isEmpty()) {
            return 0;
        }
        Set<String> shared = new HashSet<>(ta);
        shared.retainAll(tb);
        return (double) shared.size() / (ta.size() + tb.size() - shared.size());
    }

    /** Optimal string alignment distance (Levenshtein plus transposition of neighbours), capped at {@code max + 1}. */
    public static int editDistance(String a, String b, int max) {
        if (Math.abs(a.length() - b.length()) > max) {
            return max + 1;
        }
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                int v = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    v = Math.min(v, d[i - 2][j - 2] + 1);
                }
                d[i][j] = v;
            }
        }
        return Math.min(d[a.length()][b.length()], max + 1);
    }

    // ------------------------------------------------------------------ parts of a name

    private static Optional<Reason> both(Optional<Reason> a, Optional<Reason> b) {
        if (a.isEmpty() || b.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(a.get().compareTo(b.get()) >= 0 ? a.get() : b.get());
    }

    /** Whether two first names (or two last names) are near, and why. */
    private static Optional<Reason> part(List<String> a, List<String> b, boolean firstName) {
        String ja = join(a);
        String jb = join(b);
        if (ja.isEmpty() || jb.isEmpty()) {
            return Optional.empty();
        }
        if (ja.equals(jb)) {
            return Optional.of(Reason.SAME);
        }
        List<String> ca = withoutParticles(a);
        List<String> cb = withoutParticles(b);
        if (join(ca).equals(join(cb)) || subset(ca, cb) || subset(cb, ca)) {
            return Optional.of(Reason.COMPOUND);
        }
        if (firstName && feminineOf(ja, jb)) {
            return Optional.empty();
        }
        String sa = spelling(ja);
        String sb = spelling(jb);
        if (sa.equals(sb)) {
            return Optional.of(Reason.SPELLING);
        }
        if (firstName && feminineOf(sa, sb)) {
            return Optional.empty();
        }
        if (typo(ja, jb, firstName)) {
            return Optional.of(Reason.TYPO);
        }
        if (Math.min(ja.length(), jb.length()) >= TRIGRAM_MIN_LENGTH && trigramSimilarity(ja, jb) >= TRIGRAM_THRESHOLD) {
            return Optional.of(Reason.TRIGRAM);
        }
        return Optional.empty();
    }

    private static boolean typo(String a, String b, boolean firstName) {
        if (editDistance(a, b, 1) != 1) {
            return false;
        }
        if (!firstName || Math.min(a.length(), b.length()) >= SHORT_FIRST_NAME) {
            return true;
        }
        // A short first name: a transposition or a doubled letter is a typo, another letter is another name.
        return a.length() == b.length() ? transposed(a, b) : doubledLetter(a.length() > b.length() ? a : b,
                a.length() > b.length() ? b : a);
    }

    private static boolean transposed(String a, String b) {
        for (int i = 0; i + 1 < a.length(); i++) {
            if (a.charAt(i) != b.charAt(i)) {
                return a.charAt(i) == b.charAt(i + 1) && a.charAt(i + 1) == b.charAt(i)
                        && a.substring(i + 2).equals(b.substring(i + 2));
            }
        }
        return false;
    }

    /** Whether {@code longer} is {@code shorter} with one letter doubled. */
    private static boolean doubledLetter(String longer, String shorter) {
        for (int i = 1; i < longer.length(); i++) {
            if (longer.charAt(i) == longer.charAt(i - 1)
                    && (longer.substring(0, i) + longer.substring(i + 1)).equals(shorter)) {
                return true;
            }
        }
        return false;
    }

    /** Whether one first name is the feminine of the other (the masculine is at least three letters). */
    private static boolean feminineOf(String a, String b) {
        String shorter = a.length() <= b.length() ? a : b;
        String longer = a.length() <= b.length() ? b : a;
        if (shorter.length() < 3 || !longer.startsWith(shorter)) {
            return false;
        }
        String ending = longer.substring(shorter.length());
        // Julien/Julie, Aurélien/Aurélie: the masculine is the longer one there.
        return FEMININE_ENDINGS.contains(ending) || ending.equals("n") && shorter.endsWith("ie");
    }

    /** A spelling key: usual French spelling variants folded (ph→f, th→t, y→i, silent h dropped, doubled letters). */
    static String spelling(String compact) {
        String s = compact.replace("ph", "f").replace("th", "t").replace('y', 'i');
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            char prev = i > 0 ? s.charAt(i - 1) : 0;
            if (ch == 'h' && prev != 'c' && prev != 's') {
                continue; // Sarah/Sara, Johann/Joann; "ch" and "sh" are sounds of their own
            }
            if (out.length() > 0 && out.charAt(out.length() - 1) == ch) {
                continue;
            }
            out.append(ch);
        }
        return out.toString();
    }

    /** The name's parts: its key split on spaces, hyphens, apostrophes and dots, empty parts dropped. */
    static List<String> parts(String name) {
        String key = PersonName.key(name);
        if (key == null) {
            return List.of();
        }
        return Arrays.stream(key.split("[\\s\\-'.]+")).filter(p -> !p.isEmpty()).map(NameSimilarity::unabbreviated).toList();
    }

    /** "St Martin" is "Saint-Martin". */
    private static String unabbreviated(String part) {
        return switch (part) {
            case "st" -> "saint";
            case "ste" -> "sainte";
            default -> part;
        };
    }

    private static List<String> withoutParticles(List<String> parts) {
        List<String> kept = parts.stream().filter(p -> !PARTICLES.contains(p)).toList();
        return kept.isEmpty() ? parts : kept;
    }

    /** Whether every part of {@code small} is a part of {@code big}, and big has more: "Marie" in "Marie-Claire". */
    private static boolean subset(List<String> small, List<String> big) {
        return !small.isEmpty() && small.size() < big.size() && new HashSet<>(big).containsAll(small);
    }

    private static String join(List<String> parts) {
        return String.join("", parts);
    }

    private static List<String> sorted(List<String> parts) {
        return parts.stream().sorted().toList();
    }

    private static Set<String> trigrams(String s) {
        Set<String> out = new HashSet<>();
        for (String word : s.split("[^\\p{L}\\p{N}]+")) {
            if (word.isEmpty()) {
                continue;
            }
            String padded = "  " + word + " ";
            for (int i = 0; i + 3 <= padded.length(); i++) {
                out.add(padded.substring(i, i + 3));
            }
        }
        return out;
    }
}
