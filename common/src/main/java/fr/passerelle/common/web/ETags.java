package fr.passerelle.common.web;

import fr.passerelle.common.problem.ProblemException;
import jakarta.ws.rs.core.EntityTag;

/** Strong ETags derived from an entity's optimistic-lock version, and If-Match checks. */
public final class ETags {

    private ETags() {
    }

    public static EntityTag of(long version) {
        return new EntityTag("v" + version);
    }

    public static String header(long version) {
        return "\"v" + version + "\"";
    }

    /**
     * The optimistic lock of every PATCH, PUT, DELETE and lifecycle action: If-Match must name the version the
     * caller read. Strong comparison only (RFC 9110 §13.1.1): a weak tag ({@code W/"v3"}) never matches, so 412.
     * {@code *} would match any version and so bypass the lock; it names no version, so it is answered like a
     * missing header (428, "carry the current ETag") rather than 412, which would send the caller to read again
     * and retry with the same {@code *}.
     */
    public static void requireMatch(String ifMatch, long currentVersion) {
        if (ifMatch == null || ifMatch.isBlank() || ifMatch.trim().equals("*")) {
            throw ProblemException.preconditionRequired();
        }
        String expected = header(currentVersion);
        String expectedWithRepresentation = expected.substring(0, expected.length() - 1) + ".";
        for (String candidate : ifMatch.split(",")) {
            String tag = candidate.trim();
            if (tag.equals(expected) || (tag.startsWith(expectedWithRepresentation) && tag.endsWith("\"")
                    && tag.length() > expectedWithRepresentation.length() + 1)) {
                return;
            }
        }
        throw ProblemException.preconditionFailed();
    }

    /**
     * The ETag of a read whose representation shows more than its record's version: {@code "v3"} and a hash of the
     * body give {@code "v3.<hash>"}. If-Match accepts it for version 3 ({@link #requireMatch}), so a client can send
     * back the tag it read; If-None-Match compares it whole, so a change elsewhere in the body is never a 304.
     */
    public static String withRepresentation(String versionTag, String representationHash) {
        String tag = versionTag.trim();
        if (!tag.startsWith("\"") || !tag.endsWith("\"") || tag.length() < 3) {
            throw new IllegalArgumentException("not a strong entity-tag: " + tag);
        }
        return tag.substring(0, tag.length() - 1) + "." + representationHash + "\"";
    }

    /**
     * Whether an If-None-Match header names the current representation, so that a GET answers 304 Not Modified:
     * weak comparison (RFC 9110 §13.1.2: {@code W/"v3"} matches {@code "v3"}), {@code *} matches any current
     * representation, and the header may list several tags. Null or blank: no condition, false.
     */
    public static boolean noneMatchFails(String ifNoneMatch, String currentEtag) {
        if (ifNoneMatch == null || ifNoneMatch.isBlank() || currentEtag == null) {
            return false;
        }
        if (ifNoneMatch.trim().equals("*")) {
            return true;
        }
        String current = opaque(currentEtag.trim());
        int i = 0;
        int n = ifNoneMatch.length();
        while (i < n) {
            while (i < n && (ifNoneMatch.charAt(i) == ',' || ifNoneMatch.charAt(i) == ' ' || ifNoneMatch.charAt(i) == '\t')) {
                i++;
            }
            if (i >= n) {
                break;
            }
            int start = i;
            if (ifNoneMatch.startsWith("W/", i)) {
                i += 2;
            }
            if (i >= n || ifNoneMatch.charAt(i) != '"') {
                return false; // not a list of entity-tags: no condition we can evaluate, answer in full
            }
            int close = ifNoneMatch.indexOf('"', i + 1);
            if (close < 0) {
                return false;
            }
            if (opaque(ifNoneMatch.substring(start, close + 1)).equals(current)) {
                return true;
            }
            i = close + 1;
        }
        return false;
    }

    /** The quoted opaque part of an entity-tag, without the weakness indicator. */
    private static String opaque(String entityTag) {
        return entityTag.startsWith("W/") ? entityTag.substring(2) : entityTag;
    }
}
