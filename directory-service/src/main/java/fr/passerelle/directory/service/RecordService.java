package fr.passerelle.directory.service;

import fr.passerelle.common.problem.ProblemException;
import fr.passerelle.common.web.ETags;
import fr.passerelle.common.web.Versioned;
import fr.passerelle.directory.domain.DirectoryChange.Channel;
import fr.passerelle.directory.domain.DirectoryChange.Operation;
import fr.passerelle.directory.domain.DirectoryChange.RecordType;
import fr.passerelle.directory.domain.DirectoryRecord;
import fr.passerelle.directory.domain.Source;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * What editing organisations, programmes and platforms has in common, written once: a read with the version its
 * ETag is made of, and create, replace and archive by a directory editor, under If-Match, each recorded in the
 * change log with the record as shown before and after. A subclass says how its input is checked and copied onto
 * the record ({@link #fill}) and how the record is shown ({@link #view}).
 *
 * @param <E> the record
 * @param <I> an editor's input for it
 * @param <V> how the API shows it
 */
public abstract class RecordService<E extends DirectoryRecord, I, V> {

    @Inject
    Clock clock;
    @Inject
    ChangeLog changeLog;

    /** The record's kind in the change log. */
    protected abstract RecordType recordType();

    /** The record's name in a 404's detail, e.g. "Programme". */
    protected abstract String noun();

    protected abstract PanacheRepositoryBase<E, UUID> records();

    protected abstract E newRecord();

    /**
     * Checks the input against the directory (answering 422 or 409 before anything changes) and copies it onto the
     * record, whose id is set.
     */
    protected abstract void fill(I in, E record);

    protected abstract V view(E record);

    /** Called after an accepted replace, before the flush. */
    protected void replaced(E record) {
    }

    @Transactional
    public Versioned<V> get(UUID id) {
        E record = find(id);
        return new Versioned<>(view(record), record.version);
    }

    /** A directory editor's creation, recorded in the change log. */
    @Transactional
    public Versioned<V> create(I in) {
        UUID id = UUID.randomUUID();
        Versioned<V> created = insert(id, in, Source.EDITOR, null, record -> {
        });
        changeLog.record(recordType(), id, Operation.CREATE, Channel.EDIT, null, created.body());
        return created;
    }

    /** Creation with provenance (the seed loader's), which the change log does not record. */
    protected Versioned<V> insert(UUID id, I in, Source source, String sourceDocument, Consumer<E> provenance) {
        E record = newRecord();
        record.id = id;
        fill(in, record);
        record.source = source;
        record.sourceDocument = sourceDocument;
        provenance.accept(record);
        record.createdAt = record.updatedAt = Instant.now(clock);
        records().persistAndFlush(record);
        return new Versioned<>(view(record), record.version);
    }

    @Transactional
    public Versioned<V> update(UUID id, I in, String ifMatch) {
        E record = find(id);
        ETags.requireMatch(ifMatch, record.version);
        V before = view(record);
        fill(in, record);
        record.updatedAt = Instant.now(clock);
        replaced(record);
        records().flush();
        V after = view(record);
        changeLog.record(recordType(), id, Operation.UPDATE, Channel.EDIT, before, after);
        return new Versioned<>(after, record.version);
    }

    /** Archiving: the record leaves search and match (what that means is the subclass's view); GET still answers. */
    @Transactional
    public void archive(UUID id, String ifMatch) {
        E record = find(id);
        ETags.requireMatch(ifMatch, record.version);
        V before = view(record);
        record.archive(Instant.now(clock));
        changeLog.record(recordType(), id, Operation.ARCHIVE, Channel.EDIT, before, view(record));
    }

    protected E find(UUID id) {
        return records().findByIdOptional(id).orElseThrow(() -> ProblemException.notFound(noun() + " " + id));
    }
}
