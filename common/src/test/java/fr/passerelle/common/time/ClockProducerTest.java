package fr.passerelle.common.time;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class ClockProducerTest {

    @Test
    void theServicesClockTellsFrenchDates() {
        Clock clock = new ClockProducer().clock();
        assertEquals(ZoneId.of("Europe/Paris"), clock.getZone());
        assertEquals(ClockProducer.PARIS, clock.getZone());
        // 23:30 UTC on 31 December is already 1 January in Paris: "today" is the territory's day, not the server's.
        assertEquals(LocalDate.of(2027, 1, 1), LocalDate.ofInstant(Instant.parse("2026-12-31T23:30:00Z"), clock.getZone()));
        assertEquals(LocalDate.of(2026, 7, 1), LocalDate.ofInstant(Instant.parse("2026-06-30T22:30:00Z"), clock.getZone()));
    }

    @Test
    void theServicesClockRunsInRealTime() {
        Instant before = Instant.now();
        Instant now = new ClockProducer().clock().instant();
        assertTrue(Duration.between(before, now).abs().toSeconds() < 5, "clock off by " + Duration.between(before, now));
    }
}
