package fr.passerelle.referral.repository;

import fr.passerelle.referral.domain.NotificationPreference;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.List;

@ApplicationScoped
public class NotificationPreferenceRepository implements PanacheRepositoryBase<NotificationPreference, String> {

    /** Everyone attached to one of these ({@code uai:…}, {@code platform:…}, {@code organisation:…}) with an address. */
    public List<NotificationPreference> withAddressAttachedTo(Collection<String> attachments) {
        if (attachments.isEmpty()) {
            return List.of();
        }
        return find("attachment in ?1 and email is not null order by subject", attachments).list();
    }

    /**
     * Serialises the writes of one person's preferences (until the transaction ends): two first saves at once would
     * both insert, and the second would fail on the key at commit.
     */
    public void lockSubject(String subject) {
        getEntityManager().createNativeQuery("select pg_advisory_xact_lock(hashtext('notification-preference:' || ?1))")
                .setParameter(1, subject).getSingleResult();
    }
}
