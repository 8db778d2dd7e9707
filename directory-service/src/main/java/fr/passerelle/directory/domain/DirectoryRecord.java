package fr.passerelle.directory.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;

/** What every directory record has: a fixed public id, provenance, archiving and a version for ETags. */
@MappedSuperclass
public abstract class DirectoryRecord extends PanacheEntityBase {
    @Id
    public UUID id;
    @Enumerated(EnumType.STRING)
    public Source source;
    @Column(name = "source_document")
    public String sourceDocument;
    @Column(name = "archived_at")
    public Instant archivedAt;
    @Version
    public long version;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "updated_at")
    public Instant updatedAt;

    public boolean archived() {
        return archivedAt != null;
    }

    /** Archiving keeps the record answering by id; it only leaves search and match. */
    public void archive(Instant now) {
        if (archivedAt == null) {
            archivedAt = now;
            updatedAt = now;
        }
    }
}
