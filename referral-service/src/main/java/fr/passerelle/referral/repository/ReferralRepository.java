package fr.passerelle.referral.repository;

import fr.passerelle.common.codes.AdmissionMode;
import fr.passerelle.referral.api.AssigneeFilter;
import fr.passerelle.referral.domain.AccessScope;
import fr.passerelle.referral.domain.Referral;
import fr.passerelle.referral.domain.ReferralStatus;
import fr.passerelle.referral.domain.TargetType;
import fr.passerelle.referral.domain.Urgency;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.Query;
import jakarta.persistence.TypedQuery;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Referrals. Not a Panache repository on purpose: its inherited finders would read referrals (and their cases) with
 * no access decision. Every read here takes an {@link AccessScope} or answers ids or directory data only
 * (PupilDataAccessTest).
 */
@ApplicationScoped
public class ReferralRepository {

    @Inject
    EntityManager em;

    public void persist(Referral r) {
        em.persist(r);
    }

    /** The target's name as the directory gave it when the referral was filed (for e-mails: directory data only). */
    public Optional<String> targetName(UUID id) {
        return em.createQuery("select r.targetName from Referral r where r.id = :id", String.class)
                .setParameter("id", id).getResultStream().findFirst();
    }

    public Optional<Referral> findVisible(UUID id, AccessScope scope) {
        return find(id, scope, false);
    }

    /** Whether the scope may read this referral (the webhook fan-out's question), without loading it. */
    public boolean isVisible(UUID id, AccessScope scope) {
        TypedQuery<Long> q = em.createQuery(
                "select count(r) from Referral r where r.id = :id and " + ScopeFilter.referral("r", scope), Long.class);
        q.setParameter("id", id);
        ScopeFilter.bind(q, scope);
        return q.getSingleResult() > 0;
    }

    /** As {@link #findVisible}, locking the row: concurrent actions queue, and the second one sees the new ETag (412). */
    public Optional<Referral> findVisibleForUpdate(UUID id, AccessScope scope) {
        return find(id, scope, true);
    }

    private Optional<Referral> find(UUID id, AccessScope scope, boolean lock) {
        TypedQuery<Referral> q = em.createQuery(
                "select r from Referral r where r.id = :id and " + ScopeFilter.referral("r", scope), Referral.class);
        q.setParameter("id", id);
        ScopeFilter.bind(q, scope);
        if (lock) {
            q.setLockMode(LockModeType.PESSIMISTIC_WRITE);
        }
        return q.getResultList().stream().findFirst();
    }

    /** The referrals of one case the scope may see, oldest first. */
    public List<Referral> visibleOfCase(UUID caseId, AccessScope scope) {
        TypedQuery<Referral> q = em.createQuery(
                "select r from Referral r where r.caseId = :caseId and " + ScopeFilter.referral("r", scope)
                        + " order by r.createdAt, r.id", Referral.class);
        q.setParameter("caseId", caseId);
        ScopeFilter.bind(q, scope);
        return q.getResultList();
    }

    /** Every referral of a case the scope covers, whatever its state, locked: a merge moves them all to the surviving case. */
    public List<Referral> allOfCaseForUpdate(UUID caseId, AccessScope scope) {
        TypedQuery<Referral> q = em.createQuery("select r from Referral r where r.caseId = :caseId and "
                + ScopeFilter.referral("r", scope) + " order by r.createdAt, r.id", Referral.class);
        q.setParameter("caseId", caseId);
        ScopeFilter.bind(q, scope);
        return q.setLockMode(LockModeType.PESSIMISTIC_WRITE).getResultList();
    }

    /** The open referrals of one case the scope covers, locked (consent withdrawal, closing). */
    public List<Referral> openOfCaseForUpdate(UUID caseId, AccessScope scope) {
        TypedQuery<Referral> q = em.createQuery(
                "select r from Referral r where r.caseId = :caseId and r.status in :open and " + ScopeFilter.referral("r", scope)
                        + " order by r.createdAt, r.id", Referral.class);
        q.setParameter("caseId", caseId).setParameter("open", ReferralStatus.openStates());
        ScopeFilter.bind(q, scope);
        q.setLockMode(LockModeType.PESSIMISTIC_WRITE);
        return q.getResultList();
    }

