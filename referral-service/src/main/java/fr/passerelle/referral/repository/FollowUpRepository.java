package fr.passerelle.referral.repository;

import fr.passerelle.referral.domain.FollowUpEntry;
import fr.passerelle.referral.domain.Visibility;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class FollowUpRepository implements PanacheRepositoryBase<FollowUpEntry, UUID> {

    /** Entries of a referral the reader may see: shared ones, and its own organisation's. */
    public PageResult<FollowUpEntry> readable(UUID referralId, String readerAttachment, int offset, int limit) {
        String where = "referralId = ?1 and (visibility = ?2 or authorAttachment = ?3)";
        var query = find(where + " order by entryDate desc, createdAt desc, id", referralId, Visibility.ALL_PARTIES, readerAttachment);
        return new PageResult<>(query.range(offset, offset + limit - 1).list(),
                count(where, referralId, Visibility.ALL_PARTIES, readerAttachment));
    }

    public List<FollowUpEntry> allOfCase(UUID caseId) {
        return list("caseId = ?1 order by entryDate, createdAt", caseId);
    }

    /** A merge: the duplicate case's follow-up entries now belong to the surviving case. */
    public int moveToCase(UUID from, UUID to) {
        return update("caseId = ?1 where caseId = ?2", to, from);
    }
}
