package fr.passerelle.referral.service;

import fr.passerelle.referral.client.DirectoryContact;
import fr.passerelle.referral.client.DirectoryGateway;
import fr.passerelle.referral.client.DirectoryOrganisation;
import fr.passerelle.referral.client.DirectoryPlatform;
import fr.passerelle.referral.client.DirectoryProgramme;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Functional mailboxes from the directory (EMAIL contacts), looked up at send time through {@link DirectoryGateway}
 * (cache, timeout, retry, breaker): a programme's own, else its organisation's; an organisation's; a platform's are
 * those of its co-animating organisations. Throws {@code DirectoryUnavailableException} when the directory cannot answer.
 */
@ApplicationScoped
public class Mailboxes {

    @Inject
    DirectoryGateway directory;

    /** The addresses of {@code programme:<uuid>}, {@code organisation:<uuid>} or {@code platform:<uuid>}; empty when none. */
    public List<String> resolve(String key) {
        int colon = key.indexOf(':');
        if (colon < 0) {
            return List.of();
        }
        UUID id;
        try {
            id = UUID.fromString(key.substring(colon + 1));
        } catch (IllegalArgumentException e) {
            return List.of();
        }
        return switch (key.substring(0, colon)) {
            case "programme" -> programme(id);
            case "organisation" -> organisation(id);
            case "platform" -> platform(id);
            default -> List.of();
        };
    }

    private List<String> programme(UUID id) {
        Optional<DirectoryProgramme> p = directory.programme(id);
        if (p.isEmpty()) {
            return List.of();
        }
        List<String> own = DirectoryContact.mailboxes(p.get().contacts());
        if (!own.isEmpty() || p.get().organisationId() == null) {
            return own;
        }
        return organisation(p.get().organisationId());
    }

    private List<String> organisation(UUID id) {
        return directory.organisation(id).map(DirectoryOrganisation::contacts).map(DirectoryContact::mailboxes).orElse(List.of());
    }

    private List<String> platform(UUID id) {
        Optional<DirectoryPlatform> p = directory.platform(id);
        if (p.isEmpty() || p.get().coAnimators() == null) {
            return List.of();
        }
        Set<String> all = new LinkedHashSet<>();
        for (DirectoryPlatform.Member m : p.get().coAnimators()) {
            if (m != null && m.id() != null) {
                all.addAll(organisation(m.id()));
            }
        }
        return List.copyOf(all);
    }
}
