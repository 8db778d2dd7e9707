package fr.passerelle.referral.domain;

import fr.passerelle.common.codes.Labelled;

/** Who gave consent: a guardian for a minor, the young person from 18. */
public enum ConsentGiver implements Labelled {
    GUARDIAN("Représentant légal"),
    YOUNG_PERSON("Le jeune lui-même");

    private final String label;

    ConsentGiver(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
