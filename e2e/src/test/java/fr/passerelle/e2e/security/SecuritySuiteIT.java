package fr.passerelle.e2e.security;

import static org.junit.jupiter.api.Assertions.fail;

import fr.passerelle.e2e.support.E2e;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Function;
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
    void tokenAttacks() {
        category("token attacks", tally -> {
            try {
                return new TokenAttacks().run(tally) + " kinds × " + TokenAttacks.TARGETS.size() + " targets";
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
    }

    @Test
    @Order(2)
    void accessMatrix() {
        category("access matrix", tally -> AccessMatrix.run(tally, Fixtures.get()) + " operations × "
                + (AccessMatrix.PEOPLE.size() + 1) + " callers × 2 entries");
    }

    @Test
    @Order(3)
    void badInputs() {
        category("bad input", tally -> {
            BadInputs.run(tally, Fixtures.get());
            return tally.tried() + " requests";
        });
    }

    /** Runs one category (which says what it covered), prints its lines and fails with what did not hold. */
    private static void category(String name, Function<Tally, String> run) {
        Tally tally = Tally.of(name);
        Instant t0 = Instant.now();
        String covered = run.apply(tally);
        System.out.printf("security: %s: %s in %d s%n", name, covered, Duration.between(t0, Instant.now()).toSeconds());
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
