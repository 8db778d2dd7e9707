package fr.passerelle.directory.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.passerelle.common.paging.PageRequest;
import fr.passerelle.common.paging.PageResponse;
import fr.passerelle.common.problem.ProblemException;
import fr.passerelle.common.security.Caller;
import fr.passerelle.common.security.CurrentCaller;
import fr.passerelle.common.security.Roles;
import fr.passerelle.directory.api.DirectoryChangeView;
import fr.passerelle.directory.domain.DirectoryChange;
import fr.passerelle.directory.domain.DirectoryChange.Channel;
import fr.passerelle.directory.domain.DirectoryChange.Operation;
import fr.passerelle.directory.domain.DirectoryChange.RecordType;
import fr.passerelle.directory.repository.DirectoryChangeRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * The directory's change log, the one owner of "who changed what": every write records the fields that differ
 * between the record's API view before and after, in the same transaction as the write.
 */
@ApplicationScoped
public class ChangeLog {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    // Bookkeeping that changes on every write and says nothing about the facts.
    private static final Set<String> IGNORED = Set.of("updatedAt");

    @Inject
    DirectoryChangeRepository changes;
    @Inject
    CurrentCaller currentCaller;
    @Inject
    ObjectMapper json;
    @Inject
    Clock clock;

    /**
     * Records a write whose before and after are API views (before null for a creation); nothing is recorded when
     * no field differs. Returns the names of the fields changed.
     */
    public List<String> record(RecordType type, UUID recordId, Operation operation, Channel channel, Object before, Object after) {
        List<DirectoryChangeView.FieldChange> diff = diff(before, after);
        if (diff.isEmpty() && operation == Operation.UPDATE) {
            return List.of();
        }
        Caller caller = currentCaller.get();
        DirectoryChange c = new DirectoryChange();
        c.id = UUID.randomUUID();
        c.changedAt = Instant.now(clock);
        c.actorSubject = caller.subject();
        c.actorRole = caller.hasRole(Roles.DIRECTORY_ADMIN) ? Roles.DIRECTORY_ADMIN
                : caller.hasRole(Roles.PARTNER) ? Roles.PARTNER : "unknown";
        c.actorOrganisation = caller.hasRole(Roles.DIRECTORY_ADMIN) ? null : caller.organisation().orElse(null);
        c.recordType = type;
        c.recordId = recordId;
        c.operation = operation;
        c.channel = channel;
        try {
            c.changes = json.writeValueAsString(diff);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("change log entry not serialisable", e);
        }
        changes.persist(c);
        return diff.stream().map(DirectoryChangeView.FieldChange::field).toList();
    }

    /** The fields whose value differs between two views of the same record, in the view's order. */
    public List<DirectoryChangeView.FieldChange> diff(Object before, Object after) {
        ObjectNode old = before == null ? json.createObjectNode() : json.valueToTree(before);
        ObjectNode now = after == null ? json.createObjectNode() : json.valueToTree(after);
        Set<String> names = new LinkedHashSet<>();
        now.fieldNames().forEachRemaining(names::add);
        old.fieldNames().forEachRemaining(names::add);
        List<DirectoryChangeView.FieldChange> out = new ArrayList<>();
        for (String name : names) {
            if (IGNORED.contains(name)) {
                continue;
            }
            JsonNode a = old.get(name);
            JsonNode b = now.get(name);
            if (!same(a, b)) {
                out.add(new DirectoryChangeView.FieldChange(name, text(a), text(b)));
            }
        }
        return out;
    }

    @Transactional
    public PageResponse<DirectoryChangeView> search(UUID recordId, LocalDate from, LocalDate to, PageRequest page) {
        Caller caller = currentCaller.get();
        if (!caller.hasAnyRole(Roles.DIRECTORY_ADMIN, Roles.AUDITOR)) {
            throw ProblemException.forbidden("Only directory editors and auditors read the directory's change log.");
        }
        if (from != null && to != null && to.isBefore(from)) {
            throw ProblemException.badParameter("to", "must not be before from", "RANGE");
        }
        Instant start = from == null ? null : from.atStartOfDay(PARIS).toInstant();
        Instant end = to == null ? null : to.plusDays(1).atStartOfDay(PARIS).toInstant();
        var query = changes.search(recordId, start, end);
        List<DirectoryChangeView> items = query.page(page.page(), page.size()).list().stream().map(this::view).toList();
        return new PageResponse<>(items, page.page(), page.size(), query.count());
    }

    private DirectoryChangeView view(DirectoryChange c) {
        List<DirectoryChangeView.FieldChange> fields;
        try {
            fields = List.of(json.readValue(c.changes, DirectoryChangeView.FieldChange[].class));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable change log entry " + c.id, e);
        }
        return new DirectoryChangeView(c.id, c.changedAt, new DirectoryChangeView.Actor(c.actorSubject, c.actorRole, c.actorOrganisation),
                c.recordType.name(), c.recordId, c.operation.name(), c.channel.name(), fields);
    }

    private static boolean same(JsonNode a, JsonNode b) {
        boolean aEmpty = a == null || a.isNull();
        boolean bEmpty = b == null || b.isNull();
        if (aEmpty || bEmpty) {
            return aEmpty == bEmpty;
        }
        return a.equals(b);
    }

    private static String text(JsonNode n) {
        if (n == null || n.isNull()) {
            return null;
        }
        return n.isValueNode() ? n.asText() : n.toString();
    }

}
