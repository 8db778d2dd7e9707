package fr.passerelle.directory.config;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.ZoneId;

/**
 * One clock for the service, so tests can fix "today". Ages and dates are French dates; the zone is fixed, not
 * configured, because the validator reads this clock before configuration mappings exist.
 */
public class ClockProducer {

    public static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    @Produces
    @Singleton
    Clock clock() {
        return Clock.system(PARIS);
    }
}
