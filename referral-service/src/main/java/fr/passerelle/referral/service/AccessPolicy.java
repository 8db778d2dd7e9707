package fr.passerelle.referral.service;

import fr.passerelle.common.problem.ProblemException;
import fr.passerelle.common.security.Caller;
import fr.passerelle.common.security.CurrentCaller;
import fr.passerelle.common.security.Roles;
import fr.passerelle.common.security.Scopes;
import fr.passerelle.referral.domain.AccessScope;
import fr.passerelle.referral.domain.Actor;
import fr.passerelle.referral.domain.PupilCase;
import fr.passerelle.referral.domain.Referral;
import fr.passerelle.referral.domain.TargetType;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Who may see and do what, decided from the token's claims only (DESIGN.md, "Who uses it"). Every
 * query returning pupil data takes the {@link AccessScope} this object builds; every action asks it
 * which {@link Actor}s the caller plays towards the referral.
 */
@RequestScoped
public class AccessPolicy {

    /** The caller's working identity: one role, one attachment. */
    public enum Kind { REFERENT, COORDINATOR, PARTNER, AUDITOR, DIRECTORY_ADMIN, NONE }

    /** An address as an SMTP server takes it: no spaces, no angle brackets, one @, a dotted domain. */
    private static final Pattern EMAIL = Pattern.compile("^[^\\s@<>()\",;:]{1,64}@[A-Za-z0-9](?:[A-Za-z0-9-]{0,62}\\.)+[A-Za-z0-9-]{2,63}$");

    @Inject
    CurrentCaller current;
    @Inject
    SecurityIdentity identity;

    private Caller caller;

    /** The token's caller, read once per request. */
    private Caller caller() {
        if (caller == null) {
            caller = current.get();
        }
        return caller;
    }

    public Kind kind() {
        if (caller().hasRole(Roles.REFERENT) && caller().uai().isPresent()) {
            return Kind.REFERENT;
        }
        if (caller().hasRole(Roles.COORDINATOR) && caller().platform().isPresent()) {
            return Kind.COORDINATOR;
        }
        if (caller().hasRole(Roles.PARTNER) && caller().organisation().isPresent()) {
            return Kind.PARTNER;
        }
        if (caller().hasRole(Roles.AUDITOR)) {
            return Kind.AUDITOR;
        }
        if (caller().hasRole(Roles.DIRECTORY_ADMIN)) {
            return Kind.DIRECTORY_ADMIN;
        }
        return Kind.NONE;
    }

    public String subject() {
        return caller().subject();
    }

    /** Role name as recorded in audit rows and timeline events. */
    public String role() {
        return switch (kind()) {
            case REFERENT -> Roles.REFERENT;
            case COORDINATOR -> Roles.COORDINATOR;
            case PARTNER -> Roles.PARTNER;
            case AUDITOR -> Roles.AUDITOR;
            case DIRECTORY_ADMIN -> Roles.DIRECTORY_ADMIN;
            case NONE -> "none";
        };
    }

    /** {@code uai:0690047B}, {@code platform:<uuid>}, {@code organisation:<uuid>}, or null. */
    public String attachment() {
        return switch (kind()) {
            case REFERENT -> "uai:" + caller().uai().orElseThrow();
            case COORDINATOR -> "platform:" + caller().platform().orElseThrow();
            case PARTNER -> "organisation:" + caller().organisation().orElseThrow();
            default -> null;
        };
    }

    public Optional<String> uai() {
        return kind() == Kind.REFERENT ? caller().uai() : Optional.empty();
    }

    public Optional<UUID> platform() {
        return kind() == Kind.COORDINATOR ? caller().platform() : Optional.empty();
    }

    public Optional<UUID> organisation() {
        return kind() == Kind.PARTNER ? caller().organisation() : Optional.empty();
    }

    // ------------------------------------------------------------------ scopes

    /** The pupil data this caller may read. 403 for roles that never see pupil data (auditor, directory-admin). */
    public AccessScope readScope() {
        return scope(Scopes.REFERRALS_READ);
    }

    /** As {@link #readScope()}, for a request that changes something (another system needs referrals:write). */
    public AccessScope writeScope() {
        return scope(Scopes.REFERRALS_WRITE);
    }

    private AccessScope scope(String requiredScope) {
        Kind kind = kind();
        if (kind == Kind.REFERENT || kind == Kind.COORDINATOR || kind == Kind.PARTNER) {
            if (!caller().may(requiredScope, role())) {
                throw ProblemException.forbidden("This client lacks the " + requiredScope + " scope.");
            }
            return switch (kind) {
                case REFERENT -> AccessScope.school(caller().uai().orElseThrow());
                case COORDINATOR -> AccessScope.platform(caller().platform().orElseThrow());
                default -> AccessScope.organisation(caller().organisation().orElseThrow());
            };
        }
        throw ProblemException.forbidden("Your role gives no access to pupil data.");
    }

    // ------------------------------------------------------------------ cases

    /** The school's referent, or a coordinator of the platform that created it: may edit, close, file referrals. */
    public boolean ownsCase(PupilCase c) {
        return switch (kind()) {
            case REFERENT -> Objects.equals(c.originUai, caller().uai().orElse(null));
            case COORDINATOR -> Objects.equals(c.originPlatform, caller().platform().orElse(null));
            default -> false;
        };
    }

