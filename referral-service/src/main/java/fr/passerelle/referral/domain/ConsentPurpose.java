package fr.passerelle.referral.domain;

import fr.passerelle.common.codes.Labelled;

/** What consent was given for. */
public enum ConsentPurpose implements Labelled {
    REFERRAL("Orientation vers un dispositif"),
    REFERRAL_AND_FOLLOW_UP("Orientation et suivi de parcours");

    private final String label;

    ConsentPurpose(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
