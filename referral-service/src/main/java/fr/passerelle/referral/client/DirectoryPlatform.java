package fr.passerelle.referral.client;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;
import java.util.UUID;

/** A PSAD platform as directory-service describes it; other fields are ignored. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record DirectoryPlatform(UUID id, String name, Territory territory, List<Member> coAnimators, List<Member> members,
                                Boolean archived) {

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Territory(List<String> communes, List<String> departements, List<String> academies) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Member(UUID id, String name, String kind) {
    }

    /** A commune is in the territory when listed itself or when its département is. */
    public boolean covers(DirectoryCommune commune) {
        if (territory == null || commune == null) {
            return false;
        }
        return (territory.communes() != null && territory.communes().contains(commune.code()))
                || (territory.departements() != null && territory.departements().contains(commune.departementCode()));
    }
}
