package fr.passerelle.referral.domain;

import fr.passerelle.common.codes.Labelled;

/** What can be done to a referral; each has its own endpoint ({@code POST /referrals/{id}/<path>}). */
public enum LifecycleAction implements Labelled {
    SUBMIT("submit", "Transmettre"),
    RECEIVE("receive", "Accuser réception"),
    REDIRECT("redirect", "Réorienter vers un dispositif"),
    ACCEPT("accept", "Accepter"),
    WAITLIST("waitlist", "Mettre en liste d'attente"),
    DECLINE("decline", "Refuser"),
    START("start", "Démarrer l'accompagnement"),
    COMPLETE("complete", "Clore l'accompagnement"),
    CANCEL("cancel", "Annuler"),
    /** Not an endpoint: withdrawing consent on the case cancels every open referral. */
    WITHDRAW_CONSENT(null, "Retrait du consentement");

    private final String path;
    private final String label;

    LifecycleAction(String path, String label) {
        this.path = path;
        this.label = label;
    }

    /** Path segment of the action's endpoint, or null when no endpoint triggers it directly. */
    public String path() {
        return path;
    }

    @Override
    public String label() {
        return label;
    }
}
