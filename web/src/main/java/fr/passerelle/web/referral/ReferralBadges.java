package fr.passerelle.web.referral;

import fr.passerelle.client.model.ReferralStatus;
import fr.passerelle.client.model.Urgency;
import io.quarkus.qute.TemplateExtension;

/**
 * DSFR badge variants for statuses and urgencies: {@code <p class="fr-badge {r.getStatus().badge}">}. The badge always
 * carries the French label too: colour is never the only sign.
 */
@TemplateExtension
public final class ReferralBadges {

    private ReferralBadges() {
    }

    public static String badge(ReferralStatus status) {
        if (status == null) {
            return "";
        }
        return switch (status) {
            case SUBMITTED, RECEIVED -> "fr-badge--info";
            case WAITLISTED -> "fr-badge--new";
            case ACCEPTED, IN_PROGRESS, COMPLETED -> "fr-badge--success";
            case DECLINED -> "fr-badge--error";
            default -> "";
        };
    }

    public static String badge(Urgency urgency) {
        if (urgency == null) {
            return "";
        }
        return switch (urgency) {
            case CRITICAL -> "fr-badge--error";
            case HIGH -> "fr-badge--warning";
            default -> "";
        };
    }
}
