package fr.passerelle.referral.client;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;
import java.util.UUID;

/**
 * The part of directory-service's programme this service uses; other fields are ignored. Its eligibility is not read
 * here: whether a young person fits is asked of the directory ({@link DirectoryEligibility}), the rule's one owner.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record DirectoryProgramme(UUID id, UUID organisationId, String organisationName, String name,
                                 String admissionMode, Integer placesAvailable, String status,
                                 Boolean archived, Boolean open, List<UUID> platformIds,
                                 List<DirectoryContact> contacts) {

    /** Open: not archived, ACTIVE and places unknown or above zero (trusting the directory's own flag when given). */
    public boolean acceptsReferrals() {
        if (Boolean.TRUE.equals(archived)) {
            return false;
        }
        if (open != null) {
            return open;
        }
        return "ACTIVE".equals(status) && (placesAvailable == null || placesAvailable > 0);
    }

    public List<UUID> platformIdsOrEmpty() {
        return platformIds == null ? List.of() : platformIds;
    }
}
