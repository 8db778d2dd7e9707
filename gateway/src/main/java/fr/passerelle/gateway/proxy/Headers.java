package fr.passerelle.gateway.proxy;

import io.vertx.core.MultiMap;

/** Which headers cross the gateway. */
final class Headers {

    private Headers() {
    }

    /** RFC 9110 §7.6.1 connection-specific headers, plus Host (the client sets the upstream's own) and Expect. */
    static boolean isHopByHop(String name) {
        switch (name.length()) {
            case 2:
                return name.equalsIgnoreCase("te");
            case 6:
                // Expect: 100-continue is answered by the gateway itself, once the request is admitted.
                return name.equalsIgnoreCase("expect");
            case 4:
                return name.equalsIgnoreCase("host");
            case 7:
                return name.equalsIgnoreCase("trailer") || name.equalsIgnoreCase("upgrade");
            case 10:
                return name.equalsIgnoreCase("connection") || name.equalsIgnoreCase("keep-alive");
            case 16:
                return name.equalsIgnoreCase("proxy-connection");
            case 17:
                return name.equalsIgnoreCase("transfer-encoding");
            case 18:
                return name.equalsIgnoreCase("proxy-authenticate");
            case 19:
                return name.equalsIgnoreCase("proxy-authorization");
            default:
                return false;
        }
    }

    /** Extra hop-by-hop names a peer listed in its Connection header (rare; usually just keep-alive or close). */
    static boolean listedInConnection(String connection, String name) {
        if (connection == null || connection.isEmpty()) {
            return false;
        }
        int start = 0;
        while (start < connection.length()) {
            int comma = connection.indexOf(',', start);
            int end = comma < 0 ? connection.length() : comma;
            String token = connection.substring(start, end).trim();
            if (token.equalsIgnoreCase(name)) {
                return true;
            }
            start = end + 1;
        }
        return false;
    }

    static boolean needsConnectionScan(String connection) {
        return connection != null && !connection.equalsIgnoreCase("keep-alive") && !connection.equalsIgnoreCase("close");
    }

    /** Response headers the gateway owns: CORS (decided here, not by a service) and the request id. */
    static boolean isGatewayOwnedResponseHeader(String name) {
        return name.regionMatches(true, 0, "access-control-", 0, 15) || name.equalsIgnoreCase("x-request-id");
    }

    /** Drops what a client may have sent to pass itself off as a proxy (Forwarded, X-Forwarded-*, X-Real-IP). */
    static void removeForwarding(MultiMap headers) {
        headers.remove("forwarded");
        headers.remove("x-real-ip");
        java.util.List<String> names = new java.util.ArrayList<>();
        for (String name : headers.names()) {
            if (name.regionMatches(true, 0, "x-forwarded-", 0, 12)) {
                names.add(name);
            }
        }
        names.forEach(headers::remove);
    }

    static void copyRequestHeaders(MultiMap from, MultiMap to) {
        String connection = from.get("connection");
        boolean scan = needsConnectionScan(connection);
        for (var header : from) {
            String name = header.getKey();
            if (!isHopByHop(name) && !(scan && listedInConnection(connection, name))) {
                to.add(name, header.getValue());
            }
        }
    }
}
