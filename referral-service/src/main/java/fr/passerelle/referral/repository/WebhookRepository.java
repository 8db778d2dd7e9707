package fr.passerelle.referral.repository;

import fr.passerelle.referral.domain.WebhookSubscription;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Subscriptions: an owner reaches only its own attachment's (another attachment's id is simply not found). */
@ApplicationScoped
public class WebhookRepository implements PanacheRepositoryBase<WebhookSubscription, UUID> {

    public Optional<WebhookSubscription> findOwned(UUID id, String ownerAttachment) {
        return find("id = ?1 and ownerAttachment = ?2", id, ownerAttachment).firstResultOptional();
    }

    public PageResult<WebhookSubscription> ofOwner(String ownerAttachment, int offset, int limit) {
        var query = find("ownerAttachment = ?1 order by createdAt desc, id", ownerAttachment);
        return new PageResult<>(query.range(offset, offset + limit - 1).list(), count("ownerAttachment = ?1", ownerAttachment));
    }

    public long countOfOwner(String ownerAttachment) {
        return count("ownerAttachment = ?1", ownerAttachment);
    }

    /** Every enabled subscription (few: a handful per organisation or platform), for the fan-out. */
    public List<WebhookSubscription> enabled() {
        return list("disabledAt is null");
    }
}
