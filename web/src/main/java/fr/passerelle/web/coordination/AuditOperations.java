package fr.passerelle.web.coordination;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The operations of the access log in French. The API publishes no code list for them (AuditOperation), so the
 * wording lives here; a code newer than this table is shown as is.
 */
@io.quarkus.qute.TemplateExtension(namespace = "audit")
public final class AuditOperations {

    private static final Map<String, String> LABELS = new LinkedHashMap<>();

    static {
        LABELS.put("CASE_CREATE", "Création d'un dossier");
        LABELS.put("CASE_READ", "Consultation d'un dossier");
        LABELS.put("CASE_LIST", "Liste de dossiers");
        LABELS.put("CASE_UPDATE", "Modification d'un dossier");
        LABELS.put("CASE_CLOSE", "Clôture d'un dossier");
        LABELS.put("CASE_DUPLICATE_CHECK", "Dossier signalé comme doublon possible");
        LABELS.put("CASE_MERGED", "Fusion de dossiers");
        LABELS.put("CASE_CONSENT_WITHDRAW", "Retrait du consentement");
        LABELS.put("CASE_TIMELINE_READ", "Consultation de l'historique d'un dossier");
        LABELS.put("IDEMPOTENT_REPLAY", "Requête rejouée (doublon évité)");
        LABELS.put("REFERRAL_CREATE", "Création d'une orientation");
        LABELS.put("REFERRAL_READ", "Consultation d'une orientation");
        LABELS.put("REFERRAL_INBOX", "Liste d'orientations");
        LABELS.put("REFERRAL_SUBMIT", "Envoi d'une orientation");
        LABELS.put("REFERRAL_RECEIVE", "Prise en compte d'une orientation");
        LABELS.put("REFERRAL_REDIRECT", "Réorientation");
        LABELS.put("REFERRAL_ACCEPT", "Acceptation d'une orientation");
        LABELS.put("REFERRAL_WAITLIST", "Mise en liste d'attente");
        LABELS.put("REFERRAL_DECLINE", "Refus d'une orientation");
        LABELS.put("REFERRAL_START", "Entrée dans le dispositif");
        LABELS.put("REFERRAL_COMPLETE", "Sortie du dispositif");
        LABELS.put("REFERRAL_CANCEL", "Annulation d'une orientation");
        LABELS.put("REFERRAL_ASSIGN", "Attribution d'une orientation");
        LABELS.put("REFERRAL_OUTCOME_FOLLOW_UP", "Situation à 6 ou 12 mois après la sortie");
        LABELS.put("FOLLOW_UP_CREATE", "Ajout au suivi");
        LABELS.put("FOLLOW_UP_LIST", "Consultation du suivi");
        LABELS.put("TRIAGE_LIST", "Consultation de la file de triage");
        LABELS.put("AUDIT_LOG_READ", "Consultation du journal des accès");
        LABELS.put("SUBJECT_ACCESS_EXPORT", "Export au titre du droit d'accès");
        LABELS.put("RETENTION_ANONYMISE", "Anonymisation (durée de conservation atteinte)");
        LABELS.put("TRAINING_OBLIGATION_ALERT", "Alerte obligation de formation");
    }

    private AuditOperations() {
    }

    public static String label(String code) {
        if (code == null) {
            return "";
        }
        return LABELS.getOrDefault(code, code);
    }

    /** Every known operation and its label, in a sensible order (for the filter's select). */
    public static Map<String, String> all() {
        return java.util.Collections.unmodifiableMap(LABELS);
    }

    /** The purpose of an access in French (a string in the contract; the service's values as of this release). */
    public static String purpose(String code) {
        if (code == null) {
            return "";
        }
        return switch (code) {
            case "REFERRAL_MANAGEMENT" -> "Gestion des orientations";
            case "CONSENT_MANAGEMENT" -> "Gestion du consentement";
            case "TRIAGE" -> "Triage par la plateforme";
            case "ADMISSION" -> "Admission dans un dispositif";
            case "SUPPORT_FOLLOW_UP" -> "Suivi de l'accompagnement";
            case "DATA_PROTECTION_OVERSIGHT" -> "Contrôle de la protection des données";
            case "DATA_SUBJECT_RIGHTS" -> "Droits des personnes";
            case "RETENTION_POLICY" -> "Durée de conservation";
            default -> code;
        };
    }

    /** The log filtered on one token subject. */
    public static String subjectLink(String subject) {
        return "/audit?subject=" + java.net.URLEncoder.encode(subject == null ? "" : subject, java.nio.charset.StandardCharsets.UTF_8);
    }

    /** Who, in French, from the token's role. */
    public static String role(String role) {
        if (role == null) {
            return "";
        }
        return switch (role) {
            case "referent" -> "Référent décrochage";
            case "coordinator" -> "Coordination PSAD";
            case "partner" -> "Partenaire";
            case "directory-admin" -> "Gestion de l'annuaire";
            case "auditor" -> "Délégué à la protection des données";
            case "system" -> "Système";
            default -> role;
        };
    }
}
