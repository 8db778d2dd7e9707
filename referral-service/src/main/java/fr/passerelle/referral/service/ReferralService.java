package fr.passerelle.referral.service;

import fr.passerelle.common.paging.PageRequest;
import fr.passerelle.common.paging.PageResponse;
import fr.passerelle.common.problem.ProblemException;
import fr.passerelle.common.problem.Violation;
import fr.passerelle.common.web.ETags;
import fr.passerelle.referral.api.ActionRequests;
import fr.passerelle.referral.api.AssignRequest;
import fr.passerelle.referral.api.AssigneeFilter;
import fr.passerelle.referral.api.ReferralCreateRequest;
import fr.passerelle.referral.api.ReferralView;
import fr.passerelle.referral.client.AccountsGateway;
import fr.passerelle.referral.client.AccountsUnavailableException;
import fr.passerelle.referral.client.DirectoryCommune;
import fr.passerelle.referral.client.DirectoryEligibility;
import fr.passerelle.referral.client.DirectoryPlatform;
import fr.passerelle.referral.client.DirectoryProgramme;
import fr.passerelle.common.time.ClockProducer;
import fr.passerelle.referral.config.ReferralConfig;
import fr.passerelle.referral.domain.AccessScope;
import fr.passerelle.common.codes.AdmissionMode;
import fr.passerelle.common.web.Versioned;
import fr.passerelle.referral.domain.AuditOperation;
import fr.passerelle.referral.domain.CancelReason;
import fr.passerelle.referral.domain.EventType;
import fr.passerelle.referral.domain.LifecycleAction;
import fr.passerelle.referral.domain.PupilCase;
import fr.passerelle.referral.domain.Referral;
import fr.passerelle.referral.domain.ReferralStateMachine;
import fr.passerelle.referral.domain.ReferralStatus;
import fr.passerelle.referral.domain.Actor;
import fr.passerelle.referral.domain.DeadlinePolicy;
import fr.passerelle.referral.domain.OutcomeMilestone;
import fr.passerelle.referral.domain.TargetType;
import fr.passerelle.referral.domain.Urgency;
import fr.passerelle.referral.mapping.ReferralMapper;
import fr.passerelle.referral.repository.CaseRepository;
import fr.passerelle.referral.repository.PageResult;
import fr.passerelle.referral.repository.ReferralRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/** Referrals: filing, reading, inboxes and every lifecycle action, each decided by {@link ReferralStateMachine}. */
@ApplicationScoped
public class ReferralService {

    /** What the directory says about a target, kept on the referral. */
    record Target(String name, UUID organisationId, AdmissionMode admissionMode, UUID triagePlatformId, List<Violation> mismatches) {
    }

    @Inject
    ReferralRepository referrals;
    @Inject
    CaseRepository cases;
    @Inject
    AccessPolicy policy;
    @Inject
    AuditTrail audit;
    @Inject
    Timeline timeline;
    @Inject
    DirectoryLookups directory;
    @Inject
    Db db;
    @Inject
    Outbox outbox;
    @Inject
    Deadlines deadlines;
    @Inject
    Clock clock;
    @Inject
    AccountsGateway accounts;
    @Inject
    ReferralConfig config;

