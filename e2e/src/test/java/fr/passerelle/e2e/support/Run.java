package fr.passerelle.e2e.support;

import java.security.SecureRandom;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** What this run sends that must never show up in a log: the marker pupil names and every bearer token. */
public final class Run {

    /** Letters only (names are validated as names): "Zorglub" + 10 random lowercase letters, unique per run. */
    public static final String MARKER = "Zorglub" + letters(10);

    private static final Set<String> TOKENS = ConcurrentHashMap.newKeySet();
    private static volatile boolean markerSent;

    private Run() {
    }

    /** A pupil first name carrying the marker (suffix: which test). */
    public static String markerName(String suffix) {
        markerSent = true;
        return MARKER + suffix;
    }

    public static boolean markerSent() {
        return markerSent;
    }

    public static String token(String token) {
        TOKENS.add(token);
        return token;
    }

    public static Set<String> tokens() {
        return Set.copyOf(TOKENS);
    }

    public static String letters(int n) {
        SecureRandom random = new SecureRandom();
        StringBuilder sb = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
            sb.append((char) ('a' + random.nextInt(26)));
        }
        return sb.toString();
    }
}
