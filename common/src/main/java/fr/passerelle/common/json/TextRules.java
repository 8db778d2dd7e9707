package fr.passerelle.common.json;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * What text the API accepts. A NUL cannot be stored by PostgreSQL (500 before this rule), control characters are
 * invisible in every screen and log, and a lone UTF-16 surrogate is silently stored as "?": all are refused.
 */
public final class TextRules {

    /** A control character (C0, DEL or C1), except the line breaks a {@link MultilineText} field may hold. */
    public static final String CONTROL_CHARACTER = "CONTROL_CHARACTER";
    /** A lone UTF-16 surrogate (from a {@code \ud800} escape) or bytes that are not UTF-8. */
    public static final String INVALID_ENCODING = "INVALID_ENCODING";

    private TextRules() {
    }

    /** The code of the first rule {@code text} breaks, or null when it is acceptable. */
    public static String violation(CharSequence text, boolean lineBreaksAllowed) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isISOControl(c)) {
                if (!(lineBreaksAllowed && (c == '\t' || c == '\n' || c == '\r'))) {
                    return CONTROL_CHARACTER;
                }
            } else if (Character.isHighSurrogate(c)) {
                if (i + 1 >= text.length() || !Character.isLowSurrogate(text.charAt(i + 1))) {
                    return INVALID_ENCODING;
                }
                i++;
            } else if (Character.isLowSurrogate(c)) {
                return INVALID_ENCODING;
            }
        }
        return null;
    }

    public static String message(String code) {
        return CONTROL_CHARACTER.equals(code) ? "must not contain control characters (NUL, escape, …)"
                : "must be valid Unicode text (no lone surrogate, no invalid UTF-8)";
    }

    /**
     * Strict UTF-8 (RFC 3629): the JDK decoder refuses overlong forms (C0 AF for "/"), encoded surrogates and
     * truncated sequences, which Jackson's own decoder lets through or replaces.
     */
    public static boolean isUtf8(byte[] bytes) {
        return decodeUtf8(bytes) != null;
    }

    /** Decodes UTF-8 strictly; null when the bytes are not UTF-8. */
    public static String decodeUtf8(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }
}
