package fr.passerelle.gateway.web;

import fr.passerelle.common.security.BearerCredentials;
import fr.passerelle.gateway.web.Problems.Kind;
import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import java.util.Locale;
import java.util.Map;

/**
 * What every request must pass before any route runs, each failure being one problem kind. Cheap checks
 * on the request line and headers only: the body is never read here.
 */
final class RequestChecks {

    private static final String ACCESS_TOKEN = "access_token";

    private final int maxUriLength;
    private final long maxHeaderBytes;
    private final long maxBodyBytes;

    RequestChecks(int maxUriLength, long maxHeaderBytes, long maxBodyBytes) {
        this.maxUriLength = maxUriLength;
        this.maxHeaderBytes = maxHeaderBytes;
        this.maxBodyBytes = maxBodyBytes;
    }

    /** @return why this request is refused, or null when it may go on */
    Kind refusal(HttpServerRequest request) {
        if (request.uri().length() > maxUriLength) {
            return Kind.URI_TOO_LONG;
        }
        MultiMap headers = request.headers();
        long headerBytes = 0;
        for (Map.Entry<String, String> header : headers) {
            // As on the wire: "name: value" and CRLF.
            headerBytes += header.getKey().length() + header.getValue().length() + 4;
            if (hasControlCharacter(header.getValue())) {
                return Kind.BAD_HEADER;
            }
        }
        if (headerBytes > maxHeaderBytes) {
            return Kind.HEADERS_TOO_LARGE;
        }
        if (!acceptablePath(request.path())) {
            return Kind.BAD_PATH;
        }
        if (tokenInQuery(request.query())) {
            return Kind.TOKEN_IN_QUERY;
        }
        if (declaredBodyTooLarge(headers.get(HttpHeaders.CONTENT_LENGTH))) {
            return Kind.PAYLOAD_TOO_LARGE;
        }
        BearerCredentials.Defect credentials = BearerCredentials.defect(headers.getAll(HttpHeaders.AUTHORIZATION));
        if (credentials == BearerCredentials.Defect.REPEATED_HEADER) {
            return Kind.REPEATED_AUTHORIZATION;
        }
        if (credentials == BearerCredentials.Defect.MALFORMED_TOKEN) {
            return Kind.MALFORMED_TOKEN;
        }
        return null;
    }

    private boolean declaredBodyTooLarge(String length) {
        if (length == null) {
            return false;
        }
        try {
            return Long.parseLong(length.trim()) > maxBodyBytes;
        } catch (NumberFormatException e) {
            return true;
        }
    }

    /**
     * Refuses dot segments, encoded dots, slashes and backslashes: the router matches the normalised path while
     * the path is relayed as sent, so it must mean the same thing to the route table here and to the service there.
     */
    static boolean acceptablePath(String path) {
        if (path == null || !path.startsWith("/") || path.contains("/.") || path.indexOf('\\') >= 0) {
            return false;
        }
        int percent = path.indexOf('%');
        while (percent >= 0) {
            if (percent + 2 >= path.length()) {
                return false;
            }
            char a = path.charAt(percent + 1);
            char b = Character.toLowerCase(path.charAt(percent + 2));
            if ((a == '2' && (b == 'e' || b == 'f')) || (a == '5' && b == 'c') || (a == '0' && b == '0')) {
                return false;
            }
            percent = path.indexOf('%', percent + 1);
        }
        return true;
    }

    /**
     * A bearer token in a URL ends up in browser histories and every proxy's log: refused wherever it appears,
     * encoded or not, whatever its case.
     */
    static boolean tokenInQuery(String query) {
        if (query == null || query.isEmpty()) {
            return false;
        }
        return query.toLowerCase(Locale.ROOT).contains(ACCESS_TOKEN)
                || (query.indexOf('%') >= 0 && percentDecoded(query).toLowerCase(Locale.ROOT).contains(ACCESS_TOKEN));
    }

    /** Decodes %XX escapes, leaving malformed ones as they are (never fails). */
    private static String percentDecoded(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            int hi = c == '%' && i + 2 < s.length() ? Character.digit(s.charAt(i + 1), 16) : -1;
            int lo = hi >= 0 ? Character.digit(s.charAt(i + 2), 16) : -1;
            if (lo >= 0) {
                out.append((char) (hi * 16 + lo));
                i += 2;
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    /**
     * HTTP/1.1's codec refuses these itself; HTTP/2's does not check values, and a header relayed upstream must not
     * carry them.
     */
    static boolean hasControlCharacter(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if ((c < 0x20 && c != '\t') || c == 0x7f) {
                return true;
            }
        }
        return false;
    }
}
