package fr.passerelle.referral.service;

import fr.passerelle.referral.api.AssigneeFilter;
import fr.passerelle.referral.api.InboxSummary;
import fr.passerelle.referral.domain.AccessScope;
import fr.passerelle.referral.domain.Referral;
import fr.passerelle.referral.domain.ReferralStateMachine;
import fr.passerelle.referral.domain.ReferralStatus;
import fr.passerelle.referral.repository.ReferralRepository;
import fr.passerelle.referral.repository.ReferralRepository.WorkGroup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.EnumMap;
import java.util.Map;

/**
 * "What needs me now": the caller's open referrals on which it can move the lifecycle forward, decided by
 * {@link ReferralStateMachine#responsible} from the same actors as every action (so the count and the buttons agree):
 * a referent's drafts; a platform coordinator's SUBMITTED and RECEIVED referrals addressed to the platform; the
 * commission's SUBMITTED, RECEIVED and WAITLISTED ones (and ACCEPTED, IN_PROGRESS while the organisation has no
 * partner account); a partner's SUBMITTED to IN_PROGRESS ones. Counts of the caller's own work, not statistics: no
 * small-count suppression. No pupil data is read (ids and codes only), so no audit row is written.
 */
@ApplicationScoped
public class InboxService {

    @Inject
    ReferralRepository referrals;
    @Inject
    AccessPolicy policy;
    @Inject
    Clock clock;

    @Transactional
    public InboxSummary summary(AssigneeFilter assignee) {
        AccessScope scope = policy.readScope();
        Map<ReferralStatus, Long> byStatus = new EnumMap<>(ReferralStatus.class);
        ReferralStatus.openStates().forEach(s -> byStatus.put(s, 0L));
        long actionNeeded = 0;
        long overdue = 0;
        for (WorkGroup g : referrals.openWork(scope, assignee, policy.subject(), clock.instant())) {
            byStatus.merge(g.status(), g.count(), Long::sum);
            // When Keycloak cannot say whether an organisation has a partner account, its ACCEPTED and IN_PROGRESS
            // commission referrals are not counted for the coordinator (the conservative answer, as in allowedActions).
            if (ReferralStateMachine.responsible(g.status(), policy.actorsFor(asReferral(g)))) {
                actionNeeded += g.count();
                overdue += g.overdue();
            }
        }
        return new InboxSummary(actionNeeded, overdue, byStatus);
    }

    /** The routing facts of a group as a detached referral, for the access policy to read (never persisted). */
    private static Referral asReferral(WorkGroup g) {
        Referral r = new Referral();
        r.status = g.status();
        r.targetType = g.targetType();
        r.targetId = g.targetId();
        r.targetOrganisationId = g.targetOrganisationId();
        r.targetAdmissionMode = g.targetAdmissionMode();
        r.triagePlatformId = g.triagePlatformId();
        r.originUai = g.originUai();
        r.originPlatform = g.originPlatform();
        return r;
    }
}
