package fr.passerelle.web.coordination;

import fr.passerelle.client.model.AuditOperation;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.StringJoiner;
import java.util.UUID;

/** The access log's filters (the API's names: caseId, subject, operation, from, to, page) read and checked. */
public record AuditQuery(UUID caseId, String caseIdText, String subject, String operation, LocalDate from, String fromText,
                         LocalDate to, String toText, int page, Map<String, String> errors) {

    public static AuditQuery of(String caseId, String subject, String operation, String from, String to, String page) {
        Map<String, String> errors = new LinkedHashMap<>();
        Optional<UUID> id = Queries.uuid(caseId);
        if (id == null) errors.put("caseId", "Saisissez un identifiant de dossier complet (format 8-4-4-4-12).");
        Optional<LocalDate> a = Queries.date(from);
        if (a == null) errors.put("from", "Saisissez une date au format jj/mm/aaaa.");
        Optional<LocalDate> b = Queries.date(to);
        if (b == null) errors.put("to", "Saisissez une date au format jj/mm/aaaa.");
        String op = Queries.blankToNull(operation);
        if (op != null && Queries.code(op, AuditOperation::fromValue) == null) {
            errors.put("operation", "Choisissez une opération de la liste.");
            op = null;
        }
        String s = Queries.blankToNull(subject);
        if (s != null && s.length() > 255) {
            errors.put("subject", "255 caractères au plus.");
        }
        return new AuditQuery(id == null ? null : id.orElse(null), Queries.blankToNull(caseId), s, op,
                a == null ? null : a.orElse(null), Queries.blankToNull(from), b == null ? null : b.orElse(null),
                Queries.blankToNull(to), Queries.page(page), errors);
    }

    public String operationText() {
        return operation;
    }

    /** The link to another page with the same filters. */
    public String pageLink(int target) {
        Map<String, String> p = new LinkedHashMap<>();
        if (caseIdText != null) p.put("caseId", caseIdText);
        if (subject != null) p.put("subject", subject);
        if (operation != null) p.put("operation", operation);
        if (fromText != null) p.put("from", fromText);
        if (toText != null) p.put("to", toText);
        if (target > 0) p.put("page", String.valueOf(target));
        if (p.isEmpty()) return "/audit";
        StringJoiner j = new StringJoiner("&", "/audit?", "");
        p.forEach((k, v) -> j.add(k + "=" + URLEncoder.encode(v, StandardCharsets.UTF_8)));
        return j.toString();
    }

    /** The previous page's link, or null on the first. */
    public String previous(fr.passerelle.client.model.AuditPage result) {
        return result.getPage() > 0 ? pageLink(result.getPage() - 1) : null;
    }

    /** The next page's link, or null on the last. */
    public String next(fr.passerelle.client.model.AuditPage result) {
        return (long) (result.getPage() + 1) * result.getSize() < result.getTotalItems() ? pageLink(result.getPage() + 1) : null;
    }

    /** « page 2 sur 7 » */
    public String pageLabel(fr.passerelle.client.model.AuditPage result) {
        long pages = Math.max(1, (result.getTotalItems() + result.getSize() - 1) / Math.max(1, result.getSize()));
        return "page " + (result.getPage() + 1) + " sur " + pages;
    }

    /** Link to the rows of one case. */
    public static String caseLink(UUID caseId) {
        return "/audit?caseId=" + caseId;
    }

    public boolean isFiltered() {
        return caseIdText != null || subject != null || operation != null || fromText != null || toText != null;
    }
}
