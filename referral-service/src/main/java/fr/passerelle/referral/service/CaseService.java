package fr.passerelle.referral.service;

import fr.passerelle.common.paging.PageRequest;
import fr.passerelle.common.paging.PageResponse;
import fr.passerelle.common.problem.ProblemException;
import fr.passerelle.common.problem.Violation;
import fr.passerelle.common.web.ETags;
import fr.passerelle.referral.api.CaseCloseRequest;
import fr.passerelle.referral.api.CaseCreateRequest;
import fr.passerelle.referral.api.AssigneeFilter;
import fr.passerelle.referral.api.CaseMergeRequest;
import fr.passerelle.referral.api.CasePatchRequest;
import fr.passerelle.referral.api.CaseView;
import fr.passerelle.referral.api.ConsentWithdrawalRequest;
import fr.passerelle.referral.api.TimelineEventView;
import fr.passerelle.common.time.ClockProducer;
import fr.passerelle.referral.domain.AccessScope;
import fr.passerelle.referral.domain.AuditOperation;
import fr.passerelle.referral.domain.CancelReason;
import fr.passerelle.referral.domain.EventType;
import fr.passerelle.referral.domain.CaseSearch;
import fr.passerelle.referral.domain.CaseStatus;
import fr.passerelle.referral.domain.ConsentGiver;
import fr.passerelle.referral.domain.Ine;
import fr.passerelle.referral.domain.LifecycleAction;
import fr.passerelle.referral.domain.NameSimilarity;
import fr.passerelle.referral.domain.PersonName;
import fr.passerelle.referral.domain.PupilCase;
import fr.passerelle.referral.domain.Referral;
import fr.passerelle.referral.domain.ReferralStateMachine;
import fr.passerelle.referral.domain.ReferralStatus;
import fr.passerelle.common.codes.SchoolingStatus;
import fr.passerelle.common.web.Versioned;
import fr.passerelle.referral.mapping.CaseMapper;
import fr.passerelle.referral.mapping.EventMapper;
import fr.passerelle.referral.repository.CaseEventRepository;
import fr.passerelle.referral.repository.CaseRepository;
import fr.passerelle.referral.repository.FollowUpRepository;
import fr.passerelle.referral.repository.PageResult;
import fr.passerelle.referral.repository.ReferralRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/** Cases: creation, reads per role, corrections, closing and consent withdrawal. */
@ApplicationScoped
public class CaseService {

    @Inject
    CaseRepository cases;
    @Inject
    ReferralRepository referrals;
    @Inject
    CaseEventRepository events;
    @Inject
    FollowUpRepository followUps;
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

    @Transactional
    public Versioned<CaseView> create(CaseCreateRequest req) {
        policy.requireCaseCreation(req.schoolUai());
        requireValidIne(req.ine());
        String schoolUai = policy.kind() == AccessPolicy.Kind.REFERENT ? policy.uai().orElseThrow() : null;
        LocalDate today = today();
        SchoolingStatus schooling = req.schoolingStatus() != null ? req.schoolingStatus()
                : schoolUai == null ? SchoolingStatus.LEFT_SCHOOL : SchoolingStatus.AT_RISK;

        List<Violation> violations = new ArrayList<>();
        checkBirthDate(req.birthDate(), today, violations);
        checkConsent(req.birthDate(), req.consent().givenBy(), req.consent().givenAt(), today, violations);
        if (schoolUai == null && schooling != SchoolingStatus.LEFT_SCHOOL) {
            violations.add(new Violation("schoolingStatus", "a young person with no school must be LEFT_SCHOOL", "INCONSISTENT"));
        }
        String first = PersonName.clean(req.firstName());
        String last = PersonName.clean(req.lastName());
        requireVisibleNames(first, last, violations);
        if (!violations.isEmpty()) {
            throw ProblemException.unprocessable(violations);
        }
        rejectDuplicates(req.ine(), first, last, req.birthDate(), schoolUai, null);
        requireKnownCommune(req.homeCommuneCode(), "homeCommuneCode");

        Instant now = clock.instant();
        PupilCase c = new PupilCase();
        c.id = UUID.randomUUID();
        c.status = CaseStatus.OPEN;
        c.name(first, last);
        c.birthDate = req.birthDate();
        c.ine = req.ine();
        c.schoolUai = schoolUai;
        c.schoolLevel = req.schoolLevel();
        c.schoolingStatus = schooling;
        c.homeCommuneCode = req.homeCommuneCode();
        c.livesInQpv = req.livesInQpv();
        c.guardians = CaseMapper.toDomain(req.guardians());
        c.consentGivenBy = req.consent().givenBy();
        c.consentGivenAt = req.consent().givenAt();
        c.consentPurpose = req.consent().purpose();
        c.originUai = schoolUai;
        c.originPlatform = policy.platform().orElse(null);
        c.createdBy = policy.subject();
        c.createdAt = now;
        c.updatedAt = now;
        cases.persist(c);
        timeline.caseEvent(c.id, "CASE_CREATED", null);
        audit.cases(AuditOperation.CASE_CREATE, List.of(c.id));
        db.flush("duplicate-case", "Another open case already holds this young person.");
        return new Versioned<>(CaseMapper.full(c, List.of()).withPossibleDuplicates(possibleDuplicates(c)), c.version);
    }