    @Transactional
    public Versioned<ReferralView> create(ReferralCreateRequest req) {
        policy.requireReferralCreation();
        AccessScope scope = policy.writeScope();
        // A case the caller may not see answers as one that does not exist: 404, nothing to tell them apart.
        // Filing never changes the case: read-only reads, nothing to dirty-check.
        PupilCase c = cases.findVisibleReadOnly(req.caseId(), scope)
                .orElseThrow(() -> ProblemException.notFound("Case " + req.caseId()));
        policy.requireCaseOwner(c, "file referrals for it");
        requireOpenCase(c);
        rejectOpenDuplicate(c.id, req.targetType(), req.targetId());
        // The directory first, without holding the case's lock while it answers (or times out).
        Target target = req.targetType() == TargetType.PROGRAMME
                ? programmeTarget(c, req.targetId(), "targetId", policy.platform().orElse(null))
                : platformTarget(c, req.targetId());
        requireEligibleOrOverridden(target, req.eligibilityOverrideReason());
        // Then lock the case: concurrent filings for it queue here, and the checks are made again on the row as locked
        // (forgotten first, so that the locked SELECT loads it afresh: one statement, no refresh after it).
        cases.forget(c);
        c = cases.lockVisibleReadOnly(req.caseId(), scope).orElseThrow(() -> ProblemException.notFound("Case " + req.caseId()));
        requireOpenCase(c);
        rejectOpenDuplicate(c.id, req.targetType(), req.targetId());

        Instant now = clock.instant();
        Referral r = new Referral();
        r.id = UUID.randomUUID();
        r.pupilCase = c;
        r.caseId = c.id;
        r.targetType = req.targetType();
        r.targetId = req.targetId();
        fill(r, target);
        r.originUai = policy.uai().orElse(null);
        r.originPlatform = policy.platform().orElse(null);
        r.createdBy = policy.subject();
        r.reason = req.reason();
        r.urgency = req.urgency() == null ? Urgency.NORMAL : req.urgency();
        r.priority = r.urgency.priority();
        r.context = blankToNull(req.context());
        r.eligibilityOverrideReason = target.mismatches().isEmpty() ? null : blankToNull(req.eligibilityOverrideReason());
        r.createdAt = now;
        r.updatedAt = now;
        r.status = ReferralStatus.DRAFT;
        // A referral filed and submitted at once is persisted in its final state: one INSERT, not an INSERT and an
        // UPDATE (Hibernate would find the new entity dirty at flush). Its timeline and outbox rows follow, as before.
        boolean submit = Boolean.TRUE.equals(req.submit());
        ReferralStateMachine.Allowed submitted = submit ? apply(r, LifecycleAction.SUBMIT) : null;
        referrals.persist(r);
        timeline.referralEvent(r, "REFERRAL_CREATED", null, ReferralStatus.DRAFT,
                Timeline.payload("targetType", r.targetType, "targetId", r.targetId));
        if (submit) {
            announce(r, LifecycleAction.SUBMIT, ReferralStatus.DRAFT, submitted);
        }
        audit.referral(AuditOperation.REFERRAL_CREATE, c.id, r.id);
        db.flush("duplicate-referral", "The case already has an open referral to this target.");
        return new Versioned<>(view(r), r.version);
    }

    @Transactional
    public Versioned<ReferralView> get(UUID id) {
        AccessScope scope = policy.readScope();
        Referral r = referrals.findVisible(id, scope).orElseThrow(() -> ProblemException.notFound("Referral " + id));
        audit.referral(AuditOperation.REFERRAL_READ, r.caseId, r.id);
        return new Versioned<>(view(r), r.version);
    }

    @Transactional
    public PageResponse<ReferralView> inbox(ReferralStatus status, Instant updatedSince, AssigneeFilter assignee, Boolean overdue,
                                            PageRequest page) {
        AccessScope scope = policy.readScope();
        PageResult<Referral> result = referrals.inbox(scope, status, updatedSince, assignee, policy.subject(), overdue,
                clock.instant(), page.offset(), page.size());
        audit.cases(AuditOperation.REFERRAL_INBOX, new LinkedHashSet<>(result.items().stream().map(r -> r.caseId).toList()));
        return new PageResponse<>(result.items().stream().map(this::view).toList(), page.page(), page.size(), result.total());
    }

    // ------------------------------------------------------------------ lifecycle actions

    @Transactional
    public Versioned<ReferralView> submit(UUID id, String ifMatch) {
        Referral r = load(id, LifecycleAction.SUBMIT, ifMatch);
        transition(r, LifecycleAction.SUBMIT);
        return done(r, LifecycleAction.SUBMIT);
    }

    @Transactional
    public Versioned<ReferralView> receive(UUID id, String ifMatch) {
        Referral r = load(id, LifecycleAction.RECEIVE, ifMatch);
        transition(r, LifecycleAction.RECEIVE);
        return done(r, LifecycleAction.RECEIVE);
    }

