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
 * One e-mail to send. Written by the outbox consumer, in the relay's transaction, before any address is known for a
 * functional mailbox: the mail worker resolves it in the directory at send time. {@code facts}: ids, codes, dates and
 * directory names only.
 */
@Entity
@Table(name = "mail_outbox")
public class MailMessage extends PanacheEntityBase {

    public enum RecipientKind {
        /** A functional mailbox found in the directory: {@code programme:}, {@code organisation:} or {@code platform:<uuid>}. */
        MAILBOX,
        /** A person who opted in: the address they saved. */
        USER
    }

    public enum Status { PENDING, SENT, NO_ADDRESS, FAILED }

    @Id
    public Long id;
    @Column(name = "dedupe_key")
    public String dedupeKey;
    @Enumerated(EnumType.STRING)
    public MailTemplate template;
    @Column(name = "event_type")
    public String eventType;
    @Enumerated(EnumType.STRING)
    @Column(name = "recipient_kind")
    public RecipientKind recipientKind;
    public String recipient;
    @JdbcTypeCode(SqlTypes.JSON)
    public Map<String, Object> facts;
    @Enumerated(EnumType.STRING)
    public Status status;
    public int attempts;
    @Column(name = "next_attempt_at")
    public Instant nextAttemptAt;
    @Column(name = "last_error")
    public String lastError;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "sent_at")
    public Instant sentAt;
}