    @Transactional
    public Versioned<CaseView> get(UUID id) {
        AccessScope scope = policy.readScope();
        PupilCase c = cases.findVisible(id, scope).orElseThrow(() -> notFoundOrMerged(id, scope));
        audit.cases(AuditOperation.CASE_READ, List.of(c.id));
        return new Versioned<>(view(c, scope), c.version);
    }

    @Transactional
    public PageResponse<CaseView> list(CaseStatus status, String q, LocalDate birthDate, String assignee, PageRequest page) {
        AccessScope scope = policy.readScope();
        var filter = new CaseRepository.ListFilter(status, CaseSearch.of(q), birthDate, AssigneeFilter.parse(assignee),
                policy.subject(), policy.attachment());
        PageResult<PupilCase> result = cases.listVisible(scope, filter, page.offset(), page.size());
        audit.cases(AuditOperation.CASE_LIST, result.items().stream().map(c -> c.id).toList());
        return new PageResponse<>(result.items().stream().map(c -> view(c, scope)).toList(), page.page(), page.size(),
                result.total());
    }

    @Transactional
    public Versioned<CaseView> patch(UUID id, String ifMatch, CasePatchRequest req) {
        AccessScope scope = policy.writeScope();
        requireValidIne(req.ine());
        PupilCase c = ownOpenCaseForUpdate(id, scope, ifMatch, "correct it");

        List<String> changed = new ArrayList<>();
        LocalDate birthDate = req.birthDate() != null ? req.birthDate() : c.birthDate;
        List<Violation> violations = new ArrayList<>();
        if (req.birthDate() != null) {
            checkBirthDate(req.birthDate(), today(), violations);
            checkConsent(req.birthDate(), c.consentGivenBy, c.consentGivenAt, today(), violations);
        }
        SchoolingStatus schooling = req.schoolingStatus() != null ? req.schoolingStatus() : c.schoolingStatus;
        if (c.schoolUai == null && schooling != SchoolingStatus.LEFT_SCHOOL) {
            violations.add(new Violation("schoolingStatus", "a young person with no school must be LEFT_SCHOOL", "INCONSISTENT"));
        }
        String first = req.firstName() != null ? PersonName.clean(req.firstName()) : c.firstName;
        String last = req.lastName() != null ? PersonName.clean(req.lastName()) : c.lastName;
        requireVisibleNames(first, last, violations);
        if (!violations.isEmpty()) {
            throw ProblemException.unprocessable(violations);
        }
        String ine = req.ine() != null ? req.ine() : c.ine;
        rejectDuplicates(ine, first, last, birthDate, c.schoolUai, c.id);
        if (req.homeCommuneCode() != null && !req.homeCommuneCode().equals(c.homeCommuneCode)) {
            requireKnownCommune(req.homeCommuneCode(), "homeCommuneCode");
        }

        changed.addAll(apply("firstName", c.firstName, first));
        changed.addAll(apply("lastName", c.lastName, last));
        c.name(first, last);
        changed.addAll(apply("birthDate", c.birthDate, birthDate));
        c.birthDate = birthDate;
        changed.addAll(apply("ine", c.ine, ine));
        c.ine = ine;
        if (req.schoolLevel() != null) {
            changed.addAll(apply("schoolLevel", c.schoolLevel, req.schoolLevel()));
            c.schoolLevel = req.schoolLevel();
        }
        changed.addAll(apply("schoolingStatus", c.schoolingStatus, schooling));
        c.schoolingStatus = schooling;
        if (req.homeCommuneCode() != null) {
            changed.addAll(apply("homeCommuneCode", c.homeCommuneCode, req.homeCommuneCode()));
            c.homeCommuneCode = req.homeCommuneCode();
        }
        if (req.livesInQpv() != null) {
            changed.addAll(apply("livesInQpv", c.livesInQpv, req.livesInQpv()));
            c.livesInQpv = req.livesInQpv();
        }
        if (req.guardians() != null) {
            var guardians = CaseMapper.toDomain(req.guardians());
            changed.addAll(apply("guardians", c.guardians, guardians));
            c.guardians = guardians;
        }
        if (!changed.isEmpty()) {
            c.updatedAt = clock.instant();
            // The timeline names the fields that changed, never their values.
            timeline.caseEvent(c.id, "CASE_UPDATED", Timeline.payload("fields", changed));
        }
        audit.cases(AuditOperation.CASE_UPDATE, List.of(c.id));
        db.flush("duplicate-case", "Another open case already holds this young person.");
        return new Versioned<>(view(c, scope).withPossibleDuplicates(possibleDuplicates(c)), c.version);
    }

