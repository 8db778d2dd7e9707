package fr.passerelle.common.codes;

/** How a programme admits a young person. */
public enum AdmissionMode implements Labelled {
    DIRECT("Orientation directe"),
    INTERVIEW("Sur entretien"),
    DEPARTMENTAL_COMMISSION("Commission départementale"),
    CTO("Commission technique d'orientation (CTO)");

    private final String label;

    AdmissionMode(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
