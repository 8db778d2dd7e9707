package fr.passerelle.referral.domain;

import fr.passerelle.common.codes.Labelled;

/** How a person wants to hear of an event type. */
public enum NotificationMode implements Labelled {
    OFF("Aucun courriel"),
    IMMEDIATE("Un courriel à chaque événement"),
    DAILY_DIGEST("Un récapitulatif quotidien");

    private final String label;

    NotificationMode(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
