package fr.passerelle.referral.domain;

import fr.passerelle.common.codes.Labelled;

/** Why a target declines a referral. */
public enum DeclineReason implements Labelled {
    NOT_ELIGIBLE("Ne remplit pas les critères"),
    NO_PLACE("Plus de place"),
    YOUNG_PERSON_REFUSED("Refus du jeune ou de la famille"),
    NOT_REACHABLE("Jeune injoignable"),
    BETTER_ALTERNATIVE("Autre solution plus adaptée"),
    OTHER("Autre");

    private final String label;

    DeclineReason(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