    // The open states written into the query rather than bound as a list: a list parameter made Hibernate build the
    // query's SQL again on every call (a large share of a referral creation's CPU, bench/README.md). getResultList,
    // not getResultStream, for the same reason: the stream scrolls and skipped the cached interpretation.
    private static final String OPEN_TO_TARGET = "select r.id from Referral r where r.caseId = :caseId and r.targetType = :type"
            + " and r.targetId = :target and r.status in (" + ReferralStatus.openStates().stream()
            .map(s -> ReferralStatus.class.getName() + "." + s.name()).sorted().collect(Collectors.joining(", ")) + ")";

    /** Id of the open referral of this case to this target, if any (a second one is refused with 409). */
    public Optional<UUID> openReferralIdTo(UUID caseId, TargetType targetType, UUID targetId) {
        return em.createQuery(OPEN_TO_TARGET, UUID.class)
                .setParameter("caseId", caseId).setParameter("type", targetType).setParameter("target", targetId)
                .getResultList().stream().findFirst();
    }

    /** A role's inbox: its referrals, most recently changed first; {@code overdue}: only those past (or not past) dueAt. */
    public PageResult<Referral> inbox(AccessScope scope, ReferralStatus status, Instant updatedSince, AssigneeFilter assignee,
                                      String subject, Boolean overdue, Instant now, int offset, int limit) {
        StringBuilder where = new StringBuilder(ScopeFilter.referral("r", scope));
        if (Boolean.TRUE.equals(overdue)) {
            where.append(" and r.dueAt < :now");
        } else if (Boolean.FALSE.equals(overdue)) {
            where.append(" and (r.dueAt is null or r.dueAt >= :now)");
        }
        if (status != null) {
            where.append(" and r.status = :status");
        }
        where.append(assigneeJpql(assignee));
        if (updatedSince != null) {
            where.append(" and r.updatedAt >= :since");
        }
        TypedQuery<Referral> q = em.createQuery(
                "select r from Referral r join fetch r.pupilCase where " + where + " order by r.updatedAt desc, r.id desc",
                Referral.class);
        TypedQuery<Long> count = em.createQuery("select count(r) from Referral r where " + where, Long.class);
        for (Query query : List.<Query>of(q, count)) {
            ScopeFilter.bind(query, scope);
            if (status != null) {
                query.setParameter("status", status);
            }
            if (updatedSince != null) {
                query.setParameter("since", updatedSince);
            }
            if (assignee == AssigneeFilter.ME) {
                query.setParameter("assignee", subject);
            }
            if (overdue != null) {
                query.setParameter("now", now);
            }
        }
        List<Referral> items = q.setFirstResult(offset).setMaxResults(limit).getResultList();
        return new PageResult<>(items, count.getSingleResult());
    }

    /** Position in the triage queue: the keyset of the last item seen. */
    public record TriageKey(short priority, Instant submittedAt, UUID id) {
    }

    /**
     * One page of a platform's triage queue, most urgent first, then longest waiting. Keyset pagination on
     * (priority, submitted_at, id) walks {@code ix_referral_triage} in order: the cost of a page does not
     * grow with the queue's depth. Status literals are inlined (they come from an enum) so the planner can
     * match the partial index. Only a platform's scope has a triage queue: the queue is a subset of what
     * {@link ScopeFilter#referral} lets the platform read (referrals it coordinates, never a draft).
     */
    public List<Referral> triagePage(AccessScope scope, Set<ReferralStatus> statuses, Urgency urgency, AssigneeFilter assignee,
                                     String subject, TriageKey after, int limit) {
        Query q = em.createNativeQuery(triageSql(statuses, urgency != null, assignee, after != null), Referral.class);
        if (scope.kind() != AccessScope.Kind.PLATFORM) {
            throw new IllegalArgumentException("the triage queue is a platform's: no other scope has one");
        }
        q.setParameter("platform", scope.platform());
        if (assignee == AssigneeFilter.ME) {
            q.setParameter("assignee", subject);
        }
        if (urgency != null) {
            q.setParameter("priority", urgency.priority());
        }
        if (after != null) {
            q.setParameter("afterPriority", after.priority());
            q.setParameter("afterSubmitted", after.submittedAt());
            q.setParameter("afterId", after.id());
        }
        q.setParameter("limit", limit);
        @SuppressWarnings("unchecked")
        List<Referral> result = q.getResultList();
        return result;
    }

