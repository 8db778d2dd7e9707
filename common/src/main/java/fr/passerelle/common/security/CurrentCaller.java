package fr.passerelle.common.security;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * The request's {@link Caller}, built once from the validated token. Request-scoped (and
 * proxied), so it can be injected anywhere, including application-scoped services.
 */
@RequestScoped
public class CurrentCaller {

    @Inject
    SecurityIdentity identity;

    private Caller caller;

    public Caller get() {
        if (caller == null) {
            caller = build();
        }
        return caller;
    }

    private Caller build() {
        if (identity == null || identity.isAnonymous() || !(identity.getPrincipal() instanceof JsonWebToken jwt)) {
            return Caller.ANONYMOUS;
        }
        Set<String> roles = Set.copyOf(identity.getRoles());
        String uai = stringClaim(jwt, Caller.CLAIM_UAI);
        // Keycloak marks client-credentials tokens with the client id claim of the service account.
        boolean serviceAccount = jwt.getClaim("client_id") != null
                || Optional.ofNullable(stringClaim(jwt, "preferred_username")).map(u -> u.startsWith("service-account-")).orElse(false);
        return new Caller(jwt.getSubject(), roles,
                Optional.ofNullable(uai).map(String::trim).filter(s -> !s.isEmpty()).map(String::toUpperCase),
                Caller.uuidClaim(stringClaim(jwt, Caller.CLAIM_PLATFORM)),
                Caller.uuidClaim(stringClaim(jwt, Caller.CLAIM_ORGANISATION)),
                Caller.splitScopes(stringClaim(jwt, "scope")),
                serviceAccount);
    }

    private static String stringClaim(JsonWebToken jwt, String name) {
        Object value = jwt.getClaim(name);
        if (value == null) {
            return null;
        }
        if (value instanceof jakarta.json.JsonString js) {
            return js.getString();
        }
        return value.toString();
    }
}
