package fr.passerelle.directory.domain;

import fr.passerelle.common.codes.Labelled;

/** Whether an organisation or programme still operates (archiving is separate). */
public enum RecordStatus implements Labelled {
    ACTIVE("En activité"),
    /** Operating but taking no referral for now (a partner's own say): left out of "open" until ACTIVE again. */
    SUSPENDED("Suspendu : ne prend pas d'orientation pour le moment"),
    CLOSED("Fermé");

    private final String label;

    RecordStatus(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
