package fr.passerelle.directory.domain;

import fr.passerelle.common.codes.Labelled;

/** What kind of body an organisation is. */
public enum OrganisationKind implements Labelled {
    ASSOCIATION("Association"),
    NATIONAL_EDUCATION_SERVICE("Service de l'Éducation nationale"),
    SCHOOL("Établissement scolaire"),
    MISSION_LOCALE("Mission locale"),
    PJJ_UNIT("Service de la Protection judiciaire de la jeunesse"),
    TRAINING_CENTRE("Organisme de formation"),
    LOCAL_AUTHORITY("Collectivité territoriale"),
    PUBLIC_AGENCY("Établissement ou service public"),
    HEALTH_SERVICE("Service de santé"),
    COMPANY_NETWORK("Réseau d'entreprises"),
    OTHER("Autre");

    private final String label;

    OrganisationKind(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
