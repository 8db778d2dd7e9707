package fr.passerelle.referral.domain;

import fr.passerelle.common.codes.Labelled;

/**
 * The part a caller plays towards one referral, derived from the token's role and attachment
 * compared with the referral (see the service's AccessPolicy). The state machine grants actions to these.
 */
public enum Actor implements Labelled {
    /** The referent of the origin school, or a coordinator of the origin platform. */
    ORIGIN("Émetteur de l'orientation"),
    /** A coordinator of the platform the referral is addressed to (PLATFORM targets). */
    PLATFORM_COORDINATOR("Coordinateur de la plateforme destinataire"),
    /** Partner staff of the organisation running the target programme (PROGRAMME targets). */
    PROGRAMME_PARTNER("Structure porteuse du dispositif destinataire"),
    /** A coordinator of the triage platform, for programmes admitting by CTO or departmental commission. */
    COMMISSION("Commission (CTO ou départementale) via le coordinateur"),
    /**
     * The same coordinator, while the programme's organisation has no partner account in the identity provider:
     * someone must record the start and the outcome, or the referral would wait forever.
     */
    COMMISSION_ACTING_FOR_PARTNER("Coordinateur agissant pour une structure sans compte partenaire"),
    /** The service itself (consent withdrawal). */
    SYSTEM("Le service");

    private final String label;

    Actor(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