    @Transactional
    public Versioned<ReferralView> accept(UUID id, String ifMatch, ActionRequests.Accept req) {
        Referral r = load(id, LifecycleAction.ACCEPT, ifMatch);
        LocalDate commission = commissionDate(r, req == null ? null : req.commissionDate(), true);
        r.commissionDate = commission != null ? commission : r.commissionDate;
        transition(r, LifecycleAction.ACCEPT, "commissionDate", commission == null ? null : commission.toString(),
                "comment", req == null ? null : blankToNull(req.comment()));
        return done(r, LifecycleAction.ACCEPT);
    }

    @Transactional
    public Versioned<ReferralView> waitlist(UUID id, String ifMatch, ActionRequests.Waitlist req) {
        Referral r = load(id, LifecycleAction.WAITLIST, ifMatch);
        LocalDate commission = commissionDate(r, req == null ? null : req.commissionDate(), true);
        r.commissionDate = commission != null ? commission : r.commissionDate;
        transition(r, LifecycleAction.WAITLIST, "commissionDate", commission == null ? null : commission.toString(),
                "comment", req == null ? null : blankToNull(req.comment()));
        return done(r, LifecycleAction.WAITLIST);
    }

    @Transactional
    public Versioned<ReferralView> decline(UUID id, String ifMatch, ActionRequests.Decline req) {
        Referral r = load(id, LifecycleAction.DECLINE, ifMatch);
        LocalDate commission = commissionDate(r, req.commissionDate(), false);
        r.declineReason = req.reason();
        r.commissionDate = commission != null ? commission : r.commissionDate;
        transition(r, LifecycleAction.DECLINE, "reason", req.reason(), "comment", blankToNull(req.comment()));
        return done(r, LifecycleAction.DECLINE);
    }

    @Transactional
    public Versioned<ReferralView> start(UUID id, String ifMatch, ActionRequests.Start req) {
        Referral r = load(id, LifecycleAction.START, ifMatch);
        List<Violation> violations = new ArrayList<>();
        LocalDate submitted = r.submittedAt == null ? null : r.submittedAt.atZone(ClockProducer.PARIS).toLocalDate();
        if (submitted != null && req.startDate().isBefore(submitted)) {
            violations.add(new Violation("startDate", "cannot be before the referral was submitted (" + submitted + ")",
                    "BEFORE_SUBMISSION"));
        }
        if (req.startDate().isAfter(today())) {
            violations.add(new Violation("startDate", "cannot be in the future: record the start once it happened", "FUTURE"));
        }
        if (!violations.isEmpty()) {
            throw ProblemException.unprocessable(violations);
        }
        r.startDate = req.startDate();
        transition(r, LifecycleAction.START, "startDate", req.startDate().toString());
        return done(r, LifecycleAction.START);
    }

    @Transactional
    public Versioned<ReferralView> complete(UUID id, String ifMatch, ActionRequests.Complete req) {
        Referral r = load(id, LifecycleAction.COMPLETE, ifMatch);
        LocalDate outcomeDate = req.outcomeDate() == null ? today() : req.outcomeDate();
        if (r.startDate != null && outcomeDate.isBefore(r.startDate)) {
            throw ProblemException.unprocessable("outcomeDate", "cannot be before the start date (" + r.startDate + ")",
                    "BEFORE_START");
        }
        if (outcomeDate.isAfter(today())) {
            throw ProblemException.unprocessable("outcomeDate", "cannot be in the future", "FUTURE");
        }
        r.outcome = req.outcome();
        r.outcomeDate = outcomeDate;
        transition(r, LifecycleAction.COMPLETE, "outcome", req.outcome(), "positiveExit", req.outcome().positiveExit(),
                "comment", blankToNull(req.comment()));
        return done(r, LifecycleAction.COMPLETE);
    }

