package fr.passerelle.referral.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One row of the access log: who touched which case, when, how and why. Never a name. Append-only. */
@Entity
@Table(name = "audit_event")
public class AuditEvent extends PanacheEntityBase {

    @Id
    public UUID id;
    @Column(name = "occurred_at")
    public Instant occurredAt;
    public String subject;
    public String role;
    public String attachment;
    public String operation;
    public String purpose;
    @Column(name = "request_id")
    public String requestId;
    @Column(name = "case_id")
    public UUID caseId;
    @Column(name = "referral_id")
    public UUID referralId;
}
