package fr.passerelle.e2e.browser;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The tokens stay on the server (backend-for-frontend): nothing the page's JavaScript can read may look like a
 * JWT, neither in document.cookie nor in localStorage or sessionStorage.
 */
public final class Tokens {

    /** Three base64url parts separated by dots, long enough to be a signed token rather than a version number. */
    static final Pattern JWT = Pattern.compile("[A-Za-z0-9_-]{10,}\\.[A-Za-z0-9_-]{10,}\\.[A-Za-z0-9_-]{10,}");

    private Tokens() {
    }

    /** Where page scripts could read a token: "cookie", "localStorage[key]", "sessionStorage[key]" → the first hit. */
    public static List<String> readableFromScript(Browser browser) {
        List<String> found = new ArrayList<>();
        Object cookie = browser.script("return document.cookie;");
        check(found, "document.cookie", String.valueOf(cookie));
        for (String storage : List.of("localStorage", "sessionStorage")) {
            @SuppressWarnings("unchecked")
            Map<String, Object> entries = (Map<String, Object>) browser.script("""
                    const s = window[arguments[0]], out = {};
                    for (let i = 0; i < s.length; i++) { const k = s.key(i); out[k] = s.getItem(k); }
                    return out;
                    """, storage);
            if (entries != null) {
                entries.forEach((k, v) -> check(found, storage + "[" + k + "]", k + "=" + v));
            }
        }
        return found;
    }

    private static void check(List<String> found, String where, String value) {
        Matcher m = JWT.matcher(value == null ? "" : value);
        if (m.find()) {
            // Name the place and show only the start of the value: a real token must not end up in a test report.
            String hit = m.group();
            found.add(where + " holds " + hit.substring(0, Math.min(12, hit.length())) + "…");
        }
    }
}
