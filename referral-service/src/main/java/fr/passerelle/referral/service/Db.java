package fr.passerelle.referral.service;

import fr.passerelle.common.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import java.sql.SQLException;

/** Flushes inside the service so that a unique index (the race the pre-checks cannot see) answers 409, not 500. */
@ApplicationScoped
public class Db {

    @Inject
    EntityManager em;

    public void flush(String conflictType, String conflictDetail) {
        try {
            em.flush();
        } catch (PersistenceException e) {
            if (isUniqueViolation(e)) {
                throw ProblemException.conflict(conflictType, conflictDetail);
            }
            throw e;
        }
    }

    static boolean isUniqueViolation(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && "23505".equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }
}
