package fr.passerelle.directory.domain;

import fr.passerelle.common.codes.Labelled;

/** What a programme (dispositif) does for a young person. */
public enum ProgrammeCategory implements Labelled {
    PREVENTION("Prévention du décrochage"),
    REMOBILISATION("Remobilisation"),
    RETURN_TO_SCHOOL("Retour en formation initiale"),
    QUALIFICATION("Qualification"),
    INSERTION_EMPLOYMENT("Insertion et emploi"),
    MENTORING("Mentorat"),
    TUTORING("Soutien scolaire"),
    GUIDANCE("Orientation"),
    HEALTH_WELLBEING("Santé et bien-être"),
    PARENTING("Soutien à la parentalité"),
    CIVIC_ENGAGEMENT("Engagement citoyen"),
    JUSTICE_SUPERVISED("Prise en charge judiciaire"),
    CULTURE_SPORTS("Culture et sport"),
    DIGITAL_INCLUSION("Inclusion numérique");

    private final String label;

    ProgrammeCategory(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
