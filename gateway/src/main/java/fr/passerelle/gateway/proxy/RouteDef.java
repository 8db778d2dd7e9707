package fr.passerelle.gateway.proxy;

/** One public prefix and where it goes. */
public record RouteDef(String name, String prefix, Upstream upstream, long timeoutMillis) {

    /** Whole-segment prefix match: /api/v1/cases matches /api/v1/cases and /api/v1/cases/x, not /api/v1/casesx. */
    public boolean matches(String path) {
        return path.startsWith(prefix)
                && (path.length() == prefix.length() || path.charAt(prefix.length()) == '/');
    }
}
