package fr.passerelle.referral.service;

import fr.passerelle.common.paging.PageRequest;
import fr.passerelle.common.paging.PageResponse;
import fr.passerelle.common.problem.ProblemException;
import fr.passerelle.referral.api.FollowUpCreateRequest;
import fr.passerelle.referral.api.FollowUpView;
import fr.passerelle.common.time.ClockProducer;
import fr.passerelle.referral.domain.AccessScope;
import fr.passerelle.referral.domain.EventType;
import fr.passerelle.referral.domain.AuditOperation;
import fr.passerelle.referral.domain.FollowUpEntry;
import fr.passerelle.referral.domain.LifecycleAction;
import fr.passerelle.referral.domain.Referral;
import fr.passerelle.referral.domain.ReferralStateMachine;
import fr.passerelle.referral.domain.ReferralStatus;
import fr.passerelle.referral.mapping.EventMapper;
import fr.passerelle.referral.repository.FollowUpRepository;
import fr.passerelle.referral.repository.PageResult;
import fr.passerelle.referral.repository.ReferralRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** The follow-up log of a referral: dated entries, each readable by the author's organisation or by all parties. */
@ApplicationScoped
public class FollowUpService {

    /** The new entry, and the case it belongs to (for the stored idempotent answer). */
    public record Added(FollowUpView entry, UUID caseId) {
    }

    @Inject
    ReferralRepository referrals;
    @Inject
    FollowUpRepository followUps;
    @Inject
    AccessPolicy policy;
    @Inject
    AuditTrail audit;
    @Inject
    Timeline timeline;
    @Inject
    Outbox outbox;
    @Inject
    Deadlines deadlines;
    @Inject
    Clock clock;

    @Transactional
    public Added add(UUID referralId, FollowUpCreateRequest req) {
        AccessScope scope = policy.writeScope();
        Referral r = referrals.findVisible(referralId, scope).orElseThrow(() -> ProblemException.notFound("Referral " + referralId));
        if (r.status == ReferralStatus.DRAFT) {
            throw ProblemException.conflict("referral-draft", "A draft referral has no follow-up log yet: submit it first.");
        }
        LocalDate today = LocalDate.now(clock.withZone(ClockProducer.PARIS));
        if (req.entryDate().isAfter(today)) {
            throw ProblemException.unprocessable("entryDate", "must not be in the future", "PAST_OR_PRESENT");
        }
        LocalDate created = r.createdAt.atZone(ClockProducer.PARIS).toLocalDate();
        if (req.entryDate().isBefore(created)) {
            throw ProblemException.unprocessable("entryDate", "cannot be before the referral was filed (" + created + ")",
                    "BEFORE_REFERRAL");
        }
        FollowUpEntry f = new FollowUpEntry();
        f.id = UUID.randomUUID();
        f.referralId = r.id;
        f.caseId = r.caseId;
        f.entryDate = req.entryDate();
        f.kind = req.kind();
        f.visibility = req.visibility();
        f.text = req.text().trim();
        f.authorSubject = policy.subject();
        f.authorRole = policy.role();
        f.authorAttachment = policy.attachment();
        f.createdAt = clock.instant();
        followUps.persist(f);
        timeline.referralEvent(r, "FOLLOW_UP_ADDED", null, null,
                Timeline.payload("followUpId", f.id, "kind", f.kind, "visibility", f.visibility));
        outbox.referral(EventType.FOLLOWUP_ADDED, r, null, "followUpId", f.id, "kind", f.kind, "visibility", f.visibility,
                "authorAttachment", f.authorAttachment);
        if (r.status == ReferralStatus.WAITLISTED
                && ReferralStateMachine.available(r.status, policy.actorsFor(r)).contains(LifecycleAction.ACCEPT)) {
            // Whoever may take the young person off the waiting list reviewed it: the review deadline restarts.
            deadlines.recordWaitlistReview(r, f.createdAt);
        }
        audit.referral(AuditOperation.FOLLOW_UP_CREATE, r.caseId, r.id);
        return new Added(EventMapper.followUp(f), r.caseId);
    }

    @Transactional
    public PageResponse<FollowUpView> list(UUID referralId, PageRequest page) {
        AccessScope scope = policy.readScope();
        Referral r = referrals.findVisible(referralId, scope).orElseThrow(() -> ProblemException.notFound("Referral " + referralId));
        PageResult<FollowUpEntry> result = followUps.readable(r.id, scope, policy.attachment(), page.offset(), page.size());
        audit.referral(AuditOperation.FOLLOW_UP_LIST, r.caseId, r.id);
        List<FollowUpView> items = result.items().stream().map(EventMapper::followUp).toList();
        return new PageResponse<>(items, page.page(), page.size(), result.total());
    }
}
