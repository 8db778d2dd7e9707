package fr.passerelle.directory.api;

/** Shapes of the official codes the API takes, shared by bodies and query parameters. */
public final class Codes {

    public static final String COMMUNE = "^[0-9][0-9AB][0-9]{3}$";
    public static final String COMMUNE_MESSAGE = "must be a 5-character INSEE commune code";
    public static final String DEPARTEMENT = "^([0-9]{2}|2A|2B|97[0-9])$";
    public static final String DEPARTEMENT_MESSAGE = "must be a département code";
    public static final String ACADEMIE = "^[A-Z_]{2,32}$";
    public static final String ACADEMIE_MESSAGE = "must be an académie code";

    private Codes() {
    }
}
