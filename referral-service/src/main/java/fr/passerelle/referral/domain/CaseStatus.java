package fr.passerelle.referral.domain;

import fr.passerelle.common.codes.Labelled;

/** Whether a case is still worked on. */
public enum CaseStatus implements Labelled {
    OPEN("Ouvert"),
    CLOSED("Clos");

    private final String label;

    CaseStatus(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