    @Transactional
    public Versioned<ReferralView> cancel(UUID id, String ifMatch, ActionRequests.Cancel req) {
        Referral r = load(id, LifecycleAction.CANCEL, ifMatch);
        CancelReason reason = req == null ? null : req.reason();
        if (reason == null && r.status != ReferralStatus.DRAFT) {
            throw ProblemException.unprocessable("reason", "a reason is required once the referral has been submitted",
                    "REQUIRED");
        }
        if (reason == CancelReason.CONSENT_WITHDRAWN) {
            throw ProblemException.unprocessable("reason",
                    "record a consent withdrawal on the case (POST /cases/{id}/consent/withdraw)", "USE_CONSENT_WITHDRAWAL");
        }
        r.cancelReason = reason;
        transition(r, LifecycleAction.CANCEL, "reason", reason, "comment", req == null ? null : blankToNull(req.comment()));
        return done(r, LifecycleAction.CANCEL);
    }

    /** Redirect a platform's referral to a programme of a member organisation; the new referral starts SUBMITTED. */
    @Transactional
    public Versioned<ReferralView> redirect(UUID id, String ifMatch, ActionRequests.Redirect req) {
        Referral r = load(id, LifecycleAction.REDIRECT, ifMatch);
        PupilCase c = r.pupilCase;
        rejectOpenDuplicate(r.caseId, TargetType.PROGRAMME, req.programmeId());
        Target target = programmeTarget(c, req.programmeId(), "programmeId", r.targetId);
        if (!r.targetId.equals(target.triagePlatformId())) {
            throw ProblemException.unprocessable("programmeId",
                    "the programme is not run by a member organisation of this platform", "NOT_A_MEMBER_PROGRAMME");
        }
        requireEligibleOrOverridden(target, req.eligibilityOverrideReason());

        Instant now = clock.instant();
        Referral next = new Referral();
        next.id = UUID.randomUUID();
        next.pupilCase = c;
        next.caseId = r.caseId;
        next.parentId = r.id;
        next.targetType = TargetType.PROGRAMME;
        next.targetId = req.programmeId();
        fill(next, target);
        next.originUai = r.originUai;
        next.originPlatform = r.originPlatform;
        next.createdBy = policy.subject();
        next.reason = r.reason;
        next.urgency = req.urgency() == null ? r.urgency : req.urgency();
        next.priority = next.urgency.priority();
        next.context = req.context() == null ? r.context : blankToNull(req.context());
        next.eligibilityOverrideReason = target.mismatches().isEmpty() ? null : blankToNull(req.eligibilityOverrideReason());
        next.createdAt = now;
        next.updatedAt = now;
        next.submittedAt = now;
        next.status = ReferralStatus.SUBMITTED;
        deadlines.stamp(next);

        r.redirectedToId = next.id;
        transition(r, LifecycleAction.REDIRECT, "newReferralId", next.id, "programmeId", req.programmeId(),
                "comment", blankToNull(req.comment()));
        referrals.persist(next);
        timeline.referralEvent(next, "REFERRAL_CREATED", null, ReferralStatus.SUBMITTED,
                Timeline.payload("parentId", r.id, "targetType", TargetType.PROGRAMME, "targetId", next.targetId));
        outbox.referral(EventType.REFERRAL_SUBMITTED, next, null);
        return done(r, LifecycleAction.REDIRECT);
    }

    // ------------------------------------------------------------------ ownership

