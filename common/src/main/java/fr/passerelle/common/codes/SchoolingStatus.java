package fr.passerelle.common.codes;

/** Shared by the services (codes used across services). Where a young person stands with school. */
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
