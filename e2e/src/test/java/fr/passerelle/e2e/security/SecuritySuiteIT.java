package fr.passerelle.e2e.security;

import static org.junit.jupiter.api.Assertions.fail;

import fr.passerelle.e2e.support.E2e;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Passerelle's own security suite, against the real stack with real Keycloak tokens, through the gateway
 * and straight at each service (docs/security.md). Each category prints
 * {@code security: <category>: tried N, held N, failed N} and fails with the list of what did not hold
 * (request and answer, tokens masked); the last line is the total.
 * Runs after the stack-disturbing tests (a service restarted) and before LogHygieneIT, which then checks
 * that none of the tokens sent here reached a log.
 */
@E2e
@Order(8)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SecuritySuiteIT {

    @Test
    @Order(1)
    void tokenAttacks() throws Exception {
        Tally tally = Tally.of("token attacks");
        Instant t0 = Instant.now();
        int kinds = new TokenAttacks().run(tally);
        System.out.printf("security: token attacks: %d kinds × %d targets in %d s%n", kinds, TokenAttacks.TARGETS.size(),
                Duration.between(t0, Instant.now()).toSeconds());
        failIfAny(tally);
    }

    @Test
    @Order(2)
    void accessMatrix() {
        Tally tally = Tally.of("access matrix");
        Instant t0 = Instant.now();
        int operations = AccessMatrix.run(tally, Fixtures.get());
        System.out.printf("security: access matrix: %d operations × %d callers × 2 entries in %d s%n", operations,
                AccessMatrix.PEOPLE.size() + 1, Duration.between(t0, Instant.now()).toSeconds());
        failIfAny(tally);
    }

    @Test
    @Order(3)
    void badInputs() {
        Tally tally = Tally.of("bad input");
        Instant t0 = Instant.now();
        BadInputs.run(tally, Fixtures.get());
        System.out.printf("security: bad input: %d requests in %d s%n", tally.tried(), Duration.between(t0, Instant.now()).toSeconds());
        failIfAny(tally);
    }

    private static void failIfAny(Tally tally) {
        String failures = tally.report();
        if (failures != null) {
            fail(failures);
        }
    }

    @AfterAll
    static void total() {
        System.out.println(Tally.total());
    }
}
