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
        @Schema(description = "The referrals of this case the caller may see.") List<ReferralSummary> referrals) {

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "CaseReferralSummary", requiredProperties = {"id", "status", "targetType", "targetId", "updatedAt"})
    public record ReferralSummary(UUID id, fr.passerelle.referral.domain.ReferralStatus status,
                                  fr.passerelle.referral.domain.TargetType targetType, UUID targetId, String targetName,
                                  Instant updatedAt) {
    }
}
