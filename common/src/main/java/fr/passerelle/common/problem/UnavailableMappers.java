package fr.passerelle.common.problem;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.util.Set;
import java.util.concurrent.TimeoutException;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * A database that cannot be reached (restarting, failing over, refusing or dropping connections, a pool that
 * cannot get one in time) is an outage, not a bug: 503 problem+json with Retry-After, so that the client retries
 * (with the same Idempotency-Key) instead of reporting an error. Whatever the persistence layer wraps it in
 * (Hibernate, the transaction manager, the pool), the cause chain holds the driver's SQLException; anything else
 * goes on to the catch-all 500 of {@link ProblemMappers}.
 */
public class UnavailableMappers {

    /** A PostgreSQL restart or fail-over takes seconds. */
    static final int RETRY_AFTER_SECONDS = 5;

    private static final Logger LOG = Logger.getLogger(UnavailableMappers.class);

    /**
     * SQLSTATEs that mean "the server is not there right now" (class 08 is matched as a whole): shutting down or
     * crashed (57P01, 57P02), starting up (57P03), out of connections (53300).
     */
    private static final Set<String> UNAVAILABLE_STATES = Set.of("57P01", "57P02", "57P03", "53300");

    private final ProblemMappers mappers = new ProblemMappers();

    /** Closer than ProblemMappers' Throwable mapper, so it sees every exception that has no mapper of its own. */
    @ServerExceptionMapper
    public Response exception(Exception e, ContainerRequestContext request) {
        SQLException cause = databaseUnavailable(e);
        if (cause == null) {
            return mappers.unexpected(e, request);
        }
        // The driver's message can name the host and port: the type and state say enough.
        LOG.warnf("Database unavailable (%s, SQLSTATE %s): answering 503", cause.getClass().getSimpleName(), cause.getSQLState());
        return mappers.problem(ProblemException.serviceUnavailable(
                "The service cannot reach its database right now; nothing was saved. Retry later"
                        + " (with the same Idempotency-Key for a creation).", RETRY_AFTER_SECONDS), request);
    }

    /**
     * The SQLException that says the database is unreachable, or null. Looks through causes and suppressed
     * exceptions: when a commit fails, Narayana reports the resource's failure as a suppressed exception of its
     * RollbackException or HeuristicMixedException, not always as the cause.
     */
    static SQLException databaseUnavailable(Throwable e) {
        return search(e, java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>()));
    }

    private static SQLException search(Throwable t, Set<Throwable> seen) {
        if (t == null || seen.size() >= 64 || !seen.add(t)) {
            return null;
        }
        if (t instanceof SQLException sql && unavailable(sql)) {
            return sql;
        }
        SQLException found = search(t.getCause(), seen);
        for (Throwable suppressed : t.getSuppressed()) {
            if (found != null) {
                break;
            }
            found = search(suppressed, seen);
        }
        return found;
    }

    private static boolean unavailable(SQLException e) {
        if (e instanceof SQLTransientConnectionException || e instanceof SQLNonTransientConnectionException) {
            return true;
        }
        String state = e.getSQLState();
        if (state != null) {
            return state.startsWith("08") || UNAVAILABLE_STATES.contains(state);
        }
        // The pool's own "acquisition timeout" carries no state, only the timeout as its cause.
        return e.getCause() instanceof TimeoutException;
    }
}
