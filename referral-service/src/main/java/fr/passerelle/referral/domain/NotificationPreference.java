package fr.passerelle.referral.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Map;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A person's e-mail choices. Role, attachment and address are those of the token that saved them: who may be told
 * of a referral is decided from the attachment, as {@code AccessScope} decides who may read it.
 */
@Entity
@Table(name = "notification_preference")
public class NotificationPreference extends PanacheEntityBase {

    @Id
    public String subject;
    public String role;
    /** {@code uai:<code>}, {@code platform:<uuid>} or {@code organisation:<uuid>}. */
    public String attachment;
    public String email;
    @Enumerated(EnumType.STRING)
    @Column(name = "default_mode")
    public NotificationMode defaultMode;
    /** Wire event type ({@code referral.submitted}) → mode name; types not listed follow {@link #defaultMode}. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "event_modes")
    public Map<String, String> eventModes;
    @Column(name = "updated_at")
    public Instant updatedAt;

    public NotificationMode modeFor(EventType type) {
        String mode = eventModes == null ? null : eventModes.get(type.wire());
        return mode == null ? defaultMode : NotificationMode.valueOf(mode);
    }
}