    @Transactional
    public Versioned<CaseView> close(UUID id, String ifMatch, CaseCloseRequest req) {
        AccessScope scope = policy.writeScope();
        PupilCase c = ownOpenCaseForUpdate(id, scope, ifMatch, "close it");
        List<Referral> open = referrals.openOfCaseForUpdate(c.id, AccessScope.everything("closing checks every referral of the case"));
        if (!open.isEmpty()) {
            throw ProblemException.conflict("case-has-open-referrals",
                            "The case still has open referrals: cancel or complete them first, or withdraw consent.")
                    .with("openReferralIds", open.stream().map(r -> r.id).toList());
        }
        Instant now = clock.instant();
        c.status = CaseStatus.CLOSED;
        c.closedAt = now;
        c.closeReason = req == null || req.reason() == null ? "UNSPECIFIED" : req.reason().name();
        c.updatedAt = now;
        outbox.pupilCase(EventType.CASE_CLOSED, c, "closeReason", c.closeReason);
        timeline.caseEvent(c.id, "CASE_CLOSED", Timeline.payload("reason", c.closeReason,
                "comment", req == null ? null : req.comment()));
        audit.cases(AuditOperation.CASE_CLOSE, List.of(c.id));
        db.flush("conflict", "Concurrent change.");
        return new Versioned<>(view(c, scope), c.version);
    }

