package fr.passerelle.referral.mapping;

import fr.passerelle.referral.api.WebhookDeliveryView;
import fr.passerelle.referral.api.WebhookView;
import fr.passerelle.referral.domain.WebhookAttempt;
import fr.passerelle.referral.domain.WebhookDelivery;
import fr.passerelle.referral.domain.WebhookSubscription;
import java.util.List;

public final class WebhookMapper {

    private WebhookMapper() {
    }

    /** @param secret the plain secret, given in the creation answer only (null elsewhere) */
    public static WebhookView view(WebhookSubscription s, String secret) {
        return new WebhookView(s.id, s.url, List.copyOf(s.events), s.description, s.enabled(), s.disabledAt, s.disabledReason,
                s.ownerAttachment, s.createdAt, secret);
    }

    public static WebhookDeliveryView delivery(WebhookDelivery d, List<WebhookAttempt> attempts) {
        return new WebhookDeliveryView(d.id, d.eventId, d.eventType.wire(), d.status.name(), d.createdAt,
                d.status == WebhookDelivery.Status.PENDING ? d.nextAttemptAt : null, d.deliveredAt,
                attempts.stream().map(a -> new WebhookDeliveryView.Attempt(a.attemptedAt, a.statusCode, a.durationMs,
                        a.outcome.name(), a.errorClass)).toList());
    }
}
