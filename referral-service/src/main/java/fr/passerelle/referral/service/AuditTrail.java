package fr.passerelle.referral.service;

import fr.passerelle.common.web.RequestIds;
import fr.passerelle.referral.domain.AuditOperation;
import fr.passerelle.referral.repository.AuditRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.UUID;

/**
 * Writes the access log: one row per case a request touches, in the request's own transaction
 * (MANDATORY), so a read or write whose audit row cannot be stored fails with it.
 */
@ApplicationScoped
public class AuditTrail {

    @Inject
    AuditRepository audit;
    @Inject
    AccessPolicy policy;
    @Inject
    Clock clock;

    @Transactional(Transactional.TxType.MANDATORY)
    public void cases(AuditOperation operation, Collection<UUID> caseIds) {
        write(operation, new LinkedHashSet<>(caseIds), null, policy.subject(), policy.role(), policy.attachment());
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void referral(AuditOperation operation, UUID caseId, UUID referralId) {
        write(operation, List.of(caseId), referralId, policy.subject(), policy.role(), policy.attachment());
    }

    /** A request that touched no case (an empty list, the auditor's own reads): one row with no case. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void noCase(AuditOperation operation) {
        List<UUID> none = new ArrayList<>();
        none.add(null);
        write(operation, none, null, policy.subject(), policy.role(), policy.attachment());
    }

    /** Rows written by the service itself (retention), outside any request. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void system(AuditOperation operation, Collection<UUID> caseIds) {
        write(operation, caseIds, null, "system:referral-service", "system", null);
    }

    private void write(AuditOperation operation, Collection<UUID> caseIds, UUID referralId, String subject, String role,
                       String attachment) {
        var entry = new AuditRepository.Entry(clock.instant(), subject, role, attachment, operation.name(),
                operation.purpose().name(), RequestIds.current(), referralId);
        audit.append(entry, new ArrayList<>(caseIds));
    }
}
