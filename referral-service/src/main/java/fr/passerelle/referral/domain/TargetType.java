package fr.passerelle.referral.domain;

import fr.passerelle.common.codes.Labelled;

/** What a referral is addressed to. */
public enum TargetType implements Labelled {
    PLATFORM("Plateforme de suivi et d'appui aux décrocheurs (PSAD)"),
    PROGRAMME("Dispositif");

    private final String label;

    TargetType(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
