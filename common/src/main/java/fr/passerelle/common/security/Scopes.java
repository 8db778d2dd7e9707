package fr.passerelle.common.security;

/** OAuth2 scopes granted to client-credentials clients (other systems). */
public final class Scopes {
    public static final String DIRECTORY_READ = "directory:read";
    public static final String REFERRALS_READ = "referrals:read";
    public static final String REFERRALS_WRITE = "referrals:write";
    /** Another system manages its attachment's webhook subscriptions. */
    public static final String WEBHOOKS_MANAGE = "webhooks:manage";

    private Scopes() {
    }
}
