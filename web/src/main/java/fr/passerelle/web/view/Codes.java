package fr.passerelle.web.view;

import fr.passerelle.client.ApiException;
import fr.passerelle.client.model.CodeLabel;
import fr.passerelle.web.client.Api;
import fr.passerelle.web.security.Viewer;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Labels and option lists for templates: {@code {codes:label('status', r.status)}} or, in a template,
 * {@code {codes.label('status', referral.status)}} and {@code {#for c in codes.list('reason')}}. Referral lists
 * (status, action, reason, urgency, declineReason, cancelReason, outcome, followUpKind, visibility, schoolLevel,
 * schoolingStatus, consentGivenBy, consentPurpose, guardianRelationship, admissionMode) come from the referral
 * service; directory lists (category, schoolLevel, schoolingStatus, diplomaLevel, admissionMode, intake,
 * organisationKind, recordStatus, matchReason) from the directory. A name in both is answered from the referral list.
 */
@Named("codes")
@RequestScoped
public class Codes {

    private final CodeCache cache;
    private final Api api;
    private final Viewer viewer;

    @Inject
    public Codes(CodeCache cache, Api api, Viewer viewer) {
        this.cache = cache;
        this.api = api;
        this.viewer = viewer;
    }

    /** The options of a list, in the API's order (empty when the list is unknown or cannot be read). */
    public List<CodeLabel> list(String name) {
        List<CodeLabel> list = referralLists().get(name);
        if (list == null) {
            list = directoryLists().get(name);
        }
        return list == null ? List.of() : list;
    }

    /** The French label of a code; the code itself when it has none (a value newer than this page). */
    public String label(String name, Object code) {
        if (code == null) {
            return "";
        }
        String value = code instanceof Enum<?> e ? String.valueOf(e) : code.toString();
        for (CodeLabel option : list(name)) {
            if (Objects.equals(option.getCode(), value)) {
                return option.getLabel();
            }
        }
        return value;
    }

    private Map<String, List<CodeLabel>> referralLists() {
        if (cache.referral() == null && viewer.isCaseWorker()) {
            try {
                cache.referral(api.referrals().getCodeLists().getLists());
            } catch (ApiException e) {
                return Map.of();
            }
        }
        return cache.referral() == null ? Map.of() : cache.referral();
    }

    private Map<String, List<CodeLabel>> directoryLists() {
        if (cache.directory() == null && viewer.isAuthenticated()) {
            try {
                cache.directory(api.programmes().listDirectoryCodes(null));
            } catch (ApiException e) {
                return Map.of();
            }
        }
        return cache.directory() == null ? Map.of() : cache.directory();
    }
}
