package fr.passerelle.referral.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A dated entry of a referral's follow-up log. */
@Entity
@Table(name = "follow_up_entry")
public class FollowUpEntry extends PanacheEntityBase {

    @Id
    public UUID id;
    @Column(name = "referral_id")
    public UUID referralId;
    @Column(name = "case_id")
    public UUID caseId;
    @Column(name = "entry_date")
    public LocalDate entryDate;
    @Enumerated(EnumType.STRING)
    public FollowUpKind kind;
    @Enumerated(EnumType.STRING)
    public Visibility visibility;
    @Column(columnDefinition = "text")
    public String text;
    @Column(name = "author_subject")
    public String authorSubject;
    @Column(name = "author_role")
    public String authorRole;
    /** "uai:…", "platform:…" or "organisation:…": whose entry it is, for AUTHOR_ORG visibility. */
    @Column(name = "author_attachment")
    public String authorAttachment;
    @Column(name = "created_at")
    public Instant createdAt;
}
