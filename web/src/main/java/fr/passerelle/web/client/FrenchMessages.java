package fr.passerelle.web.client;

import java.util.Map;

/** The API's refusals in French: field rules by their stable code, whole answers by their status. */
public final class FrenchMessages {

    private static final Map<String, String> RULES = Map.ofEntries(
            Map.entry("REQUIRED", "Ce champ est obligatoire."),
            Map.entry("NOT_NULL", "Ce champ est obligatoire."),
            Map.entry("NOT_BLANK", "Ce champ est obligatoire."),
            Map.entry("NOT_EMPTY", "Ce champ est obligatoire."),
            Map.entry("MIN", "La valeur est trop petite."),
            Map.entry("MAX", "La valeur est trop grande."),
            Map.entry("RANGE", "La valeur est hors des limites permises."),
            Map.entry("SIZE", "La longueur n'est pas permise."),
            Map.entry("PATTERN", "Le format n'est pas valide."),
            Map.entry("EMAIL", "L'adresse électronique n'est pas valide."),
            Map.entry("PAST", "La date doit être passée."),
            Map.entry("PAST_OR_PRESENT", "La date ne peut pas être dans le futur."),
            // The services send FUTURE for a date that lies in the future where it may not (no @Future is used).
            Map.entry("FUTURE", "La date ne peut pas être dans le futur."),
            Map.entry("FUTURE_OR_PRESENT", "La date ne peut pas être passée."),
            Map.entry("BEFORE_BIRTH", "La date ne peut pas précéder la naissance."),
            Map.entry("BEFORE_SUBMISSION", "La date ne peut pas précéder la transmission de l'orientation."),
            Map.entry("BEFORE_START", "La date ne peut pas précéder le début de l'accompagnement."),
            Map.entry("CHECKSUM", "La lettre de contrôle de l'INE ne correspond pas à ses chiffres."),
            Map.entry("SAME_CASE", "Un dossier ne peut pas être fusionné avec lui-même."),
            Map.entry("NOT_A_COLLEAGUE", "Ce compte n'est pas un compte actif de votre structure avec le même rôle."),
            Map.entry("WRONG_TYPE", "La valeur n'a pas le bon format."),
            Map.entry("UNKNOWN_VALUE", "Cette valeur n'est pas dans la liste."),
            Map.entry("UNKNOWN_COMMUNE", "Cette commune est inconnue (code INSEE à 5 caractères)."),
            Map.entry("UUID", "Identifiant non valide."),
            Map.entry("URL", "L'adresse web n'est pas valide."),
            Map.entry("URI", "L'adresse web n'est pas valide."),
            Map.entry("INCONSISTENT", "Cette valeur contredit une autre réponse du formulaire."),
            Map.entry("GUARDIAN_REQUIRED", "Pour un mineur, le consentement du représentant légal est requis."),
            Map.entry("YOUNG_PERSON_REQUIRED", "Le consentement du jeune est requis."),
            Map.entry("OUTSIDE_TERRITORY", "Hors du territoire de la plateforme."),
            Map.entry("OUTSIDE_SERVICE_AREA", "Hors de la zone desservie par ce dispositif."),
            Map.entry("AGE_BELOW_MINIMUM", "Le jeune est plus jeune que l'âge minimum du dispositif."),
            Map.entry("AGE_ABOVE_MAXIMUM", "Le jeune dépasse l'âge maximum du dispositif."),
            Map.entry("SCHOOL_LEVEL", "Le niveau scolaire ne correspond pas aux conditions du dispositif."),
            Map.entry("SCHOOLING_STATUS", "La situation scolaire ne correspond pas aux conditions du dispositif."),
            Map.entry("QPV_RESIDENCE", "Le dispositif est réservé aux résidents des quartiers prioritaires."),
            Map.entry("NOT_CHANGEABLE", "Ce champ n'est pas modifiable par un partenaire : seuls les places, le statut et les contacts le sont."),
            Map.entry("NOT_ALLOWED", "Un partenaire peut seulement ouvrir ou suspendre les orientations ; la fermeture relève du gestionnaire de l'annuaire."),
            Map.entry("TYPE", "La valeur n'a pas le bon format."),
            Map.entry("CLOSED", "Ce dispositif est fermé : seul le gestionnaire de l'annuaire peut le rouvrir."));

    private FrenchMessages() {
    }

    /** The French sentence for a violated rule; an unknown code keeps the API's own explanation. */
    public static String violation(String code, String apiMessage) {
        String french = RULES.get(code);
        if (french != null) {
            return french;
        }
        return apiMessage == null || apiMessage.isBlank() ? "Valeur refusée." : "Valeur refusée (" + apiMessage + ").";
    }

    public static String status(int status, int violations) {
        return switch (status) {
            case 400, 422 -> violations > 1
                    ? "Le formulaire contient " + violations + " erreurs : corrigez les champs signalés."
                    : "Le formulaire contient une erreur : corrigez le champ signalé.";
            case 401 -> "Votre session a expiré : reconnectez-vous.";
            case 403 -> "Vous n'avez pas le droit de faire cette action.";
            case 404 -> "Cette page n'existe pas ou vous n'y avez pas accès.";
            case 409 -> "Cette action n'est pas possible dans l'état actuel du dossier.";
            case 412, 428 -> "Quelqu'un d'autre vient de modifier ces informations : la page montre la version à jour, "
                    + "vos saisies sont conservées ; vérifiez puis validez à nouveau.";
            case 429 -> "Trop de demandes en peu de temps : patientez quelques secondes puis réessayez.";
            default -> status >= 500 || status == 0
                    ? "Le service est momentanément indisponible. Réessayez dans un instant."
                    : "La demande a été refusée.";
        };
    }
}
