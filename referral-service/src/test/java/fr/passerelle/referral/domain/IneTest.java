package fr.passerelle.referral.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class IneTest {

    @Test
    void beaCheckLetterIsTheNumberModulo23WithoutIOQ() {
        // 0951099 mod 23 = 3 → D: the same key as the UAI 0951099D; for ten digits the rule is the same.
        assertEquals('D', Ine.beaCheckLetter("0000951099"));
        assertEquals('A', Ine.beaCheckLetter("0000000000"));
        // 1234567890 = 23 × 53676864 + 18 → the 19th letter without I, O, Q: V
        assertEquals('V', Ine.beaCheckLetter("1234567890"));
        assertEquals(23, Ine.CHECK_LETTERS.length());
        assertFalse(Ine.CHECK_LETTERS.contains("I") || Ine.CHECK_LETTERS.contains("O") || Ine.CHECK_LETTERS.contains("Q"));
    }

    @Test
    void validAndInvalidIdentifiers() {
        assertTrue(Ine.valid("1234567890V"));
        assertTrue(Ine.valid("0000951099D"));
        assertFalse(Ine.valid("1234567890A"), "wrong check letter");
        assertFalse(Ine.valid("1234567809V"), "two digits transposed");
        assertFalse(Ine.valid("1234567891V"), "one digit changed");
        // INE-RNIE: the shape only.
        assertTrue(Ine.valid("123456789AB"));
        assertFalse(Ine.valid("12345678AB"));
        assertFalse(Ine.valid("123456789ab"));
        assertFalse(Ine.valid(null));
        assertFalse(Ine.valid("12345ABCDE"));
    }
}
