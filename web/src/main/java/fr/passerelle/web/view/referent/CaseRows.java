package fr.passerelle.web.view.referent;

import fr.passerelle.client.model.CaseReferralSummary;
import fr.passerelle.client.model.CaseStatus;
import fr.passerelle.client.model.CaseView;
import fr.passerelle.client.model.ReferralStatus;
import fr.passerelle.client.model.ReferralView;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;

/** What the case list and the case page show, computed from the API's views. */
public final class CaseRows {

    /** A referral in one of these is finished (the API's terminal statuses). */
    private static final Set<ReferralStatus> FINISHED = EnumSet.of(ReferralStatus.COMPLETED, ReferralStatus.DECLINED,
            ReferralStatus.REDIRECTED, ReferralStatus.CANCELLED);

    private CaseRows() {
    }

    /** One line of the case list: the case, how many referrals are still open, the status of the latest one. */
    public record CaseRow(CaseView c, long openReferrals, ReferralStatus lastStatus) {
    }

    /** One referral of a case: the case's summary of it, and the referral itself (due date) when it was read. */
    public record ReferralRow(CaseReferralSummary summary, ReferralView full) {
        public boolean overdue() {
            return full != null && Boolean.TRUE.equals(full.getOverdue());
        }
    }

    public static CaseRow row(CaseView c) {
        List<CaseReferralSummary> referrals = newestFirst(c.getReferrals());
        long open = referrals.stream().filter(r -> r.getStatus() != null && isOpen(r.getStatus())).count();
        return new CaseRow(c, open, referrals.isEmpty() ? null : referrals.get(0).getStatus());
    }

    public static boolean isOpen(ReferralStatus status) {
        return !FINISHED.contains(status);
    }

    public static List<CaseReferralSummary> newestFirst(List<CaseReferralSummary> referrals) {
        if (referrals == null) {
            return List.of();
        }
        return referrals.stream()
                .sorted(Comparator.comparing(CaseReferralSummary::getUpdatedAt, Comparator.nullsLast(Comparator.<OffsetDateTime>reverseOrder())))
                .toList();
    }

    /** The list page's address with its filters (the search text encoded, never pasted raw). */
    public static String listHref(CaseStatus status, String q, int page) {
        return listHref(status, q, null, page);
    }

    public static String listHref(CaseStatus status, String q, java.time.LocalDate birthDate, int page) {
        StringBuilder href = new StringBuilder("/dossiers?page=").append(page);
        if (birthDate != null) {
            href.append("&naissance=").append(birthDate);
        }
        if (status != null) {
            href.append("&statut=").append(status);
        }
        if (q != null && !q.isBlank()) {
            href.append("&q=").append(URLEncoder.encode(q, StandardCharsets.UTF_8));
        }
        return href.toString();
    }

    /** One guardian block of the new-case form: its number for people, its member paths for the API. */
    public record GuardianRow(int index) {
        public int number() {
            return index + 1;
        }

        public String name(String member) {
            return "guardians[" + index + "]." + member;
        }
    }

    public static List<GuardianRow> guardianRows() {
        return IntStream.range(0, CaseRequests.GUARDIAN_ROWS).mapToObj(GuardianRow::new).toList();
    }

    /**
     * The possible duplicates a creation answered, carried to the case page in its address: only well-formed ids are
     * kept (at most {@value #MAX_DUPLICATES}), so the page never shows anything else that came in the URL.
     */
    public static List<String> duplicateIds(String param) {
        if (param == null || param.isBlank()) {
            return List.of();
        }
        List<String> ids = new java.util.ArrayList<>();
        for (String part : param.split(",")) {
            try {
                String id = java.util.UUID.fromString(part.strip()).toString();
                if (!ids.contains(id) && ids.size() < MAX_DUPLICATES) {
                    ids.add(id);
                }
            } catch (IllegalArgumentException e) {
                // not an id: left out
            }
        }
        return List.copyOf(ids);
    }

    static final int MAX_DUPLICATES = 20;
}
