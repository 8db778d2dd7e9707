package fr.passerelle.referral.domain;

import fr.passerelle.common.codes.Labelled;

/** Kind of a follow-up log entry. */
public enum FollowUpKind implements Labelled {
    MEETING("Entretien"),
    PHONE_CALL("Appel"),
    ATTENDANCE("Présence"),
    ABSENCE("Absence"),
    PROGRESS("Progrès"),
    DIFFICULTY("Difficulté"),
    FAMILY_CONTACT("Contact avec la famille"),
    PLACEMENT("Stage, immersion"),
    OTHER("Autre");

    private final String label;

    FollowUpKind(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
