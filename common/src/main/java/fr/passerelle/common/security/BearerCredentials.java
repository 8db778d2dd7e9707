package fr.passerelle.common.security;

import java.util.List;

/**
 * The shape of the credentials a request carries, judged before any token library sees them: one Authorization header
 * at most (with two, which one wins differs between proxies and frameworks), and a bearer token in the compact JWS
 * form (three base64url parts, the first two non-empty). Anything else is refused up front: some malformed tokens
 * ({@code Bearer ..}) made the OIDC library throw instead of refusing them.
 */
public final class BearerCredentials {

    /** What is wrong with the credentials, if anything. */
    public enum Defect {
        /** More than one Authorization header: 400. */
        REPEATED_HEADER,
        /** A bearer token that cannot be a signed JWT: 401. */
        MALFORMED_TOKEN
    }

    private static final String SCHEME = "bearer ";

    private BearerCredentials() {
    }

    /** @return the defect of these Authorization header values, or null when they may go on to token validation */
    public static Defect defect(List<String> authorization) {
        if (authorization == null || authorization.isEmpty()) {
            return null;
        }
        if (authorization.size() > 1) {
            return Defect.REPEATED_HEADER;
        }
        String value = authorization.get(0);
        if (value.length() < SCHEME.length() || !value.regionMatches(true, 0, SCHEME, 0, SCHEME.length())) {
            // Another scheme (Basic…): the authentication mechanism refuses it with an ordinary 401.
            return null;
        }
        String token = value.substring(SCHEME.length()).trim();
        return isCompactJws(token) ? null : Defect.MALFORMED_TOKEN;
    }

    /**
     * {@code [A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*}, by hand: every request's token (over a kilobyte) passes
     * here, and the regular expression was the gateway's largest single cost in a profile (bench/README.md).
     */
    static boolean isCompactJws(String token) {
        int part = 0;
        int partLength = 0;
        for (int i = 0; i < token.length(); i++) {
            char c = token.charAt(i);
            if (c == '.') {
                if (partLength == 0 || ++part > 2) {
                    return false;
                }
                partLength = 0;
            } else if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '-') {
                partLength++;
            } else {
                return false;
            }
        }
        return part == 2;
    }
}
