package fr.passerelle.directory.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class FreshnessTest {

    private static final LocalDate FORUM = LocalDate.of(2023, 3, 29);

    @Test
    void countsFromTheDocumentUntilAPersonConfirms() {
        assertEquals(FORUM, Freshness.basedOn(FORUM, null));
        LocalDate confirmed = LocalDate.of(2026, 1, 5);
        assertEquals(confirmed, Freshness.basedOn(FORUM, confirmed));
        assertEquals(confirmed, Freshness.basedOn(null, confirmed));
        assertNull(Freshness.basedOn(null, null));
    }

    @Test
    void thresholdsAreOneAndTwoYears() {
        assertEquals(Freshness.FRESH, Freshness.of(FORUM, FORUM));
        assertEquals(Freshness.FRESH, Freshness.of(FORUM, LocalDate.of(2024, 3, 28)));
        assertEquals(Freshness.AGING, Freshness.of(FORUM, LocalDate.of(2024, 3, 29)));
        assertEquals(Freshness.AGING, Freshness.of(FORUM, LocalDate.of(2025, 3, 28)));
        assertEquals(Freshness.STALE, Freshness.of(FORUM, LocalDate.of(2025, 3, 29)));
        assertEquals(LocalDate.of(2025, 3, 29), Freshness.staleFrom(FORUM));
        assertEquals(Freshness.UNDATED, Freshness.of(null, FORUM));
        assertNull(Freshness.staleFrom(null));
    }
}
