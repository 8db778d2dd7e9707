package fr.passerelle.common.security;

/** Keycloak realm roles (realm_access.roles). */
public final class Roles {
    public static final String REFERENT = "referent";
    public static final String COORDINATOR = "coordinator";
    public static final String PARTNER = "partner";
    public static final String DIRECTORY_ADMIN = "directory-admin";
    public static final String AUDITOR = "auditor";

    private Roles() {
    }
}
