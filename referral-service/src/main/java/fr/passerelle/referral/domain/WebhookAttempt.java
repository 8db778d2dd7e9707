package fr.passerelle.referral.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One HTTP try of a delivery: when, how it ended, how long it took. No body, no URL, no answer text. */
@Entity
@Table(name = "webhook_attempt")
public class WebhookAttempt extends PanacheEntityBase {

    public enum Outcome {
        /** 2xx. */
        DELIVERED,
        /** Another status code (redirects included: they are not followed). */
        HTTP_ERROR,
        /** No answer within the total timeout. */
        TIMEOUT,
        /** Connection refused, reset, TLS failure, unknown host. */
        CONNECTION_FAILED,
        /** The host resolved to an address that is not public (SSRF guard, checked at every attempt). */
        ADDRESS_REFUSED,
        /** The service could not build the request (e.g. the secret could not be opened). */
        INTERNAL_ERROR
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "delivery_id")
    public UUID deliveryId;
    @Column(name = "attempted_at")
    public Instant attemptedAt;
    @Column(name = "status_code")
    public Integer statusCode;
    @Column(name = "duration_ms")
    public int durationMs;
    @Enumerated(EnumType.STRING)
    public Outcome outcome;
    @Column(name = "error_class")
    public String errorClass;
}
