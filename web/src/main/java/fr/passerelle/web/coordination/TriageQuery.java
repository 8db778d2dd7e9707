package fr.passerelle.web.coordination;

import fr.passerelle.client.model.Urgency;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;

/**
 * The triage page's filters, read from its French query parameters (statut, urgence, enRetard=oui,
 * attribution=moi|aucune, curseur) and turned into the API's; an unknown value is dropped rather than sent.
 */
public record TriageQuery(String status, String urgency, boolean overdueOnly, String attribution, String cursor) {

    static final Set<String> STATUSES = Set.of("SUBMITTED", "RECEIVED", "WAITLISTED");

    public static TriageQuery of(String status, String urgency, String overdue, String attribution, String cursor) {
        String s = Queries.blankToNull(status);
        String u = Queries.code(urgency, Urgency::fromValue) == null ? null : urgency.trim();
        String a = Queries.blankToNull(attribution);
        String c = Queries.blankToNull(cursor);
        return new TriageQuery(s != null && STATUSES.contains(s) ? s : null, u, "oui".equals(Queries.blankToNull(overdue)),
                "moi".equals(a) || "aucune".equals(a) ? a : null, c != null && c.length() <= 200 ? c : null);
    }

    /** The statuses of the queue, in the order of the lifecycle (for the counts and the filter). */
    public java.util.List<String> getStatuses() {
        return java.util.List.of("SUBMITTED", "RECEIVED", "WAITLISTED");
    }

    /** The API's assignee filter. */
    public String assignee() {
        return attribution == null ? null : "moi".equals(attribution) ? "me" : "none";
    }

    public boolean isFiltered() {
        return status != null || urgency != null || overdueOnly || attribution != null;
    }

    /** The link to the next page: the same filters, the API's next cursor. */
    public String next(String nextCursor) {
        Map<String, String> p = params();
        p.put("curseur", nextCursor);
        return "/triage" + query(p);
    }

    /** The link with these filters and one status (or none). */
    public String withStatus(String s) {
        Map<String, String> p = params();
        if (s == null) p.remove("statut"); else p.put("statut", s);
        return "/triage" + query(p);
    }

    private Map<String, String> params() {
        Map<String, String> p = new LinkedHashMap<>();
        if (status != null) p.put("statut", status);
        if (urgency != null) p.put("urgence", urgency);
        if (overdueOnly) p.put("enRetard", "oui");
        if (attribution != null) p.put("attribution", attribution);
        return p;
    }

    private static String query(Map<String, String> p) {
        if (p.isEmpty()) return "";
        StringJoiner j = new StringJoiner("&", "?", "");
        p.forEach((k, v) -> j.add(k + "=" + URLEncoder.encode(v, StandardCharsets.UTF_8)));
        return j.toString();
    }
}
