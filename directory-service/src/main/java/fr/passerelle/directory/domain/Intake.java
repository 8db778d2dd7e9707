package fr.passerelle.directory.domain;

import fr.passerelle.common.codes.Labelled;

/** When a programme takes newcomers. */
public enum Intake implements Labelled {
    ROLLING("Entrées et sorties permanentes"),
    WEEKLY("Entrées chaque semaine"),
    MONTHLY("Entrées chaque mois"),
    YEARLY("Rentrée annuelle");

    private final String label;

    Intake(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
