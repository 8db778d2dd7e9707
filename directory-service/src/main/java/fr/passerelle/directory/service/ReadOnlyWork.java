package fr.passerelle.directory.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.hibernate.FlushMode;
import org.hibernate.Session;

/**
 * Marks the current transaction's session read-only: entities are loaded without the snapshot Hibernate keeps to
 * detect changes, and no query triggers a dirty check first. Matching and search load dozens to thousands of
 * programmes per request and write nothing; profiling showed that bookkeeping among the largest costs.
 */
@ApplicationScoped
public class ReadOnlyWork {

    @Inject
    Session session;

    /** Call first thing inside a {@code @Transactional} method that only reads. */
    public void begin() {
        session.setDefaultReadOnly(true);
        session.setHibernateFlushMode(FlushMode.MANUAL);
    }
}
