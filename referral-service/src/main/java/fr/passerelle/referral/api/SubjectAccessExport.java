package fr.passerelle.referral.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "Everything this service holds on one person: each case in full, its referrals, timeline (with details),"
        + " every follow-up entry whatever its visibility, and who accessed it. reference is absent when the request gave none.",
        requiredProperties = {"generatedAt", "cases"})
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SubjectAccessExport(Instant generatedAt, String reference, List<CaseRecord> cases) {

    @Schema(name = "SubjectAccessCase", requiredProperties = {"caseData", "referrals", "timeline", "followUps", "accessLog"})
    public record CaseRecord(CaseView caseData, List<ReferralView> referrals, List<TimelineEventView> timeline,
                             List<FollowUpView> followUps, List<AuditEntryView> accessLog) {
    }
}
