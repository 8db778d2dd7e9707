package fr.passerelle.referral.service;

import fr.passerelle.common.problem.ProblemException;
import fr.passerelle.common.security.Caller;
import fr.passerelle.common.security.CurrentCaller;
import fr.passerelle.common.security.Roles;
import fr.passerelle.common.security.Scopes;
import fr.passerelle.referral.client.AccountsGateway;
import fr.passerelle.referral.client.AccountsUnavailableException;
import fr.passerelle.referral.config.ReferralConfig;
import fr.passerelle.referral.domain.AccessScope;
import fr.passerelle.referral.domain.Actor;
import fr.passerelle.referral.domain.LifecycleAction;
import fr.passerelle.referral.domain.PupilCase;
import fr.passerelle.referral.domain.Referral;
import fr.passerelle.referral.domain.ReferralStateMachine;
import fr.passerelle.referral.domain.TargetType;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
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
    AccountsGateway accounts;
    @Inject
    ReferralConfig config;
    @Inject
    SecurityIdentity identity;

    private Caller caller;
    /** Keycloak's answers for this request: one decision reads one answer, even if the cache expires meanwhile. */
    private final Map<UUID, Boolean> partnerAccounts = new HashMap<>();

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

    /** A person (the token's sub is a Keycloak user id), not another system's client-credentials token. */
    public boolean isPerson() {
        return !caller().serviceAccount();
    }

    /** The realm role and the attachment attribute (name, value) a colleague of the caller holds in Keycloak. */
    public record Party(String role, String attribute, String value) {
    }

    /** The caller's own party: same role, same attachment. Empty for roles without an attachment. */
    public Optional<Party> party() {
        return switch (kind()) {
            case REFERENT -> Optional.of(new Party(Roles.REFERENT, Caller.CLAIM_UAI, caller().uai().orElseThrow()));
            case COORDINATOR -> Optional.of(new Party(Roles.COORDINATOR, Caller.CLAIM_PLATFORM, caller().platform().orElseThrow().toString()));
            case PARTNER -> Optional.of(new Party(Roles.PARTNER, Caller.CLAIM_ORGANISATION, caller().organisation().orElseThrow().toString()));
            default -> Optional.empty();
        };
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

    /**
     * The parts the caller plays towards this referral, for showing it (allowedActions, inbox counts): when Keycloak
     * cannot say whether the organisation has a partner account, the coordinator is not shown start/complete.
     */
    public Set<Actor> actorsFor(Referral r) {
        return actors(r, ReferralStateMachine.actsFrom(r.status, Actor.COMMISSION_ACTING_FOR_PARTNER), IfUnknown.HAS_ACCOUNT);
    }

    /**
     * The parts the caller plays, to decide {@code action}: when the answer depends on the organisation's partner
     * account and Keycloak cannot give it, 503 with Retry-After for this action only (nothing is written).
     */
    public Set<Actor> actorsFor(Referral r, LifecycleAction action) {
        boolean depends = ReferralStateMachine.grants(action, Actor.COMMISSION_ACTING_FOR_PARTNER);
        return actors(r, depends || ReferralStateMachine.actsFrom(r.status, Actor.COMMISSION_ACTING_FOR_PARTNER),
                depends ? IfUnknown.FAIL : IfUnknown.HAS_ACCOUNT);
    }

    /** The parts the caller plays now, to decide whether it is responsible for the referral (503 when Keycloak must but cannot say). */
    public Set<Actor> actorsForResponsibility(Referral r) {
        boolean depends = ReferralStateMachine.actsFrom(r.status, Actor.COMMISSION_ACTING_FOR_PARTNER);
        return actors(r, depends, IfUnknown.FAIL);
    }

    /**
     * Whether a member of {@code party} (an attachment as {@link #attachment()} writes it) is still responsible for the
     * referral in its current state. When Keycloak cannot say whether a commission programme's organisation has a
     * partner account, the commission's coordinator is taken as still responsible (an assignment is kept, not lost).
     */
    public boolean partyResponsible(String party, Referral r) {
        int colon = party == null ? -1 : party.indexOf(':');
        if (colon < 0) {
            return false;
        }
        String value = party.substring(colon + 1);
        Kind kind;
        String uai = null;
        UUID platform = null;
        UUID organisation = null;
        try {
            switch (party.substring(0, colon)) {
                case "uai" -> {
                    kind = Kind.REFERENT;
                    uai = value;
                }
                case "platform" -> {
                    kind = Kind.COORDINATOR;
                    platform = UUID.fromString(value);
                }
                case "organisation" -> {
                    kind = Kind.PARTNER;
                    organisation = UUID.fromString(value);
                }
                default -> {
                    return false;
                }
            }
        } catch (IllegalArgumentException e) {
            return false;
        }
        boolean ask = ReferralStateMachine.actsFrom(r.status, Actor.COMMISSION_ACTING_FOR_PARTNER);
        Set<Actor> actors = actorsOf(kind, uai, platform, organisation, r,
                ask ? o -> !partnerAccount(o, IfUnknown.NO_ACCOUNT) : null);
        return ReferralStateMachine.responsible(r.status, actors);
    }

    /** What to assume when Keycloak cannot say whether an organisation has a partner account. */
    private enum IfUnknown { HAS_ACCOUNT, NO_ACCOUNT, FAIL }

    private Set<Actor> actors(Referral r, boolean askAccounts, IfUnknown ifUnknown) {
        return actorsOf(kind(), caller().uai().orElse(null), caller().platform().orElse(null),
                caller().organisation().orElse(null), r, askAccounts ? o -> !partnerAccount(o, ifUnknown) : null);
    }

    /**
     * The parts a member of a party (kind and attachment) plays towards the referral. {@code partnerless} answers
     * whether an organisation has no partner account; null: not asked (COMMISSION_ACTING_FOR_PARTNER not granted).
     */
    private static Set<Actor> actorsOf(Kind kind, String uai, UUID platform, UUID organisation, Referral r,
                                       Predicate<UUID> partnerless) {
        Set<Actor> actors = EnumSet.noneOf(Actor.class);
        switch (kind) {
            case REFERENT -> {
                if (uai != null && Objects.equals(r.originUai, uai)) {
                    actors.add(Actor.ORIGIN);
                }
            }
            case COORDINATOR -> {
                if (platform == null) {
                    break;
                }
                if (Objects.equals(r.originPlatform, platform)) {
                    actors.add(Actor.ORIGIN);
                }
                if (r.targetType == TargetType.PLATFORM && Objects.equals(r.targetId, platform)) {
                    actors.add(Actor.PLATFORM_COORDINATOR);
                }
                if (r.targetType == TargetType.PROGRAMME && r.commissionAdmission() && Objects.equals(r.triagePlatformId, platform)) {
                    actors.add(Actor.COMMISSION);
                    if (partnerless != null && partnerless.test(r.targetOrganisationId)) {
                        actors.add(Actor.COMMISSION_ACTING_FOR_PARTNER);
                    }
                }
            }
            case PARTNER -> {
                if (organisation != null && r.targetType == TargetType.PROGRAMME && Objects.equals(r.targetOrganisationId, organisation)) {
                    actors.add(Actor.PROGRAMME_PARTNER);
                }
            }
            default -> {
            }
        }
        return actors;
    }

    /**
     * Whether the organisation has a partner account (Keycloak owns that fact). When Keycloak cannot say: as
     * {@code ifUnknown} says, FAIL being 503 with Retry-After (nothing is written). Answers are kept for the request.
     */
    private boolean partnerAccount(UUID organisation, IfUnknown ifUnknown) {
        if (organisation == null) {
            return false;
        }
        Boolean known = partnerAccounts.get(organisation);
        if (known != null) {
            return known;
        }
        try {
            boolean has = accounts.hasPartnerAccount(organisation);
            partnerAccounts.put(organisation, has);
            return has;
        } catch (AccountsUnavailableException e) {
            return switch (ifUnknown) {
                case HAS_ACCOUNT -> true;
                case NO_ACCOUNT -> false;
                case FAIL -> throw ProblemException.serviceUnavailable("The identity provider cannot say whether the programme's"
                        + " organisation has a partner account; nothing was saved. Retry later.", config.accounts().retryAfterSeconds());
            };
        }
    }

    /** Filing referrals: referents and coordinators, for the cases they own. */
    public void requireReferralCreation() {
        writeScope();
        if (kind() != Kind.REFERENT && kind() != Kind.COORDINATOR) {
            throw ProblemException.forbidden("Only referents and coordinators file referrals.");
        }
    }

    // ------------------------------------------------------------------ other areas

    /** The coordinator's platform scope, the only one with a triage queue; 403 for every other role. */
    public AccessScope triageScope() {
        AccessScope scope = readScope();
        if (kind() != Kind.COORDINATOR) {
            throw ProblemException.forbidden("The triage queue is for platform coordinators.");
        }
        return scope;
    }

    public void requireAuditor() {
        if (kind() != Kind.AUDITOR || (caller().serviceAccount())) {
            throw ProblemException.forbidden("The audit trail is for the data-protection officer (auditor role).");
        }
    }

    /**
     * Webhook subscriptions: partner staff and coordinators manage their attachment's; another system needs the
     * webhooks:manage scope besides. Referents (and a school's systems), auditors and directory editors: 403.
     * Returns the owner attachment ({@code organisation:<uuid>} or {@code platform:<uuid>}).
     */
    public String requireWebhookOwner() {
        Kind kind = kind();
        if (kind != Kind.PARTNER && kind != Kind.COORDINATOR) {
            throw ProblemException.forbidden("Webhook subscriptions are managed by partner staff and platform coordinators.");
        }
        if (!caller().may(Scopes.WEBHOOKS_MANAGE, Roles.PARTNER, Roles.COORDINATOR)) {
            throw ProblemException.forbidden("This client lacks the " + Scopes.WEBHOOKS_MANAGE + " scope.");
        }
        return attachment();
    }

    /**
     * What a subscription's owner may read, from its stored attachment: the webhook fan-out asks the same scoped
     * queries as the owner's own requests, so a subscription never learns of a referral its owner could not read.
     */
    public static AccessScope scopeOfAttachment(String attachment) {
        int colon = attachment.indexOf(':');
        String kind = colon < 0 ? "" : attachment.substring(0, colon);
        String value = attachment.substring(colon + 1);
        return switch (kind) {
            case "organisation" -> AccessScope.organisation(UUID.fromString(value));
            case "platform" -> AccessScope.platform(UUID.fromString(value));
            case "uai" -> AccessScope.school(value);
            default -> throw new IllegalArgumentException("not an attachment");
        };
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
