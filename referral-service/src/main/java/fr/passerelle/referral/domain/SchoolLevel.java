package fr.passerelle.referral.domain;

import fr.passerelle.common.codes.Labelled;

/** School level, shared with directory-service. */
public enum SchoolLevel implements Labelled {
    CM2("CM2"),
    SIXIEME("6e"),
    CINQUIEME("5e"),
    QUATRIEME("4e"),
    TROISIEME("3e"),
    SECONDE("Seconde"),
    PREMIERE("Première"),
    TERMINALE("Terminale"),
    CAP_1("CAP 1re année"),
    CAP_2("CAP 2e année"),
    NONE("Aucun");

    private final String label;

    SchoolLevel(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
