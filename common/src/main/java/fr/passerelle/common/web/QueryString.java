package fr.passerelle.common.web;

import fr.passerelle.common.json.TextRules;
import fr.passerelle.common.problem.Violation;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Checks a raw query string against the parameters an operation declares: an unknown parameter (a typo, or a
 * filter the operation does not have, which would otherwise return everything), a single-valued one given twice,
 * a value with a control character (NUL, which trimming would hide) or that is not percent-encoded UTF-8 are
 * each a violation naming the parameter.
 */
public final class QueryString {

    public static final String UNKNOWN_PARAMETER = "UNKNOWN_PARAMETER";
    public static final String REPEATED_PARAMETER = "REPEATED_PARAMETER";
    private static final int NAME_ECHO_LIMIT = 64;

    private QueryString() {
    }

    /**
     * @param declared the operation's parameters, name to whether it may repeat (a list parameter)
     * @return the violations, one per offending parameter, in the order they appear
     */
    public static List<Violation> check(String rawQuery, Map<String, Boolean> declared) {
        List<Violation> violations = new ArrayList<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return violations;
        }
        Map<String, Integer> seen = new LinkedHashMap<>();
        Map<String, Violation> byName = new LinkedHashMap<>();
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String rawName = eq < 0 ? pair : pair.substring(0, eq);
            String name = decode(rawName);
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
            if (name == null) {
                byName.putIfAbsent(echo(rawName), invalidEncoding(echo(rawName)));
                continue;
            }
            String field = echo(name);
            if (byName.containsKey(field)) {
                continue;
            }
            if (!declared.containsKey(name)) {
                byName.put(field, new Violation(field, declared.isEmpty() ? "this operation takes no query parameter"
                        : "unknown parameter; expected one of: " + String.join(", ", declared.keySet()), UNKNOWN_PARAMETER));
            } else if (seen.merge(name, 1, Integer::sum) > 1 && !declared.get(name)) {
                byName.put(field, new Violation(field, "given more than once; give it once", REPEATED_PARAMETER));
            } else if (value == null) {
                byName.put(field, invalidEncoding(field));
            } else {
                String code = TextRules.violation(value, false);
                if (code != null) {
                    byName.put(field, new Violation(field, TextRules.message(code), code));
                }
            }
        }
        violations.addAll(byName.values());
        return violations;
    }

    /** Percent-decodes (with + as space, as JAX-RS does) into strict UTF-8; null when that is impossible. */
    static String decode(String raw) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '%') {
                if (i + 2 >= raw.length()) {
                    return null;
                }
                int high = Character.digit(raw.charAt(i + 1), 16);
                int low = Character.digit(raw.charAt(i + 2), 16);
                if (high < 0 || low < 0) {
                    return null;
                }
                bytes.write(high << 4 | low);
                i += 2;
            } else if (c == '+') {
                bytes.write(' ');
            } else if (c < 0x80) {
                bytes.write(c);
            } else {
                // Not percent-encoded: take the character as it came, re-encoded.
                int end = Character.isHighSurrogate(c) && i + 1 < raw.length() ? i + 2 : i + 1;
                bytes.writeBytes(raw.substring(i, end).getBytes(StandardCharsets.UTF_8));
                i = end - 1;
            }
        }
        return TextRules.decodeUtf8(bytes.toByteArray());
    }

    private static Violation invalidEncoding(String field) {
        return new Violation(field, "must be percent-encoded UTF-8", TextRules.INVALID_ENCODING);
    }

    /** The name as the problem repeats it: bounded, since it comes from the caller. */
    private static String echo(String name) {
        return name.length() <= NAME_ECHO_LIMIT ? name : name.substring(0, NAME_ECHO_LIMIT) + "…";
    }
}
