package fr.passerelle.common.security;

import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Who is calling, read from the validated token only. Object-level access is decided from
 * this, never from anything the client sends in the request.
 *
 * @param subject       the token's {@code sub}
 * @param roles         realm roles
 * @param uai           school attachment of a referent
 * @param platform      PSAD platform attachment of a coordinator
 * @param organisation  organisation attachment of partner staff
 * @param scopes        OAuth2 scopes (meaningful for client-credentials clients)
 * @param serviceAccount true for a client-credentials token (another system, not a person)
 */
public record Caller(String subject, Set<String> roles, Optional<String> uai, Optional<UUID> platform,
                     Optional<UUID> organisation, Set<String> scopes, boolean serviceAccount) {

    public static final String CLAIM_UAI = "uai";
    public static final String CLAIM_PLATFORM = "platform";
    public static final String CLAIM_ORGANISATION = "organisation";

    public static final Caller ANONYMOUS = new Caller(null, Set.of(), Optional.empty(), Optional.empty(),
            Optional.empty(), Set.of(), false);

    public boolean hasRole(String role) {
        return roles.contains(role);
    }

    public boolean hasAnyRole(String... wanted) {
        return Arrays.stream(wanted).anyMatch(roles::contains);
    }

    /** A person needs one of the roles; another system needs the scope as well as one of the roles. */
    public boolean may(String scope, String... wantedRoles) {
        if (serviceAccount && !scopes.contains(scope)) {
            return false;
        }
        return hasAnyRole(wantedRoles);
    }

    public boolean authenticated() {
        return subject != null;
    }

    static Set<String> splitScopes(String scope) {
        if (scope == null || scope.isBlank()) {
            return Set.of();
        }
        return Arrays.stream(scope.trim().split("\\s+")).collect(Collectors.toUnmodifiableSet());
    }

    static Optional<UUID> uuidClaim(String raw) {
        if (raw == null || raw.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(UUID.fromString(raw.trim()));
        } catch (IllegalArgumentException e) {
            // A malformed attachment grants nothing rather than failing the request.
            return Optional.empty();
        }
    }
}
