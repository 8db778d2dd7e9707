package fr.passerelle.referral.repository;

import fr.passerelle.referral.api.AssigneeFilter;
import fr.passerelle.referral.domain.AccessScope;
import fr.passerelle.referral.domain.CaseSearch;
import fr.passerelle.referral.domain.CaseStatus;
import fr.passerelle.referral.domain.PersonName;
import fr.passerelle.referral.domain.PupilCase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.TypedQuery;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.hibernate.jpa.HibernateHints;

/**
 * Cases. Not a Panache repository on purpose: its inherited finders (findById, listAll, ...) would read cases with
 * no access decision. Every read here takes an {@link AccessScope} or answers ids only (PupilDataAccessTest).
 */
@ApplicationScoped
public class CaseRepository {

    @Inject
    EntityManager em;

    public void persist(PupilCase c) {
        em.persist(c);
    }

    public Optional<PupilCase> findVisible(UUID id, AccessScope scope) {
        return find(id, scope, false);
    }

    /** Whether the scope may read this case (the webhook fan-out's question), without loading it. */
    public boolean isVisible(UUID id, AccessScope scope) {
        TypedQuery<Long> q = em.createQuery(
                "select count(c) from PupilCase c where c.id = :id and c.mergedInto is null and " + ScopeFilter.pupilCase("c", scope),
                Long.class);
        q.setParameter("id", id);
        ScopeFilter.bind(q, scope);
        return q.getSingleResult() > 0;
    }

    /** As {@link #findVisible}, locking the row for a write (concurrent writers queue, then see the new ETag). */
    public Optional<PupilCase> findVisibleForUpdate(UUID id, AccessScope scope) {
        return find(id, scope, true);
    }

    /**
     * As {@link #findVisible}, for a path that never changes the case (filing a referral): read-only, so Hibernate keeps
     * no snapshot of it to dirty-check at each flush.
     */
    public Optional<PupilCase> findVisibleReadOnly(UUID id, AccessScope scope) {
        return find(id, scope, false, true);
    }

    /**
     * As {@link #findVisibleForUpdate} for a case that this transaction has not read (or has {@link #forget forgotten}):
     * the locked read is fresh already, with no second SELECT to refresh it. Read-only, as {@link #findVisibleReadOnly}.
     */
    public Optional<PupilCase> lockVisibleReadOnly(UUID id, AccessScope scope) {
        return find(id, scope, true, true);
    }

    /** Drops a case read earlier from the persistence context: the next read loads the row afresh. */
    public void forget(PupilCase c) {
        em.detach(c);
    }

    private Optional<PupilCase> find(UUID id, AccessScope scope, boolean lock) {
        Optional<PupilCase> found = find(id, scope, lock, false);
        if (lock) {
            // Read before in this transaction? Its state may be older than the row just locked.
            found.ifPresent(em::refresh);
        }
        return found;
    }

    private Optional<PupilCase> find(UUID id, AccessScope scope, boolean lock, boolean readOnly) {
        TypedQuery<PupilCase> q = em.createQuery(
                "select c from PupilCase c where c.id = :id and c.mergedInto is null and " + ScopeFilter.pupilCase("c", scope),
                PupilCase.class);
        q.setParameter("id", id);
        ScopeFilter.bind(q, scope);
        if (lock) {
            q.setLockMode(LockModeType.PESSIMISTIC_WRITE);
        }
        if (readOnly) {
            q.setHint(HibernateHints.HINT_READ_ONLY, true);
        }
        return q.getResultList().stream().findFirst();
    }

    /** The filters of a case list besides the scope; null members do not filter. */
    public record ListFilter(CaseStatus status, CaseSearch search, LocalDate birthDate, AssigneeFilter assignee, String subject,
                             String party) {
    }

    public PageResult<PupilCase> listVisible(AccessScope scope, ListFilter filter, int offset, int limit) {
        // Each filter is one more predicate after the scope's: it can only narrow what the caller may already see.
        CaseSearch search = filter.search();
        AssigneeFilter assignee = filter.assignee() == null ? AssigneeFilter.ANY : filter.assignee();
        String where = ScopeFilter.pupilCase("c", scope) + " and c.mergedInto is null"
                + (filter.status() == null ? "" : " and c.status = :status")
                + (filter.birthDate() == null ? "" : " and c.birthDate = :birthDate")
                + (search == null ? "" : " and (c.firstNameKey like :nameLike escape '!' or c.lastNameKey like :nameLike escape '!'"
                        + " or concat(c.firstNameKey, ' ', c.lastNameKey) like :nameLike escape '!'"
                        + " or concat(c.lastNameKey, ' ', c.firstNameKey) like :nameLike escape '!' or c.ine = :ine)")
                + switch (assignee) {
                    case ANY -> "";
                    case ME -> " and exists (select 1 from Referral ar where ar.caseId = c.id and ar.assigneeId = :assignee)";
                    // Unassigned for the caller's party: no referral of the case is in the hands of one of its members.
                    case NONE -> " and not exists (select 1 from Referral ar where ar.caseId = c.id and ar.assigneeParty = :party)";
                };
        TypedQuery<PupilCase> q = em.createQuery(
                "select c from PupilCase c where " + where + " order by c.updatedAt desc, c.id desc", PupilCase.class);
        TypedQuery<Long> count = em.createQuery("select count(c) from PupilCase c where " + where, Long.class);
        for (TypedQuery<?> query : List.of(q, count)) {
            ScopeFilter.bind(query, scope);
            if (filter.status() != null) {
                query.setParameter("status", filter.status());
            }
            if (filter.birthDate() != null) {
                query.setParameter("birthDate", filter.birthDate());
            }
            if (search != null) {
                query.setParameter("nameLike", search.nameLike()).setParameter("ine", search.ine());
            }
            if (assignee == AssigneeFilter.ME) {
                query.setParameter("assignee", filter.subject());
            } else if (assignee == AssigneeFilter.NONE) {
                query.setParameter("party", filter.party());
            }
        }
        List<PupilCase> items = q.setFirstResult(offset).setMaxResults(limit).getResultList();
        return new PageResult<>(items, count.getSingleResult());
    }

