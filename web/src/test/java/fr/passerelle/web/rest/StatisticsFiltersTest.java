package fr.passerelle.web.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class StatisticsFiltersTest {

    @Test
    void withoutDatesTheCurrentSchoolYear() {
        var f = StatisticsPages.Filters.read(null, "", null, null, LocalDate.of(2026, 11, 30));
        assertEquals(LocalDate.of(2026, 9, 1), f.from);
        assertEquals(LocalDate.of(2027, 8, 31), f.to);
        var summer = StatisticsPages.Filters.read(null, null, null, null, LocalDate.of(2027, 8, 31));
        assertEquals(LocalDate.of(2026, 9, 1), summer.from);
        var september = StatisticsPages.Filters.read(null, null, null, null, LocalDate.of(2027, 9, 1));
        assertEquals(LocalDate.of(2027, 9, 1), september.from);
    }

    @Test
    void oneDateGivenIsKeptAloneAndTheGroupingChecked() {
        var f = StatisticsPages.Filters.read("2026-01-01", null, null, "school", LocalDate.of(2026, 11, 30));
        assertEquals(LocalDate.of(2026, 1, 1), f.from);
        assertNull(f.to);
        assertEquals("school", f.groupBy);
        var bad = StatisticsPages.Filters.read(null, null, null, "platform", LocalDate.of(2026, 11, 30));
        assertTrue(bad.errors.containsKey("groupBy"));
        var reversed = StatisticsPages.Filters.read("2026-10-01", "2026-09-01", null, null, LocalDate.of(2026, 11, 30));
        assertTrue(reversed.errors.containsKey("to"));
    }
}
