package fr.passerelle.referral.service;

import fr.passerelle.common.codes.CodeLabel;
import fr.passerelle.referral.api.CodeList;
import fr.passerelle.common.codes.AdmissionMode;
import fr.passerelle.referral.domain.CancelReason;
import fr.passerelle.referral.domain.ConsentGiver;
import fr.passerelle.referral.domain.ConsentPurpose;
import fr.passerelle.referral.domain.DeclineReason;
import fr.passerelle.referral.domain.FollowUpKind;
import fr.passerelle.referral.domain.GuardianRelationship;
import fr.passerelle.referral.domain.LifecycleAction;
import fr.passerelle.referral.domain.Outcome;
import fr.passerelle.referral.domain.ReferralReason;
import fr.passerelle.referral.domain.ReferralStatus;
import fr.passerelle.common.codes.SchoolLevel;
import fr.passerelle.common.codes.SchoolingStatus;
import fr.passerelle.referral.domain.TargetType;
import fr.passerelle.referral.domain.Urgency;
import fr.passerelle.referral.domain.Visibility;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The code lists with their French labels (no personal data, no audit). */
@ApplicationScoped
public class CodeService {

    private static final CodeList ALL;

    static {
        Map<String, List<CodeLabel>> lists = new LinkedHashMap<>();
        lists.put("status", CodeLabel.all(ReferralStatus.class));
        lists.put("action", CodeLabel.all(LifecycleAction.class));
        lists.put("targetType", CodeLabel.all(TargetType.class));
        lists.put("reason", CodeLabel.all(ReferralReason.class));
        lists.put("urgency", CodeLabel.all(Urgency.class));
        lists.put("declineReason", CodeLabel.all(DeclineReason.class));
        lists.put("cancelReason", CodeLabel.all(CancelReason.class));
        lists.put("outcome", CodeLabel.all(Outcome.class));
        lists.put("positiveExitOutcome", java.util.Arrays.stream(Outcome.values()).filter(Outcome::positiveExit)
                .map(Outcome::codeLabel).toList());
        lists.put("followUpKind", CodeLabel.all(FollowUpKind.class));
        lists.put("visibility", CodeLabel.all(Visibility.class));
        lists.put("schoolLevel", CodeLabel.all(SchoolLevel.class));
        lists.put("schoolingStatus", CodeLabel.all(SchoolingStatus.class));
        lists.put("consentGivenBy", CodeLabel.all(ConsentGiver.class));
        lists.put("consentPurpose", CodeLabel.all(ConsentPurpose.class));
        lists.put("guardianRelationship", CodeLabel.all(GuardianRelationship.class));
        lists.put("admissionMode", CodeLabel.all(AdmissionMode.class));
        ALL = new CodeList(lists);
    }

    public CodeList all() {
        return ALL;
    }
}
