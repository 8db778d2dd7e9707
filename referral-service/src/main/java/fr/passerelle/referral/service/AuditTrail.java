package fr.passerelle.referral.service;

import fr.passerelle.common.web.RequestIds;
import fr.passerelle.referral.domain.AuditEvent;
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
        String requestId = RequestIds.current();
        var now = clock.instant();
        List<AuditEvent> rows = new ArrayList<>(caseIds.size());
        for (UUID caseId : caseIds) {
            AuditEvent e = new AuditEvent();
            e.id = UUID.randomUUID();
            e.occurredAt = now;
            e.subject = subject;
            e.role = role;
            e.attachment = attachment;
            e.operation = operation.name();
            e.purpose = operation.purpose().name();
            e.requestId = requestId;
            e.caseId = caseId;
            e.referralId = referralId;
            rows.add(e);
        }
        audit.append(rows);
    }
}
