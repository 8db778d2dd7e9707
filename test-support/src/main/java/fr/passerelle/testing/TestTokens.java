package fr.passerelle.testing;

import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Tokens signed with the test key pair in {@code passerelle-test/}, shaped like Keycloak's:
 * realm roles under {@code realm_access.roles}, attachment as a single-string claim. Services
 * under test trust the matching public key ({@code %test.quarkus.oidc.public-key}).
 */
public final class TestTokens {

    public static final String ISSUER = "https://auth.passerelle.test/realms/passerelle";
    public static final String AUDIENCE = "passerelle-api";
    private static final String KEY = "/passerelle-test/privateKey.pem";

    private TestTokens() {
    }

    public static Builder user(String subject) {
        return new Builder(subject);
    }

    public static String referent(String uai) {
        return user("referent-" + uai).role("referent").claim("uai", uai).sign();
    }

    public static String coordinator(UUID platform) {
        return user("coordinator-" + platform).role("coordinator").claim("platform", platform.toString()).sign();
    }

    public static String partner(UUID organisation) {
        return user("partner-" + organisation).role("partner").claim("organisation", organisation.toString()).sign();
    }

    public static String directoryAdmin() {
        return user("admin").role("directory-admin").sign();
    }

    public static String auditor() {
        return user("auditor").role("auditor").sign();
    }

    /** A client-credentials token of another system. */
    public static String system(String clientId, String scope, String role) {
        Builder b = user("service-account-" + clientId).claim("client_id", clientId).claim("scope", scope);
        if (role != null) {
            b.role(role);
        }
        return b.sign();
    }

    public static final class Builder {
        private final String subject;
        private final java.util.ArrayList<String> roles = new java.util.ArrayList<>();
        private final java.util.LinkedHashMap<String, Object> claims = new java.util.LinkedHashMap<>();
        private String issuer = ISSUER;
        private String audience = AUDIENCE;
        private long expiresIn = 300;

        private Builder(String subject) {
            this.subject = subject;
        }

        public Builder role(String role) {
            roles.add(role);
            return this;
        }

        public Builder claim(String name, Object value) {
            claims.put(name, value);
            return this;
        }

        public Builder issuer(String value) {
            issuer = value;
            return this;
        }

        public Builder audience(String value) {
            audience = value;
            return this;
        }

        public Builder expiresIn(long seconds) {
            expiresIn = seconds;
            return this;
        }

        public String sign() {
            long now = System.currentTimeMillis() / 1000;
            JwtClaimsBuilder b = Jwt.issuer(issuer).audience(audience).subject(subject)
                    .issuedAt(now).expiresAt(now + expiresIn)
                    .claim("realm_access", Map.of("roles", List.copyOf(roles)));
            claims.forEach(b::claim);
            return b.jws().keyId("passerelle-test").sign(KEY);
        }
    }
}
