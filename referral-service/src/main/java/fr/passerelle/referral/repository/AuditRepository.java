package fr.passerelle.referral.repository;

import fr.passerelle.referral.domain.AuditEvent;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** The access log. Append and read only: the database role refuses anything else anyway. */
@ApplicationScoped
public class AuditRepository implements PanacheRepositoryBase<AuditEvent, UUID> {

    public record Filter(UUID caseId, String subject, String operation, Instant from, Instant to) {
    }

    public void append(List<AuditEvent> events) {
        for (AuditEvent e : events) {
            getEntityManager().persist(e);
        }
    }

    public PageResult<AuditEvent> search(Filter f, int offset, int limit) {
        List<String> clauses = new ArrayList<>();
        List<Object> params = new ArrayList<>();
        if (f.caseId() != null) {
            params.add(f.caseId());
            clauses.add("caseId = ?" + params.size());
        }
        if (f.subject() != null) {
            params.add(f.subject());
            clauses.add("subject = ?" + params.size());
        }
        if (f.operation() != null) {
            params.add(f.operation());
            clauses.add("operation = ?" + params.size());
        }
        if (f.from() != null) {
            params.add(f.from());
            clauses.add("occurredAt >= ?" + params.size());
        }
        if (f.to() != null) {
            params.add(f.to());
            clauses.add("occurredAt < ?" + params.size());
        }
        String where = clauses.isEmpty() ? "1 = 1" : String.join(" and ", clauses);
        Object[] args = params.toArray();
        List<AuditEvent> items = find(where + " order by occurredAt desc, id", args).range(offset, offset + limit - 1).list();
        return new PageResult<>(items, count(where, args));
    }

    public List<AuditEvent> ofCase(UUID caseId) {
        return list("caseId = ?1 order by occurredAt, id", caseId);
    }
}
