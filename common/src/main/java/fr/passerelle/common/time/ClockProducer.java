package fr.passerelle.common.time;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.ZoneId;

/**
 * The one source of "now" for every service; tests replace it with an {@code @Alternative} Clock to move time.
 * Dates are French dates. The zone is a constant, not configuration: Bean Validation reads the clock (directory's
 * ValidationClock) before configuration mappings exist.
 */
public class ClockProducer {

    public static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    @Produces
    @Singleton
    Clock clock() {
        return Clock.system(PARIS);
    }
}
