package fr.passerelle.referral.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * One event to deliver to one subscription. Deliveries of the same subscription and stream (the referral, or the case
 * for case events) go out in {@code seq} order: one is not attempted while an earlier one is not delivered.
 */
@Entity
@Table(name = "webhook_delivery")
public class WebhookDelivery extends PanacheEntityBase {

    public enum Status {
        /** Waiting for its first attempt or its next retry. */
        PENDING,
        /** A 2xx answer was received. */
        DELIVERED,
        /** Given up: the subscription was disabled after failing past its retry window. */
        ABANDONED
    }

    @Id
    @jakarta.persistence.GeneratedValue(strategy = jakarta.persistence.GenerationType.IDENTITY)
    public Long seq;
    public UUID id;
    @Column(name = "subscription_id")
    public UUID subscriptionId;
    @Column(name = "event_id")
    public UUID eventId;
    @Convert(converter = EventTypeConverter.class)
    @Column(name = "event_type")
    public EventType eventType;
    @Column(name = "stream_key")
    public UUID streamKey;
    public String body;
    @Enumerated(EnumType.STRING)
    public Status status;
    public int attempts;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "first_attempt_at")
    public Instant firstAttemptAt;
    @Column(name = "last_attempt_at")
    public Instant lastAttemptAt;
    @Column(name = "next_attempt_at")
    public Instant nextAttemptAt;
    @Column(name = "lease_until")
    public Instant leaseUntil;
    @Column(name = "delivered_at")
    public Instant deliveredAt;
    @Column(name = "last_status_code")
    public Integer lastStatusCode;
}
