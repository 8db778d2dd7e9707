package fr.passerelle.directory.domain;

import fr.passerelle.common.codes.Labelled;

/** Gender a young person may give to the finder, only to check a GIRLS_ONLY requirement; never stored. */
public enum Gender implements Labelled {
    FEMALE("Fille"),
    MALE("Garçon");

    private final String label;

    Gender(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
