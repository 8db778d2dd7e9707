package fr.passerelle.referral.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * One announced change, written in the transaction of the change itself. {@code data} holds ids, statuses, codes and
 * dates only: no name, no free text (a subscriber reads the details with its own token, audited).
 */
@Entity
@Table(name = "outbox_event")
public class OutboxEvent extends PanacheEntityBase {

    /** Commit order is not seq order under concurrency; per referral, the row lock on the referral makes it so. */
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long seq;
    public UUID id;
    @Convert(converter = EventTypeConverter.class)
    public EventType type;
    @Column(name = "case_id")
    public UUID caseId;
    @Column(name = "referral_id")
    public UUID referralId;
    @Column(name = "occurred_at")
    public Instant occurredAt;
    @JdbcTypeCode(SqlTypes.JSON)
    public Map<String, Object> data;
    @Column(name = "dispatched_at")
    public Instant dispatchedAt;
}
