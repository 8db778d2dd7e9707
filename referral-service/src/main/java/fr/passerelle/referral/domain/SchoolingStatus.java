package fr.passerelle.referral.domain;

import fr.passerelle.common.codes.Labelled;

/** Schooling status, shared with directory-service. */
public enum SchoolingStatus implements Labelled {
    ENROLLED("Scolarisé"),
    AT_RISK("Scolarisé, en risque de décrochage"),
    LEFT_SCHOOL("Sorti du système scolaire");

    private final String label;

    SchoolingStatus(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
