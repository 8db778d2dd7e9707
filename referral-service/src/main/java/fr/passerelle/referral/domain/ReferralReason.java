package fr.passerelle.referral.domain;

import fr.passerelle.common.codes.Labelled;

/** Why a young person is referred. */
public enum ReferralReason implements Labelled {
    ABSENTEEISM("Absentéisme"),
    DISENGAGEMENT("Démobilisation scolaire"),
    ACADEMIC_DIFFICULTY("Difficultés d'apprentissage"),
    BEHAVIOUR("Comportement, exclusions"),
    EXCLUSION("Exclusion définitive"),
    ORIENTATION("Orientation subie ou sans solution"),
    LEFT_SCHOOL("Sortie sans diplôme"),
    HEALTH("Santé, bien-être"),
    FAMILY_SITUATION("Situation familiale"),
    OTHER("Autre");

    private final String label;

    ReferralReason(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
