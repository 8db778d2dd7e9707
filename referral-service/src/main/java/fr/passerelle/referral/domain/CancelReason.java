package fr.passerelle.referral.domain;

import fr.passerelle.common.codes.Labelled;

/** Why the origin cancels a referral. */
public enum CancelReason implements Labelled {
    NO_LONGER_NEEDED("Plus nécessaire"),
    CREATED_IN_ERROR("Créée par erreur"),
    YOUNG_PERSON_REFUSED("Refus du jeune ou de la famille"),
    OTHER_SOLUTION_FOUND("Autre solution trouvée"),
    CONSENT_WITHDRAWN("Retrait du consentement"),
    CASE_CLOSED("Dossier clos"),
    OTHER("Autre");

    private final String label;

    CancelReason(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