    /**
     * The cases of this scope with this birth date, open or closed, not merged nor anonymised: the candidates the
     * near-duplicate rule compares a new or corrected case with.
     */
    public List<PupilCase> sameBirthDateVisible(LocalDate birthDate, AccessScope scope, UUID excluding) {
        TypedQuery<PupilCase> q = em.createQuery(
                "select c from PupilCase c where c.birthDate = :birth and c.mergedInto is null and c.anonymisedAt is null"
                        + " and c.id <> :excluding and " + ScopeFilter.pupilCase("c", scope) + " order by c.createdAt, c.id",
                PupilCase.class);
        q.setParameter("birth", birthDate).setParameter("excluding", excluding == null ? new UUID(0, 0) : excluding);
        ScopeFilter.bind(q, scope);
        return q.setMaxResults(MAX_CANDIDATES).getResultList();
    }

    /** Candidates compared at most: far more than one birth date holds in a scope. */
    static final int MAX_CANDIDATES = 500;

    /** The case a case of this scope was merged into, if it was. */
    public Optional<UUID> mergedInto(UUID id, AccessScope scope) {
        TypedQuery<UUID> q = em.createQuery(
                "select c.mergedInto from PupilCase c where c.id = :id and c.mergedInto is not null and "
                        + ScopeFilter.pupilCase("c", scope), UUID.class);
        q.setParameter("id", id);
        ScopeFilter.bind(q, scope);
        return q.getResultList().stream().findFirst();
    }

    /** Id of another open case with this INE, whoever holds it (the 409 names it, nothing else). */
    public Optional<UUID> openCaseIdWithIne(String ine, UUID excluding) {
        return em.createQuery(
                        "select c.id from PupilCase c where c.status = :open and c.ine = :ine and c.id <> :excluding", UUID.class)
                .setParameter("open", CaseStatus.OPEN).setParameter("ine", ine)
                .setParameter("excluding", excluding == null ? new UUID(0, 0) : excluding)
                .getResultList().stream().findFirst();
    }

    /** Id of another open case of the same person at the same school (or with no school); names as {@link PersonName#key}s. */
    public Optional<UUID> openCaseIdWithIdentity(String firstNameKey, String lastNameKey, LocalDate birthDate, String schoolUai,
                                                 UUID excluding) {
        return em.createQuery(
                        "select c.id from PupilCase c where c.status = :open and c.firstNameKey = :first"
                                + " and c.lastNameKey = :last and c.birthDate = :birth"
                                + " and coalesce(c.schoolUai, '') = :school and c.id <> :excluding", UUID.class)
                .setParameter("open", CaseStatus.OPEN).setParameter("first", firstNameKey).setParameter("last", lastNameKey)
                .setParameter("birth", birthDate).setParameter("school", schoolUai == null ? "" : schoolUai)
                .setParameter("excluding", excluding == null ? new UUID(0, 0) : excluding)
                .getResultList().stream().findFirst();
    }

    /** Closed cases past the retention period and not yet anonymised. */
    public List<PupilCase> closedBefore(Instant limit, int max, AccessScope scope) {
        TypedQuery<PupilCase> q = em.createQuery(
                "select c from PupilCase c where c.status = :closed and c.closedAt < :limit and c.anonymisedAt is null and "
                        + ScopeFilter.pupilCase("c", scope) + " order by c.closedAt", PupilCase.class);
        q.setParameter("closed", CaseStatus.CLOSED).setParameter("limit", limit);
        ScopeFilter.bind(q, scope);
        return q.setMaxResults(max).getResultList();
    }

    /**
     * Every case of one person, for a subject-access export: by case id, INE, or names and birth date (names compared
     * as {@link PersonName#key}s: accents, case and invisible characters do not hide a case).
     */
    public List<PupilCase> findPerson(UUID caseId, String ine, String firstName, String lastName, LocalDate birthDate,
                                      AccessScope scope) {
        StringBuilder jpql = new StringBuilder("select c from PupilCase c where ").append(ScopeFilter.pupilCase("c", scope));
        if (caseId != null) {
            jpql.append(" and c.id = :caseId");
        }
        if (ine != null) {
            jpql.append(" and c.ine = :ine");
        }
        if (firstName != null) {
            jpql.append(" and c.firstNameKey = :first and c.lastNameKey = :last and c.birthDate = :birth");
        }
        TypedQuery<PupilCase> q = em.createQuery(jpql.append(" order by c.createdAt").toString(), PupilCase.class);
        ScopeFilter.bind(q, scope);
        if (caseId != null) {
            q.setParameter("caseId", caseId);
        }
        if (ine != null) {
            q.setParameter("ine", ine);
        }
        if (firstName != null) {
            q.setParameter("first", PersonName.key(firstName)).setParameter("last", PersonName.key(lastName))
                    .setParameter("birth", birthDate);
        }
        return q.getResultList();
    }
}