    /** As {@link #triageSql(Set, boolean, AssigneeFilter, boolean)} without an assignee filter. */
    public static String triageSql(Set<ReferralStatus> statuses, boolean byUrgency, boolean afterCursor) {
        return triageSql(statuses, byUrgency, AssigneeFilter.ANY, afterCursor);
    }

    /** The triage query (named parameters :platform, :priority, :assignee, :afterPriority, :afterSubmitted, :afterId, :limit). */
    public static String triageSql(Set<ReferralStatus> statuses, boolean byUrgency, AssigneeFilter assignee, boolean afterCursor) {
        StringBuilder sql = new StringBuilder("select r.* from referral r where r.triage_platform_id = :platform")
                .append(" and r.status in ('RECEIVED', 'SUBMITTED', 'WAITLISTED')");
        List<ReferralStatus> wanted = statuses.stream().filter(ReferralStatus.TRIAGE::contains).sorted().toList();
        if (!wanted.isEmpty() && wanted.size() < ReferralStatus.TRIAGE.size()) {
            sql.append(" and r.status in (").append(wanted.stream().map(s -> "'" + s.name() + "'")
                    .collect(Collectors.joining(", "))).append(")");
        }
        if (byUrgency) {
            sql.append(" and r.priority = :priority");
        }
        switch (assignee) {
            case ME -> sql.append(" and r.assignee_id = :assignee");
            case NONE -> sql.append(" and r.assignee_id is null");
            case ANY -> {
            }
        }
        if (afterCursor) {
            sql.append(" and (r.priority, r.submitted_at, r.id) > (:afterPriority, :afterSubmitted, :afterId)");
        }
        return sql.append(" order by r.priority, r.submitted_at, r.id limit :limit").toString();
    }

    private static String assigneeJpql(AssigneeFilter assignee) {
        return switch (assignee) {
            case ME -> " and r.assigneeId = :assignee";
            case NONE -> " and r.assigneeId is null";
            case ANY -> "";
        };
    }

    /**
     * What decides who must act on a referral, with how many open referrals of the scope share it: the inbox summary
     * evaluates each group once against the state machine. The groups are few (statuses × targets × origins).
     */
    public record WorkGroup(ReferralStatus status, TargetType targetType, UUID targetId, UUID targetOrganisationId,
                            AdmissionMode targetAdmissionMode, UUID triagePlatformId, String originUai, UUID originPlatform,
                            Long count, Long overdue) {
    }

    /** Referrals past their deadline (dueAt, stamped at each transition by service/Deadlines). */
    private static final String OVERDUE_EXPRESSION = "sum(case when r.dueAt < :now then 1L else 0L end)";

    /** The scope's open referrals grouped by what decides who acts on them (no pupil data is read). */
    public List<WorkGroup> openWork(AccessScope scope, AssigneeFilter assignee, String subject, Instant now) {
        String open = ReferralStatus.openStates().stream().map(s -> ReferralStatus.class.getName() + "." + s.name()).sorted()
                .collect(Collectors.joining(", "));
        String fields = "r.status, r.targetType, r.targetId, r.targetOrganisationId, r.targetAdmissionMode, r.triagePlatformId,"
                + " r.originUai, r.originPlatform";
        TypedQuery<WorkGroup> q = em.createQuery("select new " + WorkGroup.class.getName() + "(" + fields
                + ", count(r), " + OVERDUE_EXPRESSION + ") from Referral r where r.status in (" + open + ") and "
                + ScopeFilter.referral("r", scope) + assigneeJpql(assignee) + " group by " + fields, WorkGroup.class);
        ScopeFilter.bind(q, scope);
        if (OVERDUE_EXPRESSION.contains(":now")) {
            q.setParameter("now", now);
        }
        if (assignee == AssigneeFilter.ME) {
            q.setParameter("assignee", subject);
        }
        return q.getResultList();
    }

    /** All referrals of a set of cases, whatever their state (subject access, retention). */
    public List<Referral> ofCase(UUID caseId, AccessScope scope) {
        return visibleOfCase(caseId, scope);
    }
}
