package fr.passerelle.referral.repository;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Erases personal data of cases past retention, everywhere it lies. What statistics use (statuses,
 * targets, dates, outcomes) is kept, so the figures still add up.
 */
@ApplicationScoped
public class RetentionRepository {

    @Inject
    EntityManager em;

    /** Takes the cluster-wide job lock for this transaction; false when another instance holds it. */
    public boolean tryJobLock() {
        Object got = em.createNativeQuery("select pg_try_advisory_xact_lock(hashtext('referral-retention'))").getSingleResult();
        return Boolean.TRUE.equals(got);
    }

    public void anonymise(List<UUID> caseIds, Instant now) {
        em.createNativeQuery("update pupil_case set first_name = null, last_name = null, first_name_key = null, last_name_key = null,"
                        + " birth_date = null, ine = null,"
                        + " home_commune_code = null, lives_in_qpv = null, guardians = null, anonymised_at = :now,"
                        + " version = version + 1 where id in (:ids)")
                .setParameter("now", now).setParameter("ids", caseIds).executeUpdate();
        em.createNativeQuery("update referral set context = null, eligibility_override_reason = null,"
                        + " version = version + 1 where case_id in (:ids)")
                .setParameter("ids", caseIds).executeUpdate();
        em.createNativeQuery("update follow_up_entry set text = null where case_id in (:ids)")
                .setParameter("ids", caseIds).executeUpdate();
        em.createNativeQuery("update referral set six_month_note = null, twelve_month_note = null where case_id in (:ids)")
                .setParameter("ids", caseIds).executeUpdate();
        em.createNativeQuery("update case_event set payload = cast('{\"erased\": true}' as jsonb) where case_id in (:ids)"
                        + " and payload is not null")
                .setParameter("ids", caseIds).executeUpdate();
        em.createNativeQuery("delete from idempotency_record where case_id in (:ids)")
                .setParameter("ids", caseIds).executeUpdate();
    }
}
