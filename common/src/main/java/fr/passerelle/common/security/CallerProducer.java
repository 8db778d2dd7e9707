package fr.passerelle.common.security;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** Builds the request's {@link Caller} from the validated token. */
@RequestScoped
public class CallerProducer {

    @Inject
    SecurityIdentity identity;

    @Produces
    @RequestScoped
    public Caller caller() {
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
