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
        for (String candidate : ifMatch.split(",")) {
            if (candidate.trim().equals(expected)) {
                return;
            }
        }
        throw ProblemException.preconditionFailed();
    }
}