    /** Consent withdrawn: every open referral is cancelled (CONSENT_WITHDRAWN) and the case closes. */
    @Transactional
    public Versioned<CaseView> withdrawConsent(UUID id, String ifMatch, ConsentWithdrawalRequest req) {
        AccessScope scope = policy.writeScope();
        PupilCase c = ownOpenCaseForUpdate(id, scope, ifMatch, "record a consent withdrawal");
        Instant now = clock.instant();
        List<Referral> open = referrals.openOfCaseForUpdate(c.id,
                AccessScope.everything("consent withdrawal stops every referral of the case"));
        for (Referral r : open) {
            var decision = ReferralStateMachine.decide(r.status, LifecycleAction.WITHDRAW_CONSENT,
                    EnumSet.of(fr.passerelle.referral.domain.Actor.SYSTEM));
            if (!(decision instanceof ReferralStateMachine.Allowed allowed)) {
                throw new IllegalStateException("consent withdrawal must cancel every open referral");
            }
            ReferralStatus from = r.status;
            r.status = allowed.to();
            r.cancelReason = CancelReason.CONSENT_WITHDRAWN;
            r.cancelledAt = now;
            r.updatedAt = now;
            deadlines.stamp(r);
            timeline.referralEvent(r, "REFERRAL_CANCELLED", from, r.status, Timeline.payload("reason", CancelReason.CONSENT_WITHDRAWN));
            outbox.referral(EventType.REFERRAL_CANCELLED, r, from, "cancelReason", CancelReason.CONSENT_WITHDRAWN);
        }
        c.consentWithdrawnAt = now;
        c.status = CaseStatus.CLOSED;
        c.closedAt = now;
        c.closeReason = CancelReason.CONSENT_WITHDRAWN.name();
        c.updatedAt = now;
        outbox.pupilCase(EventType.CASE_CONSENT_WITHDRAWN, c, "cancelledReferrals", open.size());
        timeline.caseEvent(c.id, "CONSENT_WITHDRAWN", Timeline.payload(
                "withdrawnBy", req == null ? null : req.withdrawnBy(),
                "withdrawnAt", req == null || req.withdrawnAt() == null ? today().toString() : req.withdrawnAt().toString(),
                "cancelledReferrals", open.size()));
        audit.cases(AuditOperation.CASE_CONSENT_WITHDRAW, List.of(c.id));
        db.flush("conflict", "Concurrent change.");
        return new Versioned<>(view(c, scope), c.version);
    }

    /**
     * A coordinator merges a duplicate into the surviving case: the duplicate's referrals, follow-ups and timeline
     * events move to the survivor, whose timeline then holds both histories and a CASE_MERGED event naming the
     * duplicate's id; the duplicate is closed (reason MERGED), points at the survivor and is no longer listed or read.
     * Both cases must be in the coordinator's scope, whichever school or platform holds them.
     */
    @Transactional
    public Versioned<CaseView> merge(UUID id, String ifMatch, CaseMergeRequest req) {
        AccessScope scope = policy.writeScope();
        if (policy.kind() != AccessPolicy.Kind.COORDINATOR) {
            throw ProblemException.forbidden("Only a platform coordinator merges cases.");
        }
        if (id.equals(req.duplicateId())) {
            throw ProblemException.unprocessable("duplicateId", "a case cannot be merged into itself", "SAME_CASE");
        }
        // Locked in id order: two merges of the same pair in opposite directions queue instead of deadlocking.
        boolean survivorFirst = id.compareTo(req.duplicateId()) < 0;
        Optional<PupilCase> first = cases.findVisibleForUpdate(survivorFirst ? id : req.duplicateId(), scope);
        Optional<PupilCase> second = cases.findVisibleForUpdate(survivorFirst ? req.duplicateId() : id, scope);
        PupilCase survivor = (survivorFirst ? first : second).orElseThrow(() -> notFoundOrMerged(id, scope));
        ETags.requireMatch(ifMatch, survivor.version);
        PupilCase duplicate = (survivorFirst ? second : first).orElseThrow(() -> {
            if (cases.mergedInto(req.duplicateId(), scope).isPresent()) {
                return ProblemException.conflict("case-already-merged", "The duplicate case was already merged.");
            }
            return ProblemException.notFound("Case " + req.duplicateId());
        });
        if (survivor.anonymisedAt != null || duplicate.anonymisedAt != null) {
            throw ProblemException.conflict("case-anonymised", "An anonymised case cannot be merged.");
        }
        // Both cases move whole, referrals the merger does not read included: it reads both cases.
        AccessScope wholeCases = AccessScope.everything("a merge moves every referral of the two cases the merger reads");
        List<Referral> moving = referrals.allOfCaseForUpdate(duplicate.id, wholeCases);
        List<Referral> staying = referrals.allOfCaseForUpdate(survivor.id, wholeCases);
        List<UUID> clashing = moving.stream().filter(m -> m.status.open())
                .filter(m -> staying.stream().anyMatch(s -> s.status.open() && s.targetType == m.targetType
                        && Objects.equals(s.targetId, m.targetId)))
                .map(m -> m.id).toList();
        if (!clashing.isEmpty()) {
            throw ProblemException.conflict("merge-conflicting-referrals",
                    "Both cases have an open referral to the same target: cancel one of them first.")
                    .with("openReferralIds", clashing);
        }
        Instant now = clock.instant();
        for (Referral r : moving) {
            r.pupilCase = survivor;
            r.caseId = survivor.id;
        }
        followUps.moveToCase(duplicate.id, survivor.id);
        events.moveToCase(duplicate.id, survivor.id);
        duplicate.status = CaseStatus.CLOSED;
        if (duplicate.closedAt == null) {
            duplicate.closedAt = now;
        }
        duplicate.closeReason = MERGED;
        duplicate.mergedInto = survivor.id;
        duplicate.updatedAt = now;
        survivor.updatedAt = now;
        // Ids and codes only: no names, no birth date (the timeline, the outbox and the audit trail never carry them).
        timeline.caseEvent(survivor.id, "CASE_MERGED", Timeline.payload("mergedCaseId", duplicate.id,
                "movedReferrals", moving.size(), "reason", req.reason()));
        outbox.pupilCase(EventType.CASE_CLOSED, duplicate, "closeReason", MERGED, "mergedInto", survivor.id);
        audit.cases(AuditOperation.CASE_MERGED, List.of(survivor.id, duplicate.id));
        db.flush("conflict", "Concurrent change.");
        return new Versioned<>(view(survivor, scope), survivor.version);
    }

