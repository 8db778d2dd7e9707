package fr.passerelle.common.problem;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;

/** Which failures are a database outage (503) and which are bugs (500), whatever wraps them. */
class UnavailableMappersTest {

    /** How Hibernate and the transaction manager wrap the driver's exception. */
    private static RuntimeException wrapped(Throwable cause) {
        return new IllegalStateException("transaction failed", new RuntimeException("could not execute statement", cause));
    }

    @Test
    void connectionFailuresAreAnOutage() {
        // PostgreSQL refusing connections (08001), a connection dropped mid-way (08006), closed (08003).
        for (String state : new String[] {"08001", "08006", "08003"}) {
            assertNotNull(UnavailableMappers.databaseUnavailable(wrapped(new SQLException("I/O error", state))), state);
        }
    }

    @Test
    void aServerShuttingDownStartingUpOrFullIsAnOutage() {
        for (String state : new String[] {"57P01", "57P02", "57P03", "53300"}) {
            assertNotNull(UnavailableMappers.databaseUnavailable(wrapped(new SQLException("terminating connection", state))), state);
        }
    }

    @Test
    void thePoolGivingUpOrTheDriversConnectionTypesAreAnOutage() {
        // Agroal: "Exception while creating new connection", the driver's refusal as its cause.
        assertNotNull(UnavailableMappers.databaseUnavailable(wrapped(
                new SQLException("Exception while creating new connection", new SQLException("Connection refused", "08001")))));
        assertNotNull(UnavailableMappers.databaseUnavailable(wrapped(
                new SQLException("Acquisition timeout while waiting for new connection", new TimeoutException()))));
        assertNotNull(UnavailableMappers.databaseUnavailable(new SQLTransientConnectionException("gone")));
    }

    @Test
    void aCommitFailureReportedAsSuppressedIsAnOutage() {
        // Narayana's commit: the resource's failure rides as a suppressed exception of the rollback, not its cause.
        Exception rollback = new Exception("ARJUNA016053: Could not commit transaction.");
        rollback.addSuppressed(new RuntimeException("XA commit failed", new SQLException("I/O error", "08006")));
        assertNotNull(UnavailableMappers.databaseUnavailable(new IllegalStateException("commit failed", rollback)));
    }

    @Test
    void aCycleOfCausesEndsTheSearch() {
        Exception a = new Exception("a");
        Exception b = new Exception("b", a);
        a.addSuppressed(b);
        assertNull(UnavailableMappers.databaseUnavailable(b));
    }

    @Test
    void dataAndProgrammingErrorsAreNot() {
        // A unique violation, a syntax error, a missing privilege, a plain bug: 500 (or the caller's own mapping).
        assertNull(UnavailableMappers.databaseUnavailable(wrapped(new SQLException("duplicate key", "23505"))));
        assertNull(UnavailableMappers.databaseUnavailable(wrapped(new SQLException("syntax error", "42601"))));
        assertNull(UnavailableMappers.databaseUnavailable(wrapped(new SQLException("permission denied", "42501"))));
        assertNull(UnavailableMappers.databaseUnavailable(wrapped(new SQLException("no state"))));
        assertNull(UnavailableMappers.databaseUnavailable(new NullPointerException()));
    }
}
