package fr.passerelle.directory.config;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.ClockProvider;
import java.time.Clock;

/**
 * The clock @Past/@PastOrPresent read: the service's own (French dates), not the JVM's default zone. Without it a birth
 * date was checked against the server's UTC date, an hour or two away from the territory's.
 */
@ApplicationScoped
public class ValidationClock implements ClockProvider {

    @Inject
    Clock clock;

    @Override
    public Clock getClock() {
        return clock;
    }
}
