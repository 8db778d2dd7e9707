package fr.passerelle.referral.repository;

import fr.passerelle.referral.domain.AccessScope;
import fr.passerelle.referral.domain.CaseEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import java.util.List;
import java.util.UUID;

/**
 * A case's timeline. Not a Panache repository on purpose: its inherited finders would read a case's history with no
 * access decision. Every read here takes an {@link AccessScope} (PupilDataAccessTest).
 */
@ApplicationScoped
public class CaseEventRepository {

    @Inject
    EntityManager em;

    public void persist(CaseEvent e) {
        em.persist(e);
    }

    /**
     * A case's timeline as one reader may see it: the events of the case's referrals the scope reads and, for readers of
     * the whole case ({@code includeCaseEvents}), the case's own events. Nothing when the scope does not read the case.
     */
    public List<CaseEvent> timeline(UUID caseId, AccessScope scope, boolean includeCaseEvents) {
        String where = "e.caseId = :caseId and exists (select 1 from PupilCase c where c.id = e.caseId and "
                + ScopeFilter.pupilCase("c", scope) + ") and (" + (includeCaseEvents ? "e.referralId is null or " : "")
                + "exists (select 1 from Referral r where r.id = e.referralId and r.caseId = e.caseId and "
                + ScopeFilter.referral("r", scope) + "))";
        TypedQuery<CaseEvent> q = em.createQuery("select e from CaseEvent e where " + where + " order by e.occurredAt, e.id",
                CaseEvent.class).setParameter("caseId", caseId);
        ScopeFilter.bind(q, scope);
        return q.getResultList();
    }

    /** Every event of a case the scope reads (a subject-access export passes the unrestricted scope). */
    public List<CaseEvent> allOfCase(UUID caseId, AccessScope scope) {
        TypedQuery<CaseEvent> q = em.createQuery("select e from CaseEvent e where e.caseId = :caseId and exists"
                + " (select 1 from PupilCase c where c.id = e.caseId and " + ScopeFilter.pupilCase("c", scope) + ")"
                + " order by e.occurredAt, e.id", CaseEvent.class).setParameter("caseId", caseId);
        ScopeFilter.bind(q, scope);
        return q.getResultList();
    }

    /** A merge: the duplicate case's timeline events now belong to the surviving case (both histories on one timeline). */
    public int moveToCase(UUID from, UUID to) {
        return em.createQuery("update CaseEvent e set e.caseId = :to where e.caseId = :from")
                .setParameter("to", to).setParameter("from", from).executeUpdate();
    }
}
