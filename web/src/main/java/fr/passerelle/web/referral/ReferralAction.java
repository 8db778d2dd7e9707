package fr.passerelle.web.referral;

import fr.passerelle.client.model.LifecycleAction;
import java.util.Arrays;
import java.util.Optional;

/**
 * The forms of the referral page: each posts to {@code /orientations/{id}/<slug>}, names its inputs
 * {@code <prefix>.<request member>} (so that two forms of the same page never share an input id) and, on success,
 * comes back to the page with {@code ?fait=<done>}, whose French sentence is {@link #confirmation()}.
 */
public enum ReferralAction {
    SUBMIT("soumettre", "submit", "soumis", LifecycleAction.SUBMIT, "L'orientation a été transmise."),
    RECEIVE("accuser-reception", "receive", "recu", LifecycleAction.RECEIVE, "La réception de l'orientation est confirmée."),
    ACCEPT("accepter", "accept", "accepte", LifecycleAction.ACCEPT, "L'orientation est acceptée."),
    WAITLIST("liste-d-attente", "waitlist", "attente", LifecycleAction.WAITLIST, "Le jeune est inscrit sur liste d'attente."),
    DECLINE("refuser", "decline", "refuse", LifecycleAction.DECLINE, "L'orientation est refusée."),
    START("commencer", "start", "commence", LifecycleAction.START, "L'accompagnement a commencé."),
    COMPLETE("terminer", "complete", "termine", LifecycleAction.COMPLETE, "La sortie du dispositif est enregistrée."),
    CANCEL("annuler", "cancel", "annule", LifecycleAction.CANCEL, "L'orientation est annulée."),
    REDIRECT("rediriger", "redirect", "redirige", LifecycleAction.REDIRECT,
            "L'orientation est redirigée : une nouvelle orientation a été transmise au dispositif choisi."),
    ASSIGN("attribuer", "assign", "attribue", null, "L'attribution est enregistrée."),
    FOLLOW_UP("suivi", "followUp", "suivi", null, "L'entrée est ajoutée au journal de suivi."),
    OUTCOME_FOLLOW_UP("situation-apres-sortie", "outcomeFollowUp", "situation", null, "La situation du jeune après la sortie est enregistrée.");

    private final String slug;
    private final String prefix;
    private final String done;
    private final LifecycleAction lifecycle;
    private final String confirmation;

    ReferralAction(String slug, String prefix, String done, LifecycleAction lifecycle, String confirmation) {
        this.slug = slug;
        this.prefix = prefix;
        this.done = done;
        this.lifecycle = lifecycle;
        this.confirmation = confirmation;
    }

    public String slug() { return slug; }
    public String prefix() { return prefix; }
    public String done() { return done; }
    /** The API's lifecycle action, null for the page's other forms (assignment, follow-up, situation after the exit). */
    public LifecycleAction lifecycle() { return lifecycle; }
    public String confirmation() { return confirmation; }

    /** The input name of a request member in this action's form: {@code accept.commissionDate}. */
    public String field(String member) {
        return prefix + "." + member;
    }

    public static Optional<ReferralAction> bySlug(String slug) {
        return Arrays.stream(values()).filter(a -> a.slug.equals(slug)).findFirst();
    }

    /** Sent by the referral form (ReferralFilingPage) when the referral is kept as a draft. */
    public static final String DRAFT_SAVED = "brouillon";

    /** The sentence for {@code ?fait=…}; null for a code this page did not send (the raw value is never shown). */
    public static String confirmationFor(String done) {
        if (done == null) {
            return null;
        }
        if (done.equals(DRAFT_SAVED)) {
            return "Le brouillon d'orientation est enregistré : il partira quand vous le transmettrez.";
        }
        return Arrays.stream(values()).filter(a -> a.done.equals(done)).findFirst()
                .map(ReferralAction::confirmation).orElse(null);
    }
}
