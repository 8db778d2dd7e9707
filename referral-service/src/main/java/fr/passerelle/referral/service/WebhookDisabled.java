package fr.passerelle.referral.service;

import java.time.Instant;
import java.util.UUID;

/**
 * CDI event fired (synchronously, inside the transaction that disables it) when a webhook subscription is disabled
 * after failing past its retry window. The e-mail side observes it and tells the owner's functional mailbox.
 *
 * @param ownerAttachment {@code organisation:<uuid>}, {@code platform:<uuid>} or {@code uai:<code>}
 * @param urlHost the receiver's host only (the full URL may carry a token)
 */
public record WebhookDisabled(UUID subscriptionId, String ownerAttachment, String urlHost, Instant disabledAt) {
}
