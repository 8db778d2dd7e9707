package fr.passerelle.directory.config;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.ZoneId;

/** One clock for the service, so tests can fix "today". */
public class ClockProducer {

    @Produces
    @Singleton
    Clock clock(DirectoryConfig config) {
        return Clock.system(ZoneId.of(config.zone()));
    }
}