    /**
     * The case's owner (its school's referent, or the platform that created it) reads the whole case. Everyone
     * else who sees it through a referral (partner staff, a coordinating platform) gets the minimised view: what
     * those referrals need, and only their events on the timeline.
     */
    public boolean readsWholeCase(PupilCase c) {
        return ownsCase(c);
    }

    /** Guardians' contact: the owner always; others once one of the referrals they see has been accepted. */
    public boolean seesGuardians(PupilCase c, List<Referral> visibleReferrals) {
        return readsWholeCase(c) || visibleReferrals.stream().anyMatch(Referral::everAccepted);
    }

    /** A referent creates cases for their school; a coordinator for young people who left school. 403 otherwise. */
    public void requireCaseCreation(String schoolUai) {
        writeScope();
        switch (kind()) {
            case REFERENT -> {
                if (schoolUai != null && !schoolUai.equals(caller().uai().orElseThrow())) {
                    throw ProblemException.forbidden("A referent creates cases only for their own school (uai claim).");
                }
            }
            case COORDINATOR -> {
                if (schoolUai != null) {
                    throw ProblemException.forbidden(
                            "A coordinator creates cases only for young people who left school (no schoolUai).");
                }
            }
            default -> throw ProblemException.forbidden("Only referents and coordinators create cases.");
        }
    }

    public void requireCaseOwner(PupilCase c, String what) {
        if (!ownsCase(c)) {
            throw ProblemException.forbidden("Only the case's school referent or creating platform may " + what + ".");
        }
    }

    // ------------------------------------------------------------------ referrals

    /** The parts the caller plays towards this referral; the state machine grants actions to them. */
    public Set<Actor> actorsFor(Referral r) {
        Set<Actor> actors = EnumSet.noneOf(Actor.class);
        switch (kind()) {
            case REFERENT -> {
                if (Objects.equals(r.originUai, caller().uai().orElse(null))) {
                    actors.add(Actor.ORIGIN);
                }
            }
            case COORDINATOR -> {
                UUID p = caller().platform().orElseThrow();
                if (Objects.equals(r.originPlatform, p)) {
                    actors.add(Actor.ORIGIN);
                }
                if (r.targetType == TargetType.PLATFORM && Objects.equals(r.targetId, p)) {
                    actors.add(Actor.PLATFORM_COORDINATOR);
                }
                if (r.targetType == TargetType.PROGRAMME && r.commissionAdmission() && Objects.equals(r.triagePlatformId, p)) {
                    actors.add(Actor.COMMISSION);
                }
            }
            case PARTNER -> {
                if (r.targetType == TargetType.PROGRAMME && Objects.equals(r.targetOrganisationId, caller().organisation().orElse(null))) {
                    actors.add(Actor.PROGRAMME_PARTNER);
                }
            }
            default -> {
            }
        }
        return actors;
    }

    /** Filing referrals: referents and coordinators, for the cases they own. */
    public void requireReferralCreation() {
        writeScope();
        if (kind() != Kind.REFERENT && kind() != Kind.COORDINATOR) {
            throw ProblemException.forbidden("Only referents and coordinators file referrals.");
        }
    }

    // ------------------------------------------------------------------ other areas

    public UUID requireCoordinatorPlatform() {
        readScope();
        if (kind() != Kind.COORDINATOR) {
            throw ProblemException.forbidden("The triage queue is for platform coordinators.");
        }
        return caller().platform().orElseThrow();
    }

    public void requireAuditor() {
        if (kind() != Kind.AUDITOR || (caller().serviceAccount())) {
            throw ProblemException.forbidden("The audit trail is for the data-protection officer (auditor role).");
        }
    }

    /** Statistics carry no personal data: any person with a role, or a system with referrals:read. */
    public void requireStatsReader() {
        String[] all = {Roles.REFERENT, Roles.COORDINATOR, Roles.PARTNER, Roles.AUDITOR, Roles.DIRECTORY_ADMIN};
        if (!caller().may(Scopes.REFERRALS_READ, all)) {
            throw ProblemException.forbidden("Statistics need a Passerelle role (or the referrals:read scope).");
        }
    }

    /** E-mail preferences: a person (never another system) whose role sees referrals. 403 otherwise. */
    public void requireNotificationUser() {
        Kind kind = kind();
        if (caller().serviceAccount()) {
            throw ProblemException.forbidden("Notification preferences belong to people, not to client-credentials systems.");
        }
        if (kind != Kind.REFERENT && kind != Kind.COORDINATOR && kind != Kind.PARTNER) {
            throw ProblemException.forbidden("Notification preferences are for referents, coordinators and partner staff.");
        }
    }

    /**
     * The token's {@code email} claim, when it looks like an address and Keycloak has not marked it unverified. Read
     * from the token only, so nobody can have another person's mail sent to an address of their choosing.
     */
    public Optional<String> email() {
        if (identity == null || !(identity.getPrincipal() instanceof JsonWebToken jwt)) {
            return Optional.empty();
        }
        Object verified = jwt.getClaim("email_verified");
        if (verified != null && "false".equalsIgnoreCase(verified.toString())) {
            return Optional.empty();
        }
        Object claim = jwt.getClaim("email");
        String value = claim instanceof jakarta.json.JsonString js ? js.getString() : claim == null ? null : claim.toString();
        if (value == null || value.length() > 254 || !EMAIL.matcher(value.trim()).matches()) {
            return Optional.empty();
        }
        return Optional.of(value.trim());
    }
}
