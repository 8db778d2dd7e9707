package fr.passerelle.referral.repository;

import fr.passerelle.referral.domain.CaseEvent;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class CaseEventRepository implements PanacheRepositoryBase<CaseEvent, UUID> {

    /**
     * A case's timeline as one reader may see it: the events of the referrals it may see (ids from a
     * scoped referral query) and, for readers of the whole case, the case's own events.
     */
    public List<CaseEvent> timeline(UUID caseId, Collection<UUID> visibleReferralIds, boolean includeCaseEvents) {
        String where = "e.caseId = :caseId and (" + (includeCaseEvents ? "e.referralId is null or " : "")
                + (visibleReferralIds.isEmpty() ? "1 = 0" : "e.referralId in :referrals") + ")";
        var q = getEntityManager().createQuery("select e from CaseEvent e where " + where + " order by e.occurredAt, e.id",
                CaseEvent.class).setParameter("caseId", caseId);
        if (!visibleReferralIds.isEmpty()) {
            q.setParameter("referrals", visibleReferralIds);
        }
        return q.getResultList();
    }

    public List<CaseEvent> allOfCase(UUID caseId) {
        return list("caseId = ?1 order by occurredAt, id", caseId);
    }

    /** A merge: the duplicate case's timeline events now belong to the surviving case (both histories on one timeline). */
    public int moveToCase(UUID from, UUID to) {
        return update("caseId = ?1 where caseId = ?2", to, from);
    }
}
