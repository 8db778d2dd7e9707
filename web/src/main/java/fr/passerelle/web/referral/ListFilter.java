package fr.passerelle.web.referral;

import fr.passerelle.client.model.LifecycleAction;
import fr.passerelle.client.model.ReferralStatus;
import fr.passerelle.client.model.ReferralView;
import java.util.EnumSet;
import java.util.Set;

/**
 * The filters of the referral list, as French query parameters ({@code ?statut=RECEIVED&enRetard=oui&attribuees=moi
 * &aTraiter=oui&page=2}, page counted from 1) and as the API's listReferrals parameters.
 */
public record ListFilter(ReferralStatus status, boolean overdue, boolean mine, boolean actionNeeded, int page) {

    public static final int PAGE_SIZE = 20;

    /** Finished statuses: nothing more can happen to these. */
    public static final Set<ReferralStatus> FINISHED = EnumSet.of(ReferralStatus.COMPLETED, ReferralStatus.DECLINED,
            ReferralStatus.REDIRECTED, ReferralStatus.CANCELLED);

    public static ListFilter of(String statut, String enRetard, String attribuees, String aTraiter, String page) {
        ReferralStatus status = null;
        if (statut != null && !statut.isBlank()) {
            ReferralStatus parsed = ReferralStatus.fromValue(statut.trim());
            status = parsed == ReferralStatus.UNKNOWN_DEFAULT_OPEN_API ? null : parsed;
        }
        int number = 1;
        try {
            number = page == null || page.isBlank() ? 1 : Math.max(1, Math.min(50_000, Integer.parseInt(page.trim())));
        } catch (NumberFormatException e) {
            number = 1;
        }
        return new ListFilter(status, "oui".equals(enRetard), "moi".equals(attribuees), "oui".equals(aTraiter), number);
    }

    /** The API's {@code assignee}: me, or all. */
    public String assignee() {
        return mine ? "me" : null;
    }

    /** The API's {@code overdue}: true, or both. */
    public Boolean overdueParameter() {
        return overdue ? Boolean.TRUE : null;
    }

    /**
     * « À traiter »: an open referral on which the user can move the lifecycle forward now — an allowed action other
     * than cancelling, as the API's inbox summary counts it (actionNeeded).
     */
    public static boolean needsAction(ReferralView r) {
        if (r.getStatus() == null || FINISHED.contains(r.getStatus())) {
            return false;
        }
        for (LifecycleAction a : r.getAllowedActions()) {
            if (a != LifecycleAction.CANCEL && a != LifecycleAction.WITHDRAW_CONSENT
                    && a != LifecycleAction.UNKNOWN_DEFAULT_OPEN_API) {
                return true;
            }
        }
        return false;
    }

    /** The query string of this filter on another page ("" parts left out), for the pagination links. */
    public String query(int otherPage) {
        StringBuilder q = new StringBuilder();
        if (status != null) q.append("&statut=").append(status.getValue());
        if (overdue) q.append("&enRetard=oui");
        if (mine) q.append("&attribuees=moi");
        if (actionNeeded) q.append("&aTraiter=oui");
        if (otherPage > 1) q.append("&page=").append(otherPage);
        return q.length() == 0 ? "" : "?" + q.substring(1);
    }

    public int previousPage() {
        return Math.max(1, page - 1);
    }

    public int nextPage() {
        return page + 1;
    }

    public boolean isFiltered() {
        return status != null || overdue || mine || actionNeeded;
    }
}
