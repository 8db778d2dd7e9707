package fr.passerelle.referral.service;

import fr.passerelle.referral.config.ReferralConfig;
import fr.passerelle.referral.domain.DeadlinePolicy;
import fr.passerelle.referral.domain.Referral;
import io.quarkus.runtime.Startup;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import fr.passerelle.referral.repository.DeadlineRepository;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Applies {@link DeadlinePolicy} with each platform's configured delays. Every transition stamps the referral here
 * (same transaction), so the stored {@code due_at} is always the running deadline of the current state.
 */
@Startup
@ApplicationScoped
public class Deadlines {

    @Inject
    ReferralConfig config;
    @Inject
    DeadlineRepository repository;

    private DeadlinePolicy.Rules defaults;
    private final Map<UUID, DeadlinePolicy.Rules> perPlatform = new HashMap<>();

    /** Reads the configuration once, failing start-up on a bad platform id or a negative delay. */
    @PostConstruct
    void load() {
        ReferralConfig.Deadlines d = config.deadlines();
        defaults = new DeadlinePolicy.Rules(d.receiptWorkingDays(), d.decisionWorkingDays(), d.waitlistReviewDays(), d.startDays());
        d.platforms().forEach((key, o) -> {
            UUID platform;
            try {
                platform = UUID.fromString(key);
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException("referral.deadlines.platforms: not a platform id: " + key);
            }
            perPlatform.put(platform, new DeadlinePolicy.Rules(
                    o.receiptWorkingDays().orElse(defaults.receiptWorkingDays()),
                    o.decisionWorkingDays().orElse(defaults.decisionWorkingDays()),
                    o.waitlistReviewDays().orElse(defaults.waitlistReviewDays()),
                    o.startDays().orElse(defaults.startDays())));
        });
    }

    public DeadlinePolicy.Rules rules(UUID platform) {
        return platform == null ? defaults : perPlatform.getOrDefault(platform, defaults);
    }

    public Optional<DeadlinePolicy.Deadline> of(Referral r) {
        return DeadlinePolicy.of(r, r.waitlistReviewedAt, rules(DeadlinePolicy.platformOf(r)));
    }

    /**
     * A review of a WAITLISTED referral: the waiting-list deadline restarts from it. Written with plain SQL, guarded by
     * the status: a review does not move the referral's version (its ETag), and loses to a concurrent transition.
     */
    public void recordWaitlistReview(Referral r, Instant reviewedAt) {
        Optional<DeadlinePolicy.Deadline> d = DeadlinePolicy.of(r, reviewedAt, rules(DeadlinePolicy.platformOf(r)));
        repository.recordWaitlistReview(r.id, reviewedAt, d.map(DeadlinePolicy.Deadline::stage).orElse(null),
                d.map(DeadlinePolicy.Deadline::dueAt).orElse(null));
    }

    /** Sets the referral's running deadline from its current state (null when the state has none). */
    public void stamp(Referral r) {
        Optional<DeadlinePolicy.Deadline> d = of(r);
        r.deadlineStage = d.map(DeadlinePolicy.Deadline::stage).orElse(null);
        r.dueAt = d.map(DeadlinePolicy.Deadline::dueAt).orElse(null);
    }
}
