package fr.passerelle.referral.repository;

import fr.passerelle.referral.domain.AuditEvent;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.PreparedStatement;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.hibernate.Session;

/** The access log. Append and read only: the database role refuses anything else anyway. */
@ApplicationScoped
public class AuditRepository implements PanacheRepositoryBase<AuditEvent, UUID> {

    public record Filter(UUID caseId, String subject, String operation, Instant from, Instant to) {
    }

    /** What the rows a request writes have in common; each row adds its own id and case. */
    public record Entry(Instant occurredAt, String subject, String role, String attachment, String operation,
                        String purpose, String requestId, UUID referralId) {
    }

    /**
     * Appends one row per case (a null case: a row with no case) in the current transaction, as one statement
     * whatever the number of rows: a triage page reads 20 cases, and 20 entity inserts cost more than the page
     * itself (bench/README.md). Written at once through the transaction's connection, not at the next flush; no
     * entity is kept in the session (rows are read back by query).
     */
    public void append(Entry entry, List<UUID> caseIds) {
        if (caseIds.isEmpty()) {
            return;
        }
        UUID[] ids = new UUID[caseIds.size()];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = UUID.randomUUID();
        }
        UUID[] cases = caseIds.toArray(UUID[]::new);
        getEntityManager().unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
                insert.setObject(1, OffsetDateTime.ofInstant(entry.occurredAt(), ZoneOffset.UTC));
                insert.setString(2, entry.subject());
                insert.setString(3, entry.role());
                insert.setString(4, entry.attachment());
                insert.setString(5, entry.operation());
                insert.setString(6, entry.purpose());
                insert.setString(7, entry.requestId());
                insert.setObject(8, entry.referralId(), Types.OTHER);
                insert.setArray(9, connection.createArrayOf("uuid", ids));
                insert.setArray(10, connection.createArrayOf("uuid", cases));
                insert.executeUpdate();
            }
        });
    }

    private static final String INSERT = "INSERT INTO audit_event"
            + " (id, case_id, occurred_at, subject, role, attachment, operation, purpose, request_id, referral_id)"
            + " SELECT r.id, r.case_id, CAST(? AS timestamptz), CAST(? AS varchar), CAST(? AS varchar), CAST(? AS varchar),"
            + " CAST(? AS varchar), CAST(? AS varchar), CAST(? AS varchar), CAST(? AS uuid)"
            + " FROM unnest(CAST(? AS uuid[]), CAST(? AS uuid[])) AS r(id, case_id)";

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
