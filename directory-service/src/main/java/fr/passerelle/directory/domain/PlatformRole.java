package fr.passerelle.directory.domain;

import fr.passerelle.common.codes.Labelled;

/** How an organisation takes part in a PSAD platform. */
public enum PlatformRole implements Labelled {
    CO_ANIMATOR("Co-animateur"),
    MEMBER("Membre");

    private final String label;

    PlatformRole(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
