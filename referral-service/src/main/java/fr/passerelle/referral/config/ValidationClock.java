package fr.passerelle.referral.config;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.ClockProvider;
import java.time.Clock;

/**
 * The clock @Past/@PastOrPresent read: the service's own (French dates), not the JVM's default zone. Without it a
 * consent given "today" in Paris was refused as future between midnight in Paris and midnight UTC.
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
