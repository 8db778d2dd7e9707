package fr.passerelle.referral.domain;

import java.util.regex.Pattern;

/**
 * The national pupil identifier (INE, 11 characters) and what can be checked of it.
 * <ul>
 * <li>INE-BEA ("base élèves académique", issued until 2018): 10 digits and a check letter. The letter is the
 * 10-digit number modulo 23, written with the 23 letters left when I, O and Q are taken out (the same key as a
 * school's UAI). Checked.</li>
 * <li>INE-RNIE (national register, since 2018): 9 digits and 2 letters. No public source states how its letters are
 * computed, so only its shape is checked (docs/adr/duplicate-detection.md, "INE").</li>
 * </ul>
 */
public final class Ine {

    /** The 23 check letters, I, O and Q left out. */
    static final String CHECK_LETTERS = "ABCDEFGHJKLMNPRSTUVWXYZ";
    private static final Pattern BEA = Pattern.compile("[0-9]{10}[A-Z]");
    private static final Pattern RNIE = Pattern.compile("[0-9]{9}[A-Z]{2}");

    private Ine() {
    }

    /** Whether the identifier has one of the two shapes and, for an INE-BEA, its check letter. */
    public static boolean valid(String ine) {
        if (ine == null) {
            return false;
        }
        if (BEA.matcher(ine).matches()) {
            return ine.charAt(10) == beaCheckLetter(ine.substring(0, 10));
        }
        return RNIE.matcher(ine).matches();
    }

    /** The check letter of an INE-BEA's ten digits. */
    public static char beaCheckLetter(String tenDigits) {
        return CHECK_LETTERS.charAt((int) (Long.parseLong(tenDigits) % 23));
    }
}
