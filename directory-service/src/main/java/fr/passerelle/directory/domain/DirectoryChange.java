package fr.passerelle.directory.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.ColumnTransformer;

/** One write to the directory, as the change log keeps it: written once, never updated. */
@Entity
@Table(name = "directory_change")
public class DirectoryChange extends PanacheEntityBase {

    /** What kind of record changed. */
    public enum RecordType { ORGANISATION, PROGRAMME, PLATFORM }

    /** What happened to it. */
    public enum Operation { CREATE, UPDATE, ARCHIVE }

    /** Through which door: an editor's create/replace/archive, a partner's upkeep, the UAI import. */
    public enum Channel { EDIT, AVAILABILITY, SCHOOL_IMPORT }

    @Id
    public UUID id;
    @Column(name = "changed_at")
    public Instant changedAt;
    @Column(name = "actor_subject")
    public String actorSubject;
    @Column(name = "actor_role")
    public String actorRole;
    @Column(name = "actor_organisation")
    public UUID actorOrganisation;
    @Enumerated(EnumType.STRING)
    @Column(name = "record_type")
    public RecordType recordType;
    @Column(name = "record_id")
    public UUID recordId;
    @Enumerated(EnumType.STRING)
    public Operation operation;
    @Enumerated(EnumType.STRING)
    public Channel channel;
    /** JSON array of {field, oldValue, newValue}, written by {@code ChangeLog}. */
    @Column(columnDefinition = "jsonb")
    @ColumnTransformer(write = "CAST(? AS jsonb)")
    public String changes;
}