    /** Close reason of a case merged into another. */
    public static final String MERGED = "MERGED";

    @Transactional
    public PageResponse<TimelineEventView> timeline(UUID id, PageRequest page) {
        AccessScope scope = policy.readScope();
        PupilCase c = cases.findVisible(id, scope).orElseThrow(() -> ProblemException.notFound("Case " + id));
        var all = events.timeline(c.id, scope, policy.readsWholeCase(c));
        audit.cases(AuditOperation.CASE_TIMELINE_READ, List.of(c.id));
        var items = all.stream().skip(page.offset()).limit(page.size()).map(EventMapper::timeline).toList();
        return new PageResponse<>(items, page.page(), page.size(), all.size());
    }

    // ------------------------------------------------------------------ helpers

    /**
     * The other cases the caller may see with the same birth date and near names ({@link NameSimilarity}): compared
     * in Java, the candidates of one birth date in one scope being few. Their ids are answered, so they are audited.
     */
    private List<UUID> possibleDuplicates(PupilCase c) {
        if (c.birthDate == null || c.firstName == null || c.lastName == null) {
            return List.of();
        }
        List<UUID> near = cases.sameBirthDateVisible(c.birthDate, policy.readScope(), c.id).stream()
                .filter(other -> NameSimilarity.near(c.firstName, c.lastName, other.firstName, other.lastName))
                .map(other -> other.id).toList();
        if (!near.isEmpty()) {
            audit.cases(AuditOperation.CASE_DUPLICATE_CHECK, near);
        }
        return near;
    }

    /** 404 for a case the caller cannot see; for one merged into a case they can see, 404 naming that case. */
    private ProblemException notFoundOrMerged(UUID id, AccessScope scope) {
        ProblemException notFound = ProblemException.notFound("Case " + id);
        return cases.mergedInto(id, scope).filter(survivor -> cases.isVisible(survivor, scope))
                .map(survivor -> ProblemException.notFound("Case " + id + " was merged into case " + survivor)
                        .with("existingId", survivor))
                .orElse(notFound);
    }

    /** The INE's shape is checked by the request's pattern; its check letter here (400 on the field). */
    private static void requireValidIne(String ine) {
        if (ine != null && ine.matches(fr.passerelle.referral.api.Patterns.INE) && !Ine.valid(ine)) {
            throw ProblemException.badRequest("The INE's check letter does not match its digits.",
                    List.of(new Violation("ine", "check letter does not match (INE-BEA: the number modulo 23)", "CHECKSUM")));
        }
    }

