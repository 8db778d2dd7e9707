package fr.passerelle.directory.domain;

import fr.passerelle.common.codes.Labelled;

/** Highest diploma held; on a programme, the highest a young person may already hold. */
public enum DiplomaLevel implements Labelled {
    NONE("Sans diplôme"),
    BREVET("Diplôme national du brevet"),
    CAP_BEP("CAP ou BEP"),
    BAC("Baccalauréat"),
    ABOVE_BAC("Diplôme supérieur au baccalauréat");

    private final String label;

    DiplomaLevel(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