    /**
     * Assigns the referral to a named colleague of the caller's party, or unassigns it ({@code assigneeId} null). Only
     * the party responsible for it at its current stage (who can move it forward now: see
     * {@link ReferralStateMachine#responsible}) may; the colleague is checked with Keycloak (enabled, same role, same
     * attachment). 404 invisible, 403 not responsible, 428/412 If-Match, 409 finished, 422 not a colleague, 503 when
     * Keycloak cannot say.
     */
    @Transactional
    public Versioned<ReferralView> assign(UUID id, String ifMatch, AssignRequest req) {
        AccessScope scope = policy.writeScope();
        Referral r = referrals.findVisibleForUpdate(id, scope).orElseThrow(() -> ProblemException.notFound("Referral " + id));
        boolean finished = !r.status.open();
        if (!finished && !ReferralStateMachine.responsible(r.status, policy.actorsForResponsibility(r))) {
            throw ProblemException.forbidden("Only the party responsible for the referral at its current stage may assign it.");
        }
        ETags.requireMatch(ifMatch, r.version);
        if (finished) {
            throw ProblemException.conflict("referral-finished", "A referral in status " + r.status + " is finished: nobody is"
                    + " assigned to it any more.").with("currentStatus", r.status.name());
        }
        String assignee = req == null ? null : blankToNull(req.assigneeId());
        // A person taking the referral themselves is proven by their token; anyone else is checked with Keycloak.
        if (assignee != null && (!policy.isPerson() || !assignee.equals(policy.subject()))) {
            requireColleague(assignee);
        }
        if (Objects.equals(assignee, r.assigneeId)) {
            // Nothing changes: no event, same version.
            audit.referral(AuditOperation.REFERRAL_ASSIGN, r.caseId, r.id);
            return new Versioned<>(view(r), r.version);
        }
        String previous = r.assigneeId;
        Instant now = clock.instant();
        r.assigneeId = assignee;
        r.assignedAt = assignee == null ? null : now;
        r.assignedBy = assignee == null ? null : policy.subject();
        r.assigneeParty = assignee == null ? null : policy.attachment();
        r.updatedAt = now;
        timeline.referralEvent(r, assignee == null ? "REFERRAL_UNASSIGNED" : "REFERRAL_ASSIGNED", null, null,
                Timeline.payload("assigneeId", assignee, "previousAssigneeId", previous));
        // The assignee's sub is a staff member's id, not pupil data; an unassignment carries previousAssigneeId only.
        outbox.referral(EventType.REFERRAL_ASSIGNED, r, null, "assigneeId", assignee, "previousAssigneeId", previous);
        audit.referral(AuditOperation.REFERRAL_ASSIGN, r.caseId, r.id);
        db.flush("duplicate-referral", "The case already has an open referral to this target.");
        return new Versioned<>(view(r), r.version);
    }

    /**
     * Records the young person's situation 6 or 12 months after completion: by partner staff of the organisation that
     * completed the referral (the programme's organisation). 404 invisible, 403 anyone else, 428/412 If-Match, 409 when
     * not completed, not due yet (before the Paris date of completion plus 6 or 12 months) or already recorded.
     */
    @Transactional
    public Versioned<ReferralView> recordOutcomeFollowUp(UUID id, String ifMatch, ActionRequests.OutcomeFollowUp req) {
        AccessScope scope = policy.writeScope();
        Referral r = referrals.findVisibleForUpdate(id, scope).orElseThrow(() -> ProblemException.notFound("Referral " + id));
        if (!policy.actorsFor(r).contains(Actor.PROGRAMME_PARTNER)) {
            throw ProblemException.forbidden("Only partner staff of the organisation that completed the referral record its follow-up.");
        }
        ETags.requireMatch(ifMatch, r.version);
        OutcomeMilestone milestone = req.milestone();
        if (r.status != ReferralStatus.COMPLETED || r.completedAt == null) {
            throw ProblemException.conflict("referral-not-completed", "Only a completed referral is followed up; this one is "
                    + r.status + ".").with("currentStatus", r.status.name());
        }
        LocalDate dueOn = milestone.dueOn(r.completedAt);
        Instant now = clock.instant();
        if (now.atZone(DeadlinePolicy.PARIS).toLocalDate().isBefore(dueOn)) {
            throw ProblemException.conflict("follow-up-not-due", "The " + milestone + " follow-up is due from " + dueOn + ".");
        }
        if (r.followUpSituation(milestone) != null) {
            throw ProblemException.conflict("follow-up-recorded", "The " + milestone + " follow-up is already recorded.");
        }
        String note = blankToNull(req.note());
        r.recordFollowUp(milestone, req.situation(), note, now);
        r.updatedAt = now;
        // codes only: the note stays on the referral, out of the timeline payload, events and e-mails
        timeline.referralEvent(r, "REFERRAL_OUTCOME_FOLLOW_UP", null, null, Timeline.payload("milestone", milestone.name(),
                "situation", req.situation().name(), "positiveExit", req.situation().positiveExit()));
        audit.referral(AuditOperation.REFERRAL_OUTCOME_FOLLOW_UP, r.caseId, r.id);
        db.flush("duplicate-referral", "The case already has an open referral to this target.");
        return new Versioned<>(view(r), r.version);
    }

