package fr.passerelle.web.referral;

import fr.passerelle.client.model.AdmissionMode;
import fr.passerelle.client.model.FollowUpView;
import fr.passerelle.client.model.LifecycleAction;
import fr.passerelle.client.model.Programme;
import fr.passerelle.client.model.ReferralView;
import fr.passerelle.client.model.TargetType;
import fr.passerelle.web.view.Dates;
import fr.passerelle.web.view.Form;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * Everything the referral page shows: the referral as the API gave it with the ETag read with it (each action form
 * sends it back as If-Match), its follow-up log, the programmes a coordinator may redirect it to, what the user typed
 * (kept when the API refused it) and which form that was.
 */
public record ReferralScreen(ReferralView referral, String version, List<FollowUpView> followUps, long followUpTotal,
                             List<Programme> redirectTargets, Form form, ReferralAction failed, String message,
                             String callerId, boolean showCaseLink, String idempotencyKey, boolean partner) {

    /** Partner staff record the situation 6 or 12 months after the exit when the API says a milestone is due. */
    public boolean canRecordOutcomeFollowUp() {
        return partner && referral.getOutcomeFollowUpDue() != null;
    }

    /** « à 6 mois » / « à 12 mois ». */
    public String milestone(Object milestone) {
        return "TWELVE_MONTHS".equals(String.valueOf(milestone)) ? "à 12 mois" : "à 6 mois";
    }

    /** May the user take this lifecycle action now (the API's allowedActions)? */
    public boolean can(String action) {
        LifecycleAction wanted = LifecycleAction.fromValue(action);
        return referral.getAllowedActions().contains(wanted);
    }

    /** Is there any lifecycle action to offer? */
    public boolean hasActions() {
        return referral.getAllowedActions().stream().anyMatch(a -> a != LifecycleAction.UNKNOWN_DEFAULT_OPEN_API
                && a != LifecycleAction.WITHDRAW_CONSENT);
    }

    /**
     * Assignment is open to the party responsible now, i.e. who can move it forward (the API answers 403 to others and
     * 409 once it is finished): offered when an action other than cancelling is allowed.
     */
    public boolean canAssign() {
        return ListFilter.needsAction(referral);
    }

    /** Follow-up entries can be added once the referral has been submitted. */
    public boolean canAddFollowUp() {
        return referral.getStatus() != null && referral.getStatus() != fr.passerelle.client.model.ReferralStatus.DRAFT;
    }

    /** Admission by CTO or departmental commission: decisions carry the commission's date. */
    public boolean byCommission() {
        return referral.getTargetAdmissionMode() == AdmissionMode.CTO
                || referral.getTargetAdmissionMode() == AdmissionMode.DEPARTMENTAL_COMMISSION;
    }

    public boolean toPlatform() {
        return referral.getTargetType() == TargetType.PLATFORM;
    }

    public boolean assigned() {
        return referral.getAssigneeId() != null;
    }

    public boolean assignedToMe() {
        return callerId != null && Objects.equals(callerId, referral.getAssigneeId());
    }

    /** Was this form the one the API refused (so its values and errors are shown)? */
    public boolean failed(String prefix) {
        return failed != null && failed.prefix().equals(prefix);
    }

    public boolean selectedTarget(UUID programme) {
        return programme != null && form.value(ReferralAction.REDIRECT.field("programmeId")).equals(programme.toString());
    }

    /** The posted value if the form was refused, else the default: the field tag reads the form. */
    public static Form withDefaults(Form form, ReferralView referral, ReferralAction posted) {
        String today = Dates.iso(LocalDate.now(Dates.PARIS));
        defaultValue(form, posted, ReferralAction.START, "startDate", today);
        defaultValue(form, posted, ReferralAction.COMPLETE, "outcomeDate", today);
        defaultValue(form, posted, ReferralAction.FOLLOW_UP, "entryDate", today);
        defaultValue(form, posted, ReferralAction.FOLLOW_UP, "visibility", "AUTHOR_ORG");
        if (referral.getCommissionDate() != null) {
            for (ReferralAction a : List.of(ReferralAction.ACCEPT, ReferralAction.WAITLIST, ReferralAction.DECLINE)) {
                defaultValue(form, posted, a, "commissionDate", Dates.iso(referral.getCommissionDate()));
            }
        }
        return form;
    }

    /** A default in a form the user did not just post (what they left empty stays empty, next to its error). */
    private static void defaultValue(Form form, ReferralAction posted, ReferralAction action, String member,
                                     String value) {
        String name = action.field(member);
        if (action != posted && form.value(name).isEmpty()) {
            form.with(name, value);
        }
    }

    /** The API has no code list for eligibility mismatches (its Eligibility rule codes): their French wording. */
    private static final java.util.Map<String, String> MISMATCHES = java.util.Map.of(
            "AGE_BELOW_MINIMUM", "Plus jeune que l'âge minimum du dispositif",
            "AGE_ABOVE_MAXIMUM", "Plus âgé que l'âge maximum du dispositif",
            "SCHOOL_LEVEL", "Niveau scolaire non accepté par le dispositif",
            "SCHOOLING_STATUS", "Situation scolaire non acceptée par le dispositif",
            "QPV_RESIDENCE", "Ne réside pas dans un quartier prioritaire (QPV), condition du dispositif",
            "OUTSIDE_SERVICE_AREA", "Commune de résidence hors de la zone desservie par le dispositif",
            "OUTSIDE_TERRITORY", "Commune de résidence hors du territoire de la plateforme");

    public String mismatch(String code) {
        return MISMATCHES.getOrDefault(code, code);
    }

    /** Today in Paris, for the date inputs' max. */
    public String today() {
        return Dates.iso(LocalDate.now(Dates.PARIS));
    }
}
