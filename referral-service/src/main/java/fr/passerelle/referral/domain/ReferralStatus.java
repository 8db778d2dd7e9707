package fr.passerelle.referral.domain;

import fr.passerelle.common.codes.Labelled;

import java.util.EnumSet;
import java.util.Set;

/** Where a referral stands in its lifecycle (see {@link ReferralStateMachine}). */
public enum ReferralStatus implements Labelled {
    DRAFT("Brouillon"),
    SUBMITTED("Transmise"),
    RECEIVED("Reçue"),
    WAITLISTED("En liste d'attente"),
    ACCEPTED("Acceptée"),
    IN_PROGRESS("En cours"),
    COMPLETED("Terminée"),
    DECLINED("Refusée"),
    REDIRECTED("Réorientée"),
    CANCELLED("Annulée");

    /** States from which nothing more happens; every other state is "open". */
    public static final Set<ReferralStatus> TERMINAL = EnumSet.of(COMPLETED, DECLINED, REDIRECTED, CANCELLED);
    /** States the coordinators' triage queue shows. */
    public static final Set<ReferralStatus> TRIAGE = EnumSet.of(SUBMITTED, RECEIVED, WAITLISTED);

    private final String label;

    ReferralStatus(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }

    public boolean open() {
        return !TERMINAL.contains(this);
    }

    public static Set<ReferralStatus> openStates() {
        return EnumSet.complementOf(EnumSet.copyOf(TERMINAL));
    }
}
