package fr.passerelle.referral.repository;

import fr.passerelle.referral.domain.AccessScope;
import fr.passerelle.referral.domain.FollowUpEntry;
import fr.passerelle.referral.domain.Visibility;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.persistence.TypedQuery;
import java.util.List;
import java.util.UUID;

/**
 * The follow-up log. Not a Panache repository on purpose: its inherited finders would read the notes on a young
 * person with no access decision. Every read here takes an {@link AccessScope} (PupilDataAccessTest).
 */
@ApplicationScoped
public class FollowUpRepository {

    @Inject
    EntityManager em;

    public void persist(FollowUpEntry f) {
        em.persist(f);
    }

    /**
     * Entries of a referral the scope reads that this reader may see: shared ones, and its own organisation's
     * ({@code readerAttachment}). Nothing when the scope does not read the referral.
     */
    public PageResult<FollowUpEntry> readable(UUID referralId, AccessScope scope, String readerAttachment, int offset, int limit) {
        String where = "f.referralId = :referral and (f.visibility = :shared or f.authorAttachment = :reader)"
                + " and exists (select 1 from Referral r where r.id = f.referralId and " + ScopeFilter.referral("r", scope) + ")";
        TypedQuery<FollowUpEntry> q = em.createQuery("select f from FollowUpEntry f where " + where
                + " order by f.entryDate desc, f.createdAt desc, f.id", FollowUpEntry.class);
        TypedQuery<Long> count = em.createQuery("select count(f) from FollowUpEntry f where " + where, Long.class);
        for (Query query : List.<Query>of(q, count)) {
            query.setParameter("referral", referralId).setParameter("shared", Visibility.ALL_PARTIES)
                    .setParameter("reader", readerAttachment);
            ScopeFilter.bind(query, scope);
        }
        return new PageResult<>(q.setFirstResult(offset).setMaxResults(limit).getResultList(), count.getSingleResult());
    }

    /** Every entry of a case the scope reads (a subject-access export passes the unrestricted scope). */
    public List<FollowUpEntry> allOfCase(UUID caseId, AccessScope scope) {
        TypedQuery<FollowUpEntry> q = em.createQuery("select f from FollowUpEntry f where f.caseId = :caseId and exists"
                + " (select 1 from PupilCase c where c.id = f.caseId and " + ScopeFilter.pupilCase("c", scope) + ")"
                + " order by f.entryDate, f.createdAt", FollowUpEntry.class).setParameter("caseId", caseId);
        ScopeFilter.bind(q, scope);
        return q.getResultList();
    }

    /** A merge: the duplicate case's follow-up entries now belong to the surviving case. */
    public int moveToCase(UUID from, UUID to) {
        return em.createQuery("update FollowUpEntry f set f.caseId = :to where f.caseId = :from")
                .setParameter("to", to).setParameter("from", from).executeUpdate();
    }
}
