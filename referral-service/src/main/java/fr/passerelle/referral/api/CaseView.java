package fr.passerelle.referral.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import fr.passerelle.referral.domain.CaseStatus;
import fr.passerelle.common.codes.SchoolLevel;
import fr.passerelle.common.codes.SchoolingStatus;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(description = "A case as the caller may see it. view=FULL for its owner (the school's referent, or the coordinators of"
        + " the platform that created it); view=MINIMAL for those who see it through a referral (partner staff, a coordinating"
        + " platform): no INE, no consent details, guardians only once one of those referrals was accepted."
        + " After retention, identity members are absent and anonymised is true. Members without a value are absent.",
        requiredProperties = {"id", "view", "status", "createdAt", "updatedAt", "referrals"})
public record CaseView(
        UUID id,
        @Schema(examples = "FULL", enumeration = {"FULL", "MINIMAL"}) String view,
        CaseStatus status,
        String firstName,
        String lastName,
        LocalDate birthDate,
        String ine,
        String schoolUai,
        SchoolLevel schoolLevel,
        SchoolingStatus schoolingStatus,
        String homeCommuneCode,
        Boolean livesInQpv,
        List<GuardianContact> guardians,
        ConsentRecord consent,
        Instant consentWithdrawnAt,
        String originUai,
        UUID originPlatform,
        Instant createdAt,
        Instant updatedAt,
        Instant closedAt,
        Boolean anonymised,
        @Schema(description = "The referrals of this case the caller may see.") List<ReferralSummary> referrals,
        @Schema(description = "Only in the answer to a creation or a correction (POST /cases, PATCH /cases/{id}), and there"
                + " always (empty when none): the ids of other cases the caller may see, open or closed, with the same birth"
                + " date and near names (one typo, swapped first and last names, a compound name with a part missing or"
                + " joined, accents, usual spelling variants). Cases the caller may not see are never listed. A coordinator"
                + " may merge them (POST /cases/{id}/merge).",
                examples = "[\"0b6f1c9e-3a4d-4e1f-9c2b-7d8e5f6a1b2c\"]") List<UUID> possibleDuplicates) {

    /** The same view with the near duplicates found for it (the answer to a creation or a correction). */
    public CaseView withPossibleDuplicates(List<UUID> ids) {
        return new CaseView(id, view, status, firstName, lastName, birthDate, ine, schoolUai, schoolLevel, schoolingStatus,
                homeCommuneCode, livesInQpv, guardians, consent, consentWithdrawnAt, originUai, originPlatform, createdAt,
                updatedAt, closedAt, anonymised, referrals, List.copyOf(ids));
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "CaseReferralSummary", requiredProperties = {"id", "status", "targetType", "targetId", "updatedAt"})
    public record ReferralSummary(UUID id, fr.passerelle.referral.domain.ReferralStatus status,
                                  fr.passerelle.referral.domain.TargetType targetType, UUID targetId, String targetName,
                                  Instant updatedAt) {
    }
}
