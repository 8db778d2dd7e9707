package fr.passerelle.referral.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** An event kept for a person who chose the daily digest, until the digest that lists it. */
@Entity
@Table(name = "notification_digest_item")
public class DigestItem extends PanacheEntityBase {

    @Id
    public Long id;
    public String subject;
    @Column(name = "event_id")
    public UUID eventId;
    @Column(name = "event_type")
    public String eventType;
    @JdbcTypeCode(SqlTypes.JSON)
    public Map<String, Object> facts;
    @Column(name = "occurred_at")
    public Instant occurredAt;
    @Column(name = "digest_date")
    public LocalDate digestDate;
}
