package fr.passerelle.common.web;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.passerelle.common.problem.ProblemException;
import org.junit.jupiter.api.Test;

class ETagsTest {

    @Test
    void theCurrentStrongTagMatches() {
        assertDoesNotThrow(() -> ETags.requireMatch("\"v3\"", 3));
        assertDoesNotThrow(() -> ETags.requireMatch("\"v2\", \"v3\"", 3));
    }

    @Test
    void aReadsTagWithItsRepresentationHashMatchesItsVersionOnly() {
        String read = ETags.withRepresentation("\"v3\"", "Xy9");
        assertEquals("\"v3.Xy9\"", read);
        assertDoesNotThrow(() -> ETags.requireMatch(read, 3));
        assertEquals(412, status(read, 4));
        assertEquals(412, status("\"v3.\"", 3));
        assertEquals(412, status("\"v31.Xy9\"", 3));
        assertEquals(412, status("W/" + read, 3));
        // If-None-Match compares the whole tag: the same version with another body is not "not modified".
        assertTrue(ETags.noneMatchFails(read, read));
        assertFalse(ETags.noneMatchFails("\"v3.Ab1\"", read));
        assertFalse(ETags.noneMatchFails("\"v3\"", read));
    }

    @Test
    void aWeakTagNeverMatchesEvenForTheCurrentVersion() {
        assertEquals(412, status("W/\"v3\"", 3));
        assertEquals(412, status("W/\"v0\"", 0));
    }

    @Test
    void anotherVersionOrAnUnquotedTagIsStale() {
        assertEquals(412, status("\"v2\"", 3));
        assertEquals(412, status("v3", 3));
    }

    @Test
    void starNamesNoVersionSoItIsAnsweredLikeAMissingHeader() {
        assertEquals(428, status("*", 3));
        assertEquals(428, status(" * ", 0));
        assertEquals(428, status(null, 3));
        assertEquals(428, status("  ", 3));
    }

    @Test
    void ifNoneMatchComparesWeaklyAndAcceptsListsAndStar() {
        assertTrue(ETags.noneMatchFails("\"v3\"", "\"v3\""));
        assertTrue(ETags.noneMatchFails("W/\"v3\"", "\"v3\""));
        assertTrue(ETags.noneMatchFails("\"v3\"", "W/\"v3\""));
        assertTrue(ETags.noneMatchFails("\"a\", W/\"v3\"", "\"v3\""));
        assertTrue(ETags.noneMatchFails("\"a,b\",\"v3\"", "\"v3\""));
        assertTrue(ETags.noneMatchFails(" * ", "\"v3\""));
        assertFalse(ETags.noneMatchFails("\"v2\"", "\"v3\""));
        assertFalse(ETags.noneMatchFails("\"v2\", W/\"v4\"", "\"v3\""));
        assertFalse(ETags.noneMatchFails("v3", "\"v3\""));
        assertFalse(ETags.noneMatchFails("\"v3", "\"v3\""));
        assertFalse(ETags.noneMatchFails(null, "\"v3\""));
        assertFalse(ETags.noneMatchFails(" ", "\"v3\""));
    }

    private static int status(String ifMatch, long version) {
        return assertThrows(ProblemException.class, () -> ETags.requireMatch(ifMatch, version)).status();
    }
}
