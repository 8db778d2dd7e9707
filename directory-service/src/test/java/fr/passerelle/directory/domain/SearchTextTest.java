package fr.passerelle.directory.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SearchTextTest {

    @Test
    void foldsAccentsCaseAndPunctuation() {
        assertEquals("ecole de la deuxieme chance", SearchText.fold("École de la 2e chance"));
        assertEquals("ecole de la deuxieme chance", SearchText.fold("ÉCOLE DE LA DEUXIÈME CHANCE"));
        assertEquals("oeuvre pour les decrocheurs", SearchText.fold("Œuvre pour les « décrocheurs » !"));
        assertEquals("microlycee", SearchText.fold("Micro-lycée"));
    }

    @Test
    void documentsSpellOutTheAcronymsTheFieldUses() {
        assertTrue(SearchText.document("E2C Rhône").contains("ecole deuxieme chance"));
        assertTrue(SearchText.document("École de la 2ème chance").contains("e2c"));
        assertTrue(SearchText.document("Réseau MLDS").contains("mission lutte decrochage scolaire"));
    }

    @Test
    void nothingToFoldGivesEmpty() {
        assertEquals("", SearchText.fold(null));
        assertEquals("", SearchText.fold("  !!  "));
    }
}
