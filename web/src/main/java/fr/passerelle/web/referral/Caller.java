package fr.passerelle.web.referral;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The two claims of the user's access token these pages need: its subject (the id the API puts in assigneeId, to
 * show « moi » and to take a referral oneself) and the partner's organisation (its programmes' places). The token
 * was verified at login (quarkus.oidc.authentication.verify-access-token); this only reads its payload.
 */
@RequestScoped
public class Caller {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final JsonNode claims;

    @Inject
    public Caller(SecurityIdentity identity) {
        AccessTokenCredential credential = identity == null ? null : identity.getCredential(AccessTokenCredential.class);
        this.claims = payload(credential == null ? null : credential.getToken());
    }

    static JsonNode payload(String jwt) {
        if (jwt == null) {
            return JSON.createObjectNode();
        }
        String[] parts = jwt.split("\\.");
        if (parts.length < 2) {
            return JSON.createObjectNode();
        }
        try {
            return JSON.readTree(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8));
        } catch (Exception e) {
            return JSON.createObjectNode();
        }
    }

    /** The user's id (token subject), or null. */
    public String id() {
        return text("sub");
    }

    /** The partner's organisation id, or null. */
    public String organisation() {
        return text("organisation");
    }

    private String text(String name) {
        JsonNode value = claims.get(name);
        return value == null || value.isNull() || value.asText().isBlank() ? null : value.asText();
    }
}
