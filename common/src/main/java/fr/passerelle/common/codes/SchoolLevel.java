package fr.passerelle.common.codes;

/** Shared by the services (codes used across services). School level (classe) of a pupil. */
public enum SchoolLevel implements Labelled {
    CM2("CM2"),
    SIXIEME("Sixième"),
    CINQUIEME("Cinquième"),
    QUATRIEME("Quatrième"),
    TROISIEME("Troisième"),
    SECONDE("Seconde"),
    PREMIERE("Première"),
    TERMINALE("Terminale"),
    CAP_1("CAP 1re année"),
    CAP_2("CAP 2e année"),
    NONE("Aucun (hors scolarité)");

    private final String label;

    SchoolLevel(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