    /** 422 unless Keycloak confirms an enabled user with the caller's role and attachment; 503 when it cannot say. */
    private void requireColleague(String assignee) {
        AccessPolicy.Party party = policy.party()
                .orElseThrow(() -> ProblemException.forbidden("Your role has no colleagues to assign referrals to."));
        boolean colleague;
        if (!ASSIGNEE_ID.matcher(assignee).matches()) {
            colleague = false;
        } else {
            try {
                colleague = accounts.isMember(assignee, party.role(), party.attribute(), party.value());
            } catch (AccountsUnavailableException e) {
                throw ProblemException.serviceUnavailable("The identity provider cannot confirm the colleague right now;"
                        + " nothing was saved. Retry later.", config.accounts().retryAfterSeconds());
            }
        }
        if (!colleague) {
            throw ProblemException.unprocessable("assigneeId", "not an active account of your " + party.attribute()
                    + " with the " + party.role() + " role", "NOT_A_COLLEAGUE");
        }
    }

    /** Keycloak user ids: UUIDs for local users, {@code f:<provider>:<id>} for federated ones. */
    private static final Pattern ASSIGNEE_ID = Pattern.compile("^[A-Za-z0-9][A-Za-z0-9:._-]{0,99}$");

    // ------------------------------------------------------------------ helpers

    /** 404 when invisible, 403 when the caller may never take this action, 428/412 on If-Match, 409 from a wrong state. */
    private Referral load(UUID id, LifecycleAction action, String ifMatch) {
        AccessScope scope = policy.writeScope();
        Referral r = referrals.findVisibleForUpdate(id, scope).orElseThrow(() -> ProblemException.notFound("Referral " + id));
        var decision = ReferralStateMachine.decide(r.status, action, policy.actorsFor(r, action));
        if (decision instanceof ReferralStateMachine.Forbidden) {
            throw ProblemException.forbidden("You may not " + action.path() + " this referral.");
        }
        ETags.requireMatch(ifMatch, r.version);
        if (decision instanceof ReferralStateMachine.Illegal) {
            throw ProblemException.conflict("illegal-transition",
                            "A referral in status " + r.status + " cannot be " + action.path() + "ed.")
                    .with("currentStatus", r.status.name()).with("action", action.name())
                    .with("allowedActions", ReferralStateMachine.available(r.status, policy.actorsFor(r)));
        }
        return r;
    }

    /** Applies the transition the state machine allows (re-checked here), stamps it and writes its timeline event. */
    private void transition(Referral r, LifecycleAction action, Object... payload) {
        ReferralStatus from = r.status;
        announce(r, action, from, apply(r, action), payload);
    }

    /** The state change alone: status, its timestamp and the running deadline. */
    private ReferralStateMachine.Allowed apply(Referral r, LifecycleAction action) {
        var decision = ReferralStateMachine.decide(r.status, action, policy.actorsFor(r, action));
        if (!(decision instanceof ReferralStateMachine.Allowed allowed)) {
            throw new IllegalStateException("transition not allowed: " + r.status + " " + action);
        }
        Instant now = clock.instant();
        r.status = allowed.to();
        r.updatedAt = now;
        switch (action) {
            case SUBMIT -> r.submittedAt = now;
            case RECEIVE -> r.receivedAt = now;
            case ACCEPT -> r.acceptedAt = now;
            case WAITLIST -> r.waitlistedAt = now;
            case DECLINE -> r.declinedAt = now;
            case COMPLETE -> r.completedAt = now;
            case CANCEL, WITHDRAW_CONSENT -> r.cancelledAt = now;
            default -> {
            }
        }
        deadlines.stamp(r);
        return allowed;
    }

    /** What follows a state change: its timeline event, its outbox event, and the assignment's release if due. */
    private void announce(Referral r, LifecycleAction action, ReferralStatus from, ReferralStateMachine.Allowed allowed,
                          Object... payload) {
        timeline.referralEvent(r, "REFERRAL_" + allowed.to().name(), from, allowed.to(), Timeline.payload(payload));
        outbox.referral(EventType.of(action), r, from, announced(r, action));
        releaseAssignmentIfResponsibilityMoved(r);
    }

