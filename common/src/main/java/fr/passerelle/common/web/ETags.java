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

    /** 428 without If-Match, 412 when it names another version. {@code *} matches any. */
    public static void requireMatch(String ifMatch, long currentVersion) {
        if (ifMatch == null || ifMatch.isBlank()) {
            throw ProblemException.preconditionRequired();
        }
        String expected = header(currentVersion);
        for (String candidate : ifMatch.split(",")) {
            String tag = candidate.trim();
            if (tag.startsWith("W/")) {
                tag = tag.substring(2);
            }
            if (tag.equals("*") || tag.equals(expected)) {
                return;
            }
        }
        throw ProblemException.preconditionFailed();
    }
}
