package fr.passerelle.referral.service;

import fr.passerelle.common.paging.PageRequest;
import fr.passerelle.common.paging.PageResponse;
import fr.passerelle.common.problem.ProblemException;
import fr.passerelle.common.problem.Violation;
import fr.passerelle.referral.api.WebhookCreateRequest;
import fr.passerelle.referral.api.WebhookDeliveryView;
import fr.passerelle.referral.api.WebhookView;
import fr.passerelle.referral.config.ReferralConfig;
import fr.passerelle.referral.domain.EventType;
import fr.passerelle.referral.domain.WebhookAttempt;
import fr.passerelle.referral.domain.WebhookDelivery;
import fr.passerelle.referral.domain.WebhookSubscription;
import fr.passerelle.referral.mapping.WebhookMapper;
import fr.passerelle.referral.repository.PageResult;
import fr.passerelle.referral.repository.WebhookDeliveryRepository;
import fr.passerelle.referral.repository.WebhookRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Webhook subscriptions of the caller's attachment: create (the secret shown once), list, read, delete, the
 * deliveries log and manual retry. Another attachment's subscription is not found (404).
 */
@ApplicationScoped
public class WebhookService {

    /** Subscriptions one organisation or platform may hold. */
    public static final int MAX_PER_OWNER = 20;

    @Inject
    AccessPolicy policy;
    @Inject
    WebhookRepository subscriptions;
    @Inject
    WebhookDeliveryRepository deliveries;
    @Inject
    WebhookSecrets secrets;
    @Inject
    ReferralConfig config;
    @Inject
    Clock clock;
    @Inject
    Event<WebhookFanOut.Queued> queued;

    @Transactional
    public WebhookView create(WebhookCreateRequest req) {
        String owner = policy.requireWebhookOwner();
        List<Violation> violations = new ArrayList<>();
        new AddressGuard(config.webhooks().allowInsecureLoopback()).check(req.url().trim())
                .ifPresent(r -> violations.add(new Violation("url", r.message(), r.code())));
        Set<String> events = new LinkedHashSet<>();
        for (int i = 0; i < req.events().size(); i++) {
            String name = req.events().get(i);
            if (WebhookSubscription.ALL_EVENTS.equals(name) || EventType.fromWire(name).isPresent()) {
                events.add(name);
            } else {
                violations.add(new Violation("events[" + i + "]", "unknown event type; known: * or "
                        + String.join(", ", java.util.Arrays.stream(EventType.values()).map(EventType::wire).toList()), "UNKNOWN_EVENT"));
            }
        }
        if (!violations.isEmpty()) {
            throw ProblemException.unprocessable(violations);
        }
        if (subscriptions.countOfOwner(owner) >= MAX_PER_OWNER) {
            throw ProblemException.conflict("webhook-limit", "An organisation or platform holds at most " + MAX_PER_OWNER
                    + " subscriptions: delete one first.");
        }
        if (!secrets.canSeal()) {
            throw ProblemException.serviceUnavailable("Webhooks are not configured on this server (no secret key).", 3600);
        }
        WebhookSubscription s = new WebhookSubscription();
        s.id = UUID.randomUUID();
        s.ownerAttachment = owner;
        s.url = req.url().trim();
        s.events = List.copyOf(events.contains(WebhookSubscription.ALL_EVENTS) ? Set.of(WebhookSubscription.ALL_EVENTS) : events);
        s.description = req.description() == null || req.description().isBlank() ? null : req.description().trim();
        String secret = WebhookSecrets.newSecret();
        s.secretSealed = secrets.seal(secret, s.id);
        s.createdBy = policy.subject();
        s.createdAt = clock.instant();
        subscriptions.persist(s);
        return WebhookMapper.view(s, secret);
    }

    @Transactional
    public PageResponse<WebhookView> list(PageRequest page) {
        String owner = policy.requireWebhookOwner();
        PageResult<WebhookSubscription> result = subscriptions.ofOwner(owner, page.offset(), page.size());
        return new PageResponse<>(result.items().stream().map(s -> WebhookMapper.view(s, null)).toList(), page.page(), page.size(),
                result.total());
    }

    @Transactional
    public WebhookView get(UUID id) {
        return WebhookMapper.view(owned(id), null);
    }

    @Transactional
    public void delete(UUID id) {
        subscriptions.delete(owned(id));
    }

    @Transactional
    public PageResponse<WebhookDeliveryView> deliveries(UUID id, PageRequest page) {
        WebhookSubscription s = owned(id);
        PageResult<WebhookDelivery> result = deliveries.log(s.id, page.offset(), page.size());
        Map<UUID, List<WebhookAttempt>> attempts = deliveries.attemptsOf(result.items().stream().map(d -> d.id).toList());
        return new PageResponse<>(result.items().stream().map(d -> WebhookMapper.delivery(d, attempts.getOrDefault(d.id, List.of())))
                .toList(), page.page(), page.size(), result.total());
    }

    /**
     * Makes a pending delivery due now (its backoff skipped). A delivered one answers 409 (nothing to retry: receivers
     * dedupe on webhook-id anyway); so does one of a disabled subscription (ABANDONED). A delivery still waits for the
     * earlier undelivered ones of its referral: order per referral is kept.
     */
    @Transactional
    public WebhookDeliveryView retry(UUID id, UUID deliveryId) {
        WebhookSubscription s = owned(id);
        WebhookDelivery d = deliveries.findOf(s.id, deliveryId).orElseThrow(() -> ProblemException.notFound("Delivery " + deliveryId));
        if (d.status == WebhookDelivery.Status.DELIVERED) {
            throw ProblemException.conflict("webhook-delivered", "This delivery has already been delivered.");
        }
        if (!s.enabled() || d.status != WebhookDelivery.Status.PENDING) {
            throw ProblemException.conflict("webhook-disabled", "The subscription is disabled: nothing is delivered any more."
                    + " Create a new subscription once the receiver is fixed.");
        }
        Instant now = clock.instant();
        d.nextAttemptAt = now;
        queued.fire(new WebhookFanOut.Queued(1));
        return WebhookMapper.delivery(d, deliveries.attemptsOf(List.of(d.id)).getOrDefault(d.id, List.of()));
    }

    private WebhookSubscription owned(UUID id) {
        String owner = policy.requireWebhookOwner();
        return subscriptions.findOwned(id, owner).orElseThrow(() -> ProblemException.notFound("Webhook subscription " + id));
    }
}
