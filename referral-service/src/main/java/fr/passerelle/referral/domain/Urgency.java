package fr.passerelle.referral.domain;

import fr.passerelle.common.codes.Labelled;

/** How soon the young person needs an answer. */
public enum Urgency implements Labelled {
    CRITICAL("Critique"),
    HIGH("Haute"),
    NORMAL("Normale"),
    LOW("Basse");

    private final String label;

    Urgency(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }

    /** Sort key of the triage queue: 0 is the most urgent. */
    public short priority() {
        return (short) ordinal();
    }
}
