package fr.passerelle.directory.repository;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/** Fingerprints of seed folder contents already loaded (table seed_state). */
@ApplicationScoped
public class SeedStateRepository {

    @Inject
    EntityManager em;

    @Transactional
    public boolean loaded(String fingerprint) {
        return !em.createNativeQuery("SELECT 1 FROM seed_state WHERE fingerprint = :f").setParameter("f", fingerprint)
                .getResultList().isEmpty();
    }

    @Transactional
    public void remember(String fingerprint) {
        em.createNativeQuery("INSERT INTO seed_state (fingerprint, loaded_at) VALUES (:f, now()) ON CONFLICT DO NOTHING")
                .setParameter("f", fingerprint).executeUpdate();
    }
}
