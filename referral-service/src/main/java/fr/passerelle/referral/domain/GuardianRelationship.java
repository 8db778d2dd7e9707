package fr.passerelle.referral.domain;

import fr.passerelle.common.codes.Labelled;

/** A guardian's relationship to the young person. */
public enum GuardianRelationship implements Labelled {
    MOTHER("Mère"),
    FATHER("Père"),
    LEGAL_GUARDIAN("Tuteur légal"),
    CHILD_WELFARE("Aide sociale à l'enfance"),
    OTHER("Autre");

    private final String label;

    GuardianRelationship(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