    /**
     * An open referral that moved on to another party (submitted by the school, decided by the commission for a
     * partner with an account…) is released: it shows unassigned to the party now responsible. A finished one keeps
     * its assignee, as a record of who handled it.
     */
    private void releaseAssignmentIfResponsibilityMoved(Referral r) {
        if (r.assigneeId == null || !r.status.open() || policy.partyResponsible(r.assigneeParty, r)) {
            return;
        }
        String previous = r.assigneeId;
        r.assigneeId = null;
        r.assignedAt = null;
        r.assignedBy = null;
        r.assigneeParty = null;
        timeline.referralEvent(r, "REFERRAL_UNASSIGNED", null, null,
                Timeline.payload("previousAssigneeId", previous, "reason", "RESPONSIBILITY_MOVED"));
        outbox.referral(EventType.REFERRAL_ASSIGNED, r, null, "previousAssigneeId", previous, "reason", "RESPONSIBILITY_MOVED");
    }

    /** The codes and dates an event carries for each action (never the comment). */
    private static Object[] announced(Referral r, LifecycleAction action) {
        return switch (action) {
            case ACCEPT, WAITLIST -> new Object[] {"commissionDate", r.commissionDate == null ? null : r.commissionDate.toString()};
            case DECLINE -> new Object[] {"declineReason", r.declineReason,
                    "commissionDate", r.commissionDate == null ? null : r.commissionDate.toString()};
            case START -> new Object[] {"startDate", r.startDate == null ? null : r.startDate.toString()};
            case COMPLETE -> new Object[] {"outcome", r.outcome, "positiveExit", r.outcome == null ? null : r.outcome.positiveExit(),
                    "outcomeDate", r.outcomeDate == null ? null : r.outcomeDate.toString()};
            case CANCEL, WITHDRAW_CONSENT -> new Object[] {"cancelReason", r.cancelReason};
            case REDIRECT -> new Object[] {"newReferralId", r.redirectedToId};
            default -> new Object[0];
        };
    }

    private Versioned<ReferralView> done(Referral r, LifecycleAction action) {
        audit.referral(AuditOperation.of(action), r.caseId, r.id);
        db.flush("duplicate-referral", "The case already has an open referral to this target.");
        return new Versioned<>(view(r), r.version);
    }

    private ReferralView view(Referral r) {
        return ReferralMapper.view(r, ReferralStateMachine.available(r.status, policy.actorsFor(r)), clock.instant());
    }

    /** Commission-admitted programmes record the commission's date (required to accept or waitlist). */
    private LocalDate commissionDate(Referral r, LocalDate given, boolean required) {
        if (!r.commissionAdmission()) {
            return given;
        }
        if (given == null) {
            if (required) {
                throw ProblemException.unprocessable("commissionDate",
                        "required: this programme admits by " + r.targetAdmissionMode, "REQUIRED");
            }
            return null;
        }
        if (given.isAfter(today())) {
            throw ProblemException.unprocessable("commissionDate", "cannot be in the future", "FUTURE");
        }
        if (r.submittedAt != null && given.isBefore(r.submittedAt.atZone(ClockProducer.PARIS).toLocalDate())) {
            throw ProblemException.unprocessable("commissionDate", "cannot be before the referral was submitted",
                    "BEFORE_SUBMISSION");
        }
        return given;
    }

    private static void requireOpenCase(PupilCase c) {
        if (!c.open()) {
            throw ProblemException.conflict("case-closed", "The case is closed: no new referral can be filed.");
        }
    }

    private void rejectOpenDuplicate(UUID caseId, TargetType type, UUID targetId) {
        referrals.openReferralIdTo(caseId, type, targetId).ifPresent(existing -> {
            throw ProblemException.conflict("duplicate-referral", "The case already has an open referral to this target.")
                    .with("existingId", existing);
        });
    }

