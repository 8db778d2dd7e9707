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
}
