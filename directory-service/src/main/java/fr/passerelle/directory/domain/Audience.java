package fr.passerelle.directory.domain;

import fr.passerelle.common.codes.Labelled;

/** Who a programme serves; the finder matches young people, so only YOUNG_PERSON (or STUDENT, for a bachelier) is matched. */
public enum Audience implements Labelled {
    YOUNG_PERSON("Jeunes"),
    STUDENT("Étudiants de l'enseignement supérieur"),
    PARENT("Parents"),
    PROFESSIONAL("Professionnels");

    private final String label;

    Audience(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
