package fr.passerelle.web.view.referent;

import fr.passerelle.web.view.FormReader;
import fr.passerelle.client.model.MatchRequest;
import fr.passerelle.client.model.MatchResult;
import fr.passerelle.client.model.ReferralCreateRequest;
import fr.passerelle.client.model.ReferralReason;
import fr.passerelle.client.model.SchoolLevel;
import fr.passerelle.client.model.SchoolingStatus;
import fr.passerelle.client.model.TargetType;
import fr.passerelle.client.model.Urgency;
import fr.passerelle.web.view.Form;
import java.util.List;

/** The finder's and the referral form's fields turned into API requests (names = the requests' members). */
public final class ReferralRequests {

    /** Results asked of the matcher: enough for a page, the best first. */
    public static final int MATCH_LIMIT = 20;

    private ReferralRequests() {
    }

    public static CaseRequests.Built<MatchRequest> match(Form form) {
        FormReader in = new FormReader(form);
        MatchRequest r = new MatchRequest()
                .birthDate(in.date("birthDate"))
                .age(in.integer("age"))
                .schoolLevel(in.code("schoolLevel", SchoolLevel::fromValue))
                .schoolingStatus(in.code("schoolingStatus", SchoolingStatus::fromValue))
                .communeCode(in.text("communeCode"))
                .livesInQpv(in.bool("livesInQpv"))
                .limit(MATCH_LIMIT);
        if (r.getBirthDate() != null) {
            r.setAge(null); // the birth date is the more exact of the two: the API computes the age from it
        }
        return new CaseRequests.Built<>(r, in.problem());
    }

    /** The results in one of the chosen categories (the matcher has no category criterion); all when none is chosen. */
    public static List<MatchResult> inCategories(List<MatchResult> results, List<String> categories) {
        if (categories == null || categories.isEmpty()) {
            return results;
        }
        return results.stream()
                .filter(m -> m.getProgramme() != null && m.getProgramme().getCategories() != null
                        && m.getProgramme().getCategories().stream().anyMatch(categories::contains))
                .toList();
    }

    public static CaseRequests.Built<ReferralCreateRequest> create(Form form) {
        FormReader in = new FormReader(form);
        ReferralCreateRequest r = new ReferralCreateRequest()
                .caseId(in.uuid("caseId"))
                .targetType(in.code("targetType", TargetType::fromValue))
                .targetId(in.uuid("targetId"))
                .reason(in.code("reason", ReferralReason::fromValue))
                .urgency(in.code("urgency", Urgency::fromValue))
                .context(in.text("context"))
                .eligibilityOverrideReason(in.text("eligibilityOverrideReason"))
                // Two buttons named "submit": "true" sends it now, "false" keeps a draft.
                .submit(!"false".equals(form.value("submit")));
        return new CaseRequests.Built<>(r, in.problem());
    }
}
