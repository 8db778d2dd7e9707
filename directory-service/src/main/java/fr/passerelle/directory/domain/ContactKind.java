package fr.passerelle.directory.domain;

import fr.passerelle.common.codes.Labelled;

/** Kind of functional contact. */
public enum ContactKind implements Labelled {
    EMAIL("Courriel"),
    PHONE("Téléphone"),
    WEBSITE("Site web");

    private final String label;

    ContactKind(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
