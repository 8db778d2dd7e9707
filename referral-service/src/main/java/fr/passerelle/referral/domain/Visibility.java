package fr.passerelle.referral.domain;

import fr.passerelle.common.codes.Labelled;

/** Who may read a follow-up entry. */
public enum Visibility implements Labelled {
    AUTHOR_ORG("Structure de l'auteur seulement"),
    ALL_PARTIES("Toutes les parties de l'orientation");

    private final String label;

    Visibility(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
