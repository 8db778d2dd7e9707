package fr.passerelle.referral.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A receiver of events, owned by an attachment ({@code organisation:<uuid>} or {@code platform:<uuid>}). */
@Entity
@Table(name = "webhook_subscription")
public class WebhookSubscription extends PanacheEntityBase {

    /** The wildcard subscribing to every event type, present and future. */
    public static final String ALL_EVENTS = "*";

    @Id
    public UUID id;
    @Column(name = "owner_attachment")
    public String ownerAttachment;
    public String url;
    /** Wire names ({@code referral.submitted}) or {@link #ALL_EVENTS}. */
    @JdbcTypeCode(SqlTypes.JSON)
    public List<String> events;
    public String description;
    /** The signing secret, encrypted (never returned after creation, never logged). */
    @Column(name = "secret_sealed")
    public String secretSealed;
    @Column(name = "created_by")
    public String createdBy;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "disabled_at")
    public Instant disabledAt;
    @Column(name = "disabled_reason")
    public String disabledReason;

    public boolean wants(EventType type) {
        return events.contains(ALL_EVENTS) || events.contains(type.wire());
    }

    public boolean enabled() {
        return disabledAt == null;
    }
}
