package fr.passerelle.directory.domain;

import java.util.regex.Pattern;

/**
 * The UAI (unité administrative immatriculée) of a school: 7 digits and a check letter. The letter is the 7-digit
 * number modulo 23, read in an alphabet of 23 letters that leaves out I, O and Q (too close to 1 and 0).
 */
public final class Uai {

    private static final String LETTERS = "ABCDEFGHJKLMNPRSTUVWXYZ";
    private static final Pattern SHAPE = Pattern.compile("^[0-9]{7}[A-Z]$");

    private Uai() {
    }

    /** The check letter of 7 digits. */
    public static char checkLetter(String sevenDigits) {
        if (sevenDigits == null || !sevenDigits.matches("^[0-9]{7}$")) {
            throw new IllegalArgumentException("a UAI's number is 7 digits");
        }
        return LETTERS.charAt(Integer.parseInt(sevenDigits) % LETTERS.length());
    }

    /** 7 digits and a capital letter, whatever the letter. */
    public static boolean wellFormed(String uai) {
        return uai != null && SHAPE.matcher(uai).matches();
    }

    /** Well formed and its letter is the one its digits give. */
    public static boolean valid(String uai) {
        return wellFormed(uai) && uai.charAt(7) == checkLetter(uai.substring(0, 7));
    }
}