    private Target programmeTarget(PupilCase c, UUID programmeId, String field, UUID preferredPlatform) {
        DirectoryProgramme p = directory.programme(programmeId)
                .orElseThrow(() -> ProblemException.unprocessable(field, "no such programme in the directory", "UNKNOWN_TARGET"));
        if (!p.acceptsReferrals()) {
            throw ProblemException.unprocessable(field, "the programme is closed, archived or has no places", "TARGET_CLOSED");
        }
        DirectoryCommune commune = c.homeCommuneCode == null ? null : directory.commune(c.homeCommuneCode).orElse(null);
        UUID triagePlatform = null;
        List<UUID> platformIds = p.platformIdsOrEmpty();
        if (preferredPlatform != null && platformIds.contains(preferredPlatform)) {
            triagePlatform = preferredPlatform;
        } else {
            for (UUID pid : platformIds) {
                Optional<DirectoryPlatform> platform = directory.platform(pid);
                if (platform.isPresent() && platform.get().covers(commune)) {
                    triagePlatform = pid;
                    break;
                }
            }
        }
        AdmissionMode mode = parseAdmission(p.admissionMode());
        return new Target(p.name(), p.organisationId(), mode, triagePlatform, mismatches(c, programmeId, field));
    }

    private Target platformTarget(PupilCase c, UUID platformId) {
        DirectoryPlatform platform = directory.platform(platformId)
                .orElseThrow(() -> ProblemException.unprocessable("targetId", "no such platform in the directory", "UNKNOWN_TARGET"));
        if (Boolean.TRUE.equals(platform.archived())) {
            throw ProblemException.unprocessable("targetId", "the platform is archived", "TARGET_CLOSED");
        }
        DirectoryCommune commune = c.homeCommuneCode == null ? null : directory.commune(c.homeCommuneCode).orElse(null);
        List<Violation> outside = commune != null && !platform.covers(commune)
                ? List.of(new Violation("targetId", "the home commune is outside the platform's territory", "OUTSIDE_TERRITORY"))
                : List.of();
        return new Target(platform.name(), null, null, platformId, outside);
    }

    /** The programme's rules the young person does not meet, as directory-service (their one owner) answers. */
    private List<Violation> mismatches(PupilCase c, UUID programmeId, String field) {
        if (c.birthDate == null) {
            throw ProblemException.unprocessable(field, "the case has no birth date: its eligibility cannot be checked",
                    "ELIGIBILITY_UNCHECKED");
        }
        var criteria = new DirectoryEligibility.Criteria(PupilCase.age(c.birthDate, today()),
                c.schoolLevel == null ? null : c.schoolLevel.name(), c.schoolingStatus == null ? null : c.schoolingStatus.name(),
                c.homeCommuneCode, c.livesInQpv);
        // Empty: the directory refused the criteria (e.g. an age above 30 since the case was opened).
        DirectoryEligibility answer = directory.eligibility(programmeId, criteria).orElseThrow(() -> ProblemException.unprocessable(
                field, "the directory cannot check this young person's eligibility for the programme", "ELIGIBILITY_UNCHECKED"));
        return answer.mismatchesOrEmpty().stream()
                .map(m -> new Violation(field, "the young person does not meet the programme's rule: " + m.label(), m.code()))
                .toList();
    }

    private static void requireEligibleOrOverridden(Target target, String overrideReason) {
        if (!target.mismatches().isEmpty() && (overrideReason == null || overrideReason.isBlank())) {
            List<Violation> violations = new ArrayList<>(target.mismatches());
            violations.add(new Violation("eligibilityOverrideReason",
                    "required when the young person does not fit the target's eligibility", "REQUIRED"));
            throw ProblemException.unprocessable(violations);
        }
    }

    private static void fill(Referral r, Target target) {
        r.targetName = target.name();
        r.targetOrganisationId = target.organisationId();
        r.targetAdmissionMode = target.admissionMode();
        r.triagePlatformId = target.triagePlatformId();
        r.eligibilityMismatches = target.mismatches().isEmpty() ? null
                : target.mismatches().stream().map(Violation::code).toList();
    }

    private static AdmissionMode parseAdmission(String raw) {
        if (raw == null) {
            return null;
        }
        try {
            return AdmissionMode.valueOf(raw);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(ClockProducer.PARIS));
    }
}
