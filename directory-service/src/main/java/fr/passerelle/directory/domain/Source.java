package fr.passerelle.directory.domain;

import fr.passerelle.common.codes.Labelled;

/** Where a directory fact comes from. */
public enum Source implements Labelled {
    DOCUMENT("Document source"),
    INFERRED("Déduit"),
    EDITOR("Saisi par un éditeur de l'annuaire");

    private final String label;

    Source(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
