package fr.passerelle.referral.client;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;
import java.util.UUID;

/** The part of directory-service's programme this service uses; other fields are ignored. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record DirectoryProgramme(UUID id, UUID organisationId, String organisationName, String name,
                                 Eligibility eligibility, String admissionMode, Integer placesAvailable, String status,
                                 Boolean archived, Boolean open, Area serviceArea, List<UUID> platformIds,
                                 List<DirectoryContact> contacts) {

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Eligibility(Integer minAge, Integer maxAge, List<String> schoolLevels, List<String> schoolingStatuses,
                              String maxDiplomaLevel, Boolean qpvResidenceRequired) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Area(List<String> communes, List<String> departements, List<String> academies) {
    }

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
