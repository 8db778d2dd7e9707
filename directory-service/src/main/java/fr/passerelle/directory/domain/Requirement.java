package fr.passerelle.directory.domain;

import fr.passerelle.common.codes.Labelled;

/**
 * A condition a young person must meet, as a document states it. The finder matches a programme with a
 * requirement only when the young person's situation declares it met.
 */
public enum Requirement implements Labelled {
    COURT_DECISION("Faire l'objet d'une décision judiciaire (sous main de justice)"),
    GIRLS_ONLY("Réservé aux filles et aux jeunes femmes"),
    EXAM_FAILED_TWICE("Avoir échoué deux fois à l'examen"),
    NOT_IN_EMPLOYMENT_OR_TRAINING("Être ni en emploi, ni en stage, ni en formation"),
    NEWLY_ARRIVED_MIGRANT("Être un jeune migrant nouvellement arrivé");

    private final String label;

    Requirement(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
