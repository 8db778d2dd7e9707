package fr.passerelle.referral.domain;

import fr.passerelle.common.codes.Labelled;

/** How a programme ended for the young person. The first five are positive exits (the E2C definition). */
public enum Outcome implements Labelled {
    RETURN_TO_SCHOOL("Retour en formation initiale", true),
    APPRENTICESHIP("Contrat d'apprentissage ou de professionnalisation", true),
    QUALIFYING_TRAINING("Formation qualifiante", true),
    EMPLOYMENT("Emploi durable (CDD long ou CDI)", true),
    CIVIC_SERVICE("Service civique", true),
    OTHER_SUPPORT("Autre accompagnement", false),
    NO_SOLUTION("Sans solution", false),
    LOST_CONTACT("Perdu de vue", false),
    REFUSED("Refus du jeune", false);

    private final String label;
    private final boolean positiveExit;

    Outcome(String label, boolean positiveExit) {
        this.label = label;
        this.positiveExit = positiveExit;
    }

    @Override
    public String label() {
        return label;
    }

    public boolean positiveExit() {
        return positiveExit;
    }
}
