package fr.passerelle.web.view;

import fr.passerelle.client.model.CodeLabel;
import fr.passerelle.client.model.CodeLists;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The French labels of every code, as the API publishes them (GET /referrals/codes, GET /programmes/codes): the API
 * owns the wording, the pages only show it. Read once with the first user's token and kept (they change with a
 * release, not at run time).
 */
@ApplicationScoped
public class CodeCache {

    private volatile Map<String, List<CodeLabel>> referral;
    private volatile Map<String, List<CodeLabel>> directory;

    Map<String, List<CodeLabel>> referral() { return referral; }
    Map<String, List<CodeLabel>> directory() { return directory; }

    void referral(Map<String, List<CodeLabel>> lists) { this.referral = Map.copyOf(lists); }

    void directory(CodeLists lists) {
        Map<String, List<CodeLabel>> byName = new LinkedHashMap<>();
        byName.put("category", lists.getCategories());
        byName.put("schoolLevel", lists.getSchoolLevels());
        byName.put("schoolingStatus", lists.getSchoolingStatuses());
        byName.put("diplomaLevel", lists.getDiplomaLevels());
        byName.put("admissionMode", lists.getAdmissionModes());
        byName.put("intake", lists.getIntakes());
        byName.put("organisationKind", lists.getOrganisationKinds());
        byName.put("recordStatus", lists.getStatuses());
        byName.put("matchReason", lists.getMatchReasons());
        byName.put("audience", lists.getAudiences());
        byName.put("requirement", lists.getRequirements());
        this.directory = Map.copyOf(byName);
    }
}
