package fr.passerelle.referral.api;

/** Formats of the codes the API accepts. */
public final class Patterns {
    /** INE (identifiant national élève): 9 digits + 2 letters, or 10 digits + 1 letter. */
    public static final String INE = "^(?:[0-9]{9}[A-Z]{2}|[0-9]{10}[A-Z])$";
    /** UAI of a school: 7 digits and a letter. */
    public static final String UAI = "^[0-9]{7}[A-Z]$";
    /** INSEE commune code (Corsica: 2A/2B). */
    public static final String COMMUNE = "^(?:[0-9]{5}|2[AB][0-9]{3})$";
    public static final String PHONE = "^[+0-9 .()-]{6,30}$";

    private Patterns() {
    }
}
