package fr.passerelle.referral.client;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;

/**
 * directory-service's answer to "does this young person fit this programme, and why not?" (the directory owns the
 * rule); the parts this service uses. Each mismatch is a rule not met, as a code with its French label.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record DirectoryEligibility(Boolean fits, List<Mismatch> mismatches) {

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Mismatch(String code, String label) {
    }

    public List<Mismatch> mismatchesOrEmpty() {
        return mismatches == null ? List.of() : mismatches;
    }

    /**
     * The young person's situation as the directory's eligibility operation takes it: no identity, an age rather than a
     * birth date (the query string is a URL). A record: the cache keys on programme and every criterion.
     */
    public record Criteria(int age, String schoolLevel, String schoolingStatus, String communeCode, Boolean livesInQpv) {
    }
}
