package fr.passerelle.referral.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.passerelle.referral.api.ConsentRecord;
import fr.passerelle.common.time.ClockProducer;
import fr.passerelle.referral.domain.ConsentGiver;
import fr.passerelle.referral.domain.ConsentPurpose;
import fr.passerelle.referral.support.DirectoryStub;
import fr.passerelle.referral.support.ReferralDatabase;
import fr.passerelle.referral.support.TestClock;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.validation.Validator;
import java.time.Duration;
import java.time.LocalDate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * "Today" in a request is the territory's today. The servers run in UTC: between midnight in Paris and midnight UTC a
 * consent given that day was refused as future by the annotations, which read the JVM's zone.
 */
@QuarkusTest
@QuarkusTestResource(ReferralDatabase.class)
@QuarkusTestResource(DirectoryStub.class)
class FrenchDatesTest {

    @Inject
    TestClock clock;
    @Inject
    Validator validator;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void dateAnnotationsReadTheServicesClockInParis() {
        LocalDate realToday = LocalDate.now(ClockProducer.PARIS);
        ConsentRecord givenToday = new ConsentRecord(ConsentGiver.GUARDIAN, realToday, ConsentPurpose.REFERRAL);
        assertTrue(validator.validate(givenToday).isEmpty(), "today's consent is valid");

        // The service's clock two days back (safe for the shared database: nothing falls due): the same date is now
        // in the future for the annotation too, which proves it reads the service's clock and not the system's.
        clock.advance(Duration.ofDays(-2));
        var violations = validator.validate(givenToday);
        assertEquals(1, violations.size(), "a consent dated after the service's today is refused");
        assertEquals("givenAt", violations.iterator().next().getPropertyPath().toString());
    }
}
