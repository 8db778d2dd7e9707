package fr.passerelle.referral.domain;

import java.util.Objects;
import java.util.UUID;

/**
 * The slice of pupil data a query may return. Only the service's AccessPolicy builds one from the
 * caller's token; every repository method that returns pupil data takes one, so a query without an
 * access decision cannot be written.
 */
public final class AccessScope {

    public enum Kind {
        /** A referent: cases of the school, referrals filed from it. */
        SCHOOL,
        /** A coordinator: referrals the platform coordinates or filed, cases it created or coordinates. */
        PLATFORM,
        /** Partner staff: referrals addressed to the organisation's programmes and their cases. */
        ORGANISATION,
        /** Everything: only for data-protection work (subject access) and retention, never for a user's list. */
        EVERYTHING
    }

    private final Kind kind;
    private final String uai;
    private final UUID platform;
    private final UUID organisation;

    private AccessScope(Kind kind, String uai, UUID platform, UUID organisation) {
        this.kind = kind;
        this.uai = uai;
        this.platform = platform;
        this.organisation = organisation;
    }

    public static AccessScope school(String uai) {
        return new AccessScope(Kind.SCHOOL, Objects.requireNonNull(uai), null, null);
    }

    public static AccessScope platform(UUID platform) {
        return new AccessScope(Kind.PLATFORM, null, Objects.requireNonNull(platform), null);
    }

    public static AccessScope organisation(UUID organisation) {
        return new AccessScope(Kind.ORGANISATION, null, null, Objects.requireNonNull(organisation));
    }

    /** @param why stated so that each use of the unrestricted scope can be found and reviewed */
    public static AccessScope everything(String why) {
        Objects.requireNonNull(why);
        return new AccessScope(Kind.EVERYTHING, null, null, null);
    }

    public Kind kind() {
        return kind;
    }

    public String uai() {
        return uai;
    }

    public UUID platform() {
        return platform;
    }

    public UUID organisation() {
        return organisation;
    }
}