    private CaseView view(PupilCase c, AccessScope scope) {
        List<Referral> visible = referrals.visibleOfCase(c.id, scope);
        if (policy.readsWholeCase(c)) {
            return CaseMapper.full(c, visible);
        }
        return CaseMapper.minimal(c, visible, policy.seesGuardians(c, visible));
    }

    /** The case, locked for a write, after the checks every change of it makes: visible, the caller's, current, open. */
    private PupilCase ownOpenCaseForUpdate(UUID id, AccessScope scope, String ifMatch, String action) {
        PupilCase c = cases.findVisibleForUpdate(id, scope).orElseThrow(() -> ProblemException.notFound("Case " + id));
        policy.requireCaseOwner(c, action);
        ETags.requireMatch(ifMatch, c.version);
        requireOpen(c);
        return c;
    }

    private void requireOpen(PupilCase c) {
        if (!c.open()) {
            throw ProblemException.conflict("case-closed", "The case is closed.");
        }
    }

    private void rejectDuplicates(String ine, String first, String last, LocalDate birthDate, String schoolUai, UUID self) {
        if (ine != null) {
            cases.openCaseIdWithIne(ine, self).ifPresent(existing -> {
                throw ProblemException.conflict("duplicate-case", "An open case already exists for this INE.")
                        .with("existingId", existing);
            });
        }
        cases.openCaseIdWithIdentity(PersonName.key(first), PersonName.key(last), birthDate, schoolUai, self).ifPresent(existing -> {
            throw ProblemException.conflict("duplicate-case",
                    "An open case already exists for this young person (names, birth date and school).").with("existingId", existing);
        });
    }

    /** A name made only of invisible characters or spaces passes @NotBlank but is no name once cleaned. */
    private static void requireVisibleNames(String first, String last, List<Violation> violations) {
        if (first != null && first.isEmpty()) {
            violations.add(new Violation("firstName", "must contain visible characters", "NOT_BLANK"));
        }
        if (last != null && last.isEmpty()) {
            violations.add(new Violation("lastName", "must contain visible characters", "NOT_BLANK"));
        }
    }

    private void requireKnownCommune(String code, String field) {
        if (directory.commune(code).isEmpty()) {
            throw ProblemException.unprocessable(field, "unknown INSEE commune code", "UNKNOWN_COMMUNE");
        }
    }

    private static void checkBirthDate(LocalDate birthDate, LocalDate today, List<Violation> violations) {
        if (birthDate.isAfter(today)) {
            violations.add(new Violation("birthDate", "must be in the past", "PAST"));
        } else if (PupilCase.age(birthDate, today) < 6 || PupilCase.age(birthDate, today) > 30) {
            violations.add(new Violation("birthDate", "the young person must be between 6 and 30 years old", "RANGE"));
        }
    }

    private static void checkConsent(LocalDate birthDate, ConsentGiver givenBy, LocalDate givenAt, LocalDate today,
                                     List<Violation> violations) {
        if (givenAt == null || givenBy == null) {
            return;
        }
        if (givenAt.isAfter(today)) {
            violations.add(new Violation("consent.givenAt", "must not be in the future", "PAST_OR_PRESENT"));
        }
        if (givenAt.isBefore(birthDate)) {
            violations.add(new Violation("consent.givenAt", "cannot be before the birth date", "BEFORE_BIRTH"));
            return;
        }
        boolean minor = PupilCase.age(birthDate, givenAt) < 18;
        if (minor && givenBy != ConsentGiver.GUARDIAN) {
            violations.add(new Violation("consent.givenBy", "a minor's consent is given by a guardian (GUARDIAN)", "GUARDIAN_REQUIRED"));
        }
        if (!minor && givenBy != ConsentGiver.YOUNG_PERSON) {
            violations.add(new Violation("consent.givenBy", "from 18 the young person consents (YOUNG_PERSON)", "YOUNG_PERSON_REQUIRED"));
        }
    }

    private static List<String> apply(String field, Object before, Object after) {
        return Objects.equals(before, after) ? List.of() : List.of(field);
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(ClockProducer.PARIS));
    }
}
