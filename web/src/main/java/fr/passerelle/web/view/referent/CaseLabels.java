package fr.passerelle.web.view.referent;

import io.quarkus.qute.TemplateExtension;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * French wording for what the API has no code list for: a case's status, why it was closed, and the kinds of
 * timeline events ({@code {libelle:caseStatus(c.getStatus())}}). A referral's status in an event ("REFERRAL_ACCEPTED") is labelled by the API's status list.
 */
@TemplateExtension(namespace = "libelle")
public final class CaseLabels {

    public static final Map<String, String> CASE_STATUS = Map.of("OPEN", "Ouvert", "CLOSED", "Clos");

    /** In the API's order (CaseCloseRequest.reason), for the close form. */
    private static final Map<String, String> CLOSE_REASONS = closeReasonsInOrder();

    private static final Map<String, String> EVENTS = Map.ofEntries(
            Map.entry("CASE_CREATED", "Dossier créé"),
            Map.entry("CASE_UPDATED", "Dossier corrigé"),
            Map.entry("CASE_CLOSED", "Dossier clos"),
            Map.entry("CASE_MERGED", "Un dossier en double a été fusionné dans celui-ci"),
            Map.entry("CONSENT_WITHDRAWN", "Consentement retiré"),
            Map.entry("FOLLOW_UP_ADDED", "Suivi ajouté"),
            Map.entry("REFERRAL_CREATED", "Orientation créée"),
            Map.entry("REFERRAL_ASSIGNED", "Orientation attribuée à un agent"),
            Map.entry("REFERRAL_UNASSIGNED", "Orientation remise dans la file"),
            Map.entry("REFERRAL_OVERDUE", "Orientation en retard"),
            Map.entry("REFERRAL_OUTCOME_FOLLOW_UP", "Situation à 6 ou 12 mois renseignée"),
            Map.entry("REFERRAL_OUTCOME_FOLLOW_UP_DUE", "Situation à 6 ou 12 mois à renseigner"));

    private static final Map<String, String> FIELDS = Map.ofEntries(
            Map.entry("firstName", "prénom"), Map.entry("lastName", "nom"), Map.entry("birthDate", "date de naissance"),
            Map.entry("ine", "INE"), Map.entry("schoolLevel", "niveau"), Map.entry("schoolingStatus", "situation scolaire"),
            Map.entry("homeCommuneCode", "commune"), Map.entry("livesInQpv", "QPV"), Map.entry("guardians", "représentants légaux"));

    private CaseLabels() {
    }

    public static String caseStatus(Object status) {
        String code = status == null ? "" : status.toString();
        return CASE_STATUS.getOrDefault(code, code);
    }

    /** A code and its label, for a select the API has no list for. */
    public record Option(String code, String label) {
    }

    public static java.util.List<Option> closeReasons() {
        return CLOSE_REASONS.entrySet().stream().map(e -> new Option(e.getKey(), e.getValue())).toList();
    }

    private static Map<String, String> closeReasonsInOrder() {
        Map<String, String> reasons = new LinkedHashMap<>();
        reasons.put("SUPPORT_ENDED", "Accompagnement terminé");
        reasons.put("MOVED_AWAY", "Déménagement");
        reasons.put("DUPLICATE", "Doublon");
        reasons.put("OTHER", "Autre motif");
        return java.util.Collections.unmodifiableMap(reasons);
    }

    public static String closeReason(Object reason) {
        String code = reason == null ? "" : reason.toString();
        // MERGED is the service's own reason (a merge), not one a person chooses in the close form.
        return "MERGED".equals(code) ? "Fusionné avec un autre dossier" : CLOSE_REASONS.getOrDefault(code, "Motif non précisé");
    }

    /**
     * The label of a timeline event type, or null for a referral status change ("REFERRAL_" + status), which the page
     * labels with the API's status list.
     */
    public static String event(String type) {
        return type == null ? "" : EVENTS.get(type);
    }

    /** First and last name joined, whichever are known ("" when neither). */
    public static String names(String first, String last) {
        return ((first == null ? "" : first) + " " + (last == null ? "" : last)).trim();
    }

    /** The corrected fields of a CASE_UPDATED event, in French (the timeline names fields, never values). */
    public static String field(Object name) {
        String n = name == null ? "" : name.toString();
        return FIELDS.getOrDefault(n, n);
    }
}
