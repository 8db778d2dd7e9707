package fr.passerelle.referral.domain;

import fr.passerelle.common.codes.Labelled;

/** How a programme admits, as the directory records it. */
public enum AdmissionMode implements Labelled {
    DIRECT("Admission directe"),
    INTERVIEW("Sur entretien"),
    DEPARTMENTAL_COMMISSION("Commission départementale"),
    CTO("Commission technique d'orientation");

    private final String label;

    AdmissionMode(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
