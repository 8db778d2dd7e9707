package fr.passerelle.referral.domain;

import fr.passerelle.common.codes.Labelled;

/** What a referral waits for, and so which deadline runs ({@link DeadlinePolicy}). */
public enum DeadlineStage implements Labelled {
    /** SUBMITTED: the target must receive it. */
    RECEIPT("Accusé de réception"),
    /** RECEIVED: the target must accept, waitlist, decline or redirect it. */
    DECISION("Décision (accord, liste d'attente, refus ou réorientation)"),
    /** WAITLISTED: the waiting list must be reviewed (a follow-up entry on the referral counts as a review). */
    WAITLIST_REVIEW("Réexamen de la liste d'attente"),
    /** ACCEPTED: the young person must start. */
    START("Début de l'accompagnement");

    private final String label;

    DeadlineStage(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
