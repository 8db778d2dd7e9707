package fr.passerelle.referral.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class CaseSearchTest {

    @Test
    void namesAreFoldedAndLikeWildcardsEscaped() {
        CaseSearch s = CaseSearch.of("  ÉLO%d_i!e ");
        assertEquals("elo!%d!_i!!e%", s.nameLike(), "a prefix");
        assertEquals("ÉLO%D_I!E", s.ine());
    }

    @Test
    void blankOrInvisibleTextIsNoSearch() {
        assertNull(CaseSearch.of(null));
        assertNull(CaseSearch.of("   "));
        assertNull(CaseSearch.of("\u200B"));
    }
}
