package fr.passerelle.referral.client;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;
import java.util.Map;

/** The part of Keycloak's UserRepresentation this service reads (never names or e-mail addresses). */
@JsonIgnoreProperties(ignoreUnknown = true)
public record KeycloakUser(String id, Boolean enabled, Map<String, List<String>> attributes) {

    public boolean isEnabled() {
        return Boolean.TRUE.equals(enabled);
    }

    /** Whether the single-valued attribute holds exactly this value. */
    public boolean hasAttribute(String name, String value) {
        List<String> values = attributes == null ? null : attributes.get(name);
        return values != null && values.size() == 1 && value.equals(values.get(0));
    }
}
