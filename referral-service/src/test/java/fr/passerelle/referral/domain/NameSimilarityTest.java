package fr.passerelle.referral.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The near-duplicate rule measured on a labelled set of name pairs written for it (src/test/resources/identity/
 * name-pairs.csv: plausible French names, same birth date assumed; typos, accents, compound and hyphenated names,
 * particles, swapped names, and different people with close names: twins and siblings, feminine/masculine pairs,
 * close surnames, common names). The table of true/false positives and negatives prints in the test output; the
 * test fails below the floor the product promises.
 */
class NameSimilarityTest {

    static final double RECALL_FLOOR = 0.95;
    static final double PRECISION_FLOOR = 0.9;

    record Pair(String first1, String last1, String first2, String last2, boolean same, String category) {
    }

    static final class Counts {
        int tp;
        int fp;
        int fn;
        int tn;

        void add(boolean expected, boolean found) {
            if (expected && found) {
                tp++;
            } else if (expected) {
                fn++;
            } else if (found) {
                fp++;
            } else {
                tn++;
            }
        }

        double precision() {
            return tp + fp == 0 ? 1.0 : (double) tp / (tp + fp);
        }

        double recall() {
            return tp + fn == 0 ? 1.0 : (double) tp / (tp + fn);
        }
    }

    @Test
    void labelledSetMeetsTheFloor() throws IOException {
        List<Pair> pairs = labelledPairs();
        assertTrue(pairs.size() >= 200, "at least 200 labelled pairs, got " + pairs.size());
        Map<String, Counts> byCategory = new LinkedHashMap<>();
        Counts overall = new Counts();
        List<String> misses = new ArrayList<>();
        for (Pair p : pairs) {
            Optional<NameSimilarity.Reason> reason = NameSimilarity.reason(p.first1(), p.last1(), p.first2(), p.last2());
            boolean found = reason.isPresent();
            byCategory.computeIfAbsent(p.category(), c -> new Counts()).add(p.same(), found);
            overall.add(p.same(), found);
            // Symmetry: the order in which two cases are compared never changes the answer.
            assertEquals(found, NameSimilarity.near(p.first2(), p.last2(), p.first1(), p.last1()), "asymmetric on " + p);
            if (found != p.same()) {
                misses.add((p.same() ? "FN " : "FP ") + p.category() + ": " + p.first1() + " " + p.last1() + " / " + p.first2()
                        + " " + p.last2() + reason.map(r -> " (" + r + ")").orElse(""));
            }
        }
        StringBuilder table = new StringBuilder("\nNear-duplicate detector on ").append(pairs.size())
                .append(" labelled pairs (trigram threshold ").append(NameSimilarity.TRIGRAM_THRESHOLD).append(")\n");
        table.append(String.format("%-14s %5s %4s %4s %4s %4s %9s %7s%n", "category", "pairs", "TP", "FP", "FN", "TN",
                "precision", "recall"));
        byCategory.forEach((category, c) -> table.append(row(category, c)));
        table.append(row("OVERALL", overall));
        misses.forEach(m -> table.append("  ").append(m).append('\n'));
        System.out.println(table);

        assertTrue(overall.recall() >= RECALL_FLOOR, "recall " + overall.recall() + " below " + RECALL_FLOOR + table);
        assertTrue(overall.precision() >= PRECISION_FLOOR, "precision " + overall.precision() + " below " + PRECISION_FLOOR + table);
    }

    @Test
    void eachKindOfNearMatchHasItsReason() {
        assertEquals(Optional.of(NameSimilarity.Reason.SAME), NameSimilarity.reason("Inès", "Analyste", "INES", "analyste"));
        assertEquals(Optional.of(NameSimilarity.Reason.SWAPPED), NameSimilarity.reason("Jade", "Dubois", "Dubois", "Jade"));
        assertEquals(Optional.of(NameSimilarity.Reason.COMPOUND), NameSimilarity.reason("Marie-Claire", "Dubois", "Marie", "Dubois"));
        assertEquals(Optional.of(NameSimilarity.Reason.SAME), NameSimilarity.reason("Marie-Claire", "Dubois", "Marie Claire", "Dubois"));
        assertEquals(Optional.of(NameSimilarity.Reason.SAME), NameSimilarity.reason("Marie-Claire", "Dubois", "Marieclaire", "Dubois"));
        assertEquals(Optional.of(NameSimilarity.Reason.COMPOUND), NameSimilarity.reason("Charlotte", "de la Fontaine", "Charlotte", "Fontaine"));
        assertEquals(Optional.of(NameSimilarity.Reason.SPELLING), NameSimilarity.reason("Eliott", "Poirier", "Elliot", "Poirier"));
        assertEquals(Optional.of(NameSimilarity.Reason.TYPO), NameSimilarity.reason("Alexandre", "Dupont", "Alexandre", "Dupond"));
        assertEquals(Optional.of(NameSimilarity.Reason.TYPO), NameSimilarity.reason("Lina", "Martin", "Lian", "Martin"));
    }

    @Test
    void siblingsAndFeminineNamesStayApart() {
        assertFalse(NameSimilarity.near("Léa", "Martin", "Léo", "Martin"));
        assertFalse(NameSimilarity.near("Martin", "Leroy", "Martine", "Leroy"));
        assertFalse(NameSimilarity.near("Julien", "Renard", "Julie", "Renard"));
        assertFalse(NameSimilarity.near("Gabriel", "Roche", "Gabrielle", "Roche"));
        assertFalse(NameSimilarity.near("Lucas", "Martin", "Nicolas", "Martin"));
    }

    @Test
    void blankOrMissingNamesAreNeverNear() {
        assertFalse(NameSimilarity.near(null, null, "Léa", "Martin"));
        assertFalse(NameSimilarity.near("", " ", "", ""));
    }

    @Test
    void distancesAndTrigramsFollowTheirDefinitions() {
        assertEquals(1, NameSimilarity.editDistance("moreau", "moraeu", 3), "a transposition is one edit");
        assertEquals(2, NameSimilarity.editDistance("martin", "martinez", 3));
        assertEquals(2, NameSimilarity.editDistance("abcdef", "ghijkl", 1), "capped at max + 1");
        assertEquals(1.0, NameSimilarity.trigramSimilarity("dubois", "dubois"));
        // pg_trgm: similarity('girard', 'girardin') = 6 shared / 10 distinct trigrams
        assertEquals(0.6, NameSimilarity.trigramSimilarity("girard", "girardin"), 1e-9);
    }

    private static String row(String category, Counts c) {
        return String.format("%-14s %5d %4d %4d %4d %4d %9.3f %7.3f%n", category, c.tp + c.fp + c.fn + c.tn, c.tp, c.fp, c.fn, c.tn,
                c.precision(), c.recall());
    }

    static List<Pair> labelledPairs() throws IOException {
        List<Pair> pairs = new ArrayList<>();
        try (var in = new BufferedReader(new InputStreamReader(Objects.requireNonNull(
                NameSimilarityTest.class.getResourceAsStream("/identity/name-pairs.csv")), StandardCharsets.UTF_8))) {
            String header = in.readLine();
            assertEquals("first1;last1;first2;last2;same;category", header);
            String line;
            while ((line = in.readLine()) != null) {
                if (line.isBlank()) {
                    continue;
                }
                String[] f = line.split(";", -1);
                assertEquals(6, f.length, "six fields: " + line);
                assertTrue(f[4].equals("true") || f[4].equals("false"), "same is true or false: " + line);
                pairs.add(new Pair(f[0], f[1], f[2], f[3], Boolean.parseBoolean(f[4]), f[5]));
            }
        }
        return pairs;
    }
}
