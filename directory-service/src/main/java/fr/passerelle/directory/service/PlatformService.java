package fr.passerelle.directory.service;

import fr.passerelle.common.paging.PageRequest;
import fr.passerelle.common.paging.PageResponse;
import fr.passerelle.common.problem.ProblemException;
import fr.passerelle.common.problem.Violation;
import fr.passerelle.common.web.ETags;
import fr.passerelle.common.web.Versioned;
import fr.passerelle.directory.api.PlatformInput;
import fr.passerelle.directory.api.PlatformView;
import fr.passerelle.directory.domain.Organisation;
import fr.passerelle.directory.domain.Platform;
import fr.passerelle.directory.domain.PlatformRole;
import fr.passerelle.directory.domain.Source;
import fr.passerelle.directory.mapping.DirectoryMapper;
import fr.passerelle.directory.repository.OrganisationRepository;
import fr.passerelle.directory.repository.PlatformRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import fr.passerelle.directory.domain.DirectoryChange.Channel;
import fr.passerelle.directory.domain.DirectoryChange.Operation;
import fr.passerelle.directory.domain.DirectoryChange.RecordType;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

@ApplicationScoped
public class PlatformService {

    @Inject
    PlatformRepository platforms;
    @Inject
    OrganisationRepository organisations;
    @Inject
    TerritoryService territories;
    @Inject
    Clock clock;
    @Inject
    ChangeLog changeLog;

    @Transactional
    public PageResponse<PlatformView> list(UUID organisation, PageRequest page) {
        List<Platform> all = platforms.notArchived().stream()
                .filter(p -> organisation == null || p.memberships.stream().anyMatch(m -> m.organisationId.equals(organisation)))
                .toList();
        List<Platform> slice = all.stream().skip(page.offset()).limit(page.size()).toList();
        return new PageResponse<>(views(slice), page.page(), page.size(), all.size());
    }

    @Transactional
    public Versioned<PlatformView> get(UUID id) {
        Platform p = find(id);
        return new Versioned<>(views(List.of(p)).get(0), p.version);
    }

    @Transactional
    public Versioned<PlatformView> create(PlatformInput in) {
        Versioned<PlatformView> created = create(UUID.randomUUID(), in, Source.EDITOR, null);
        changeLog.record(RecordType.PLATFORM, created.body().id(), Operation.CREATE, Channel.EDIT, null, created.body());
        return created;
    }

    @Transactional
    public Versioned<PlatformView> create(UUID id, PlatformInput in, Source source, String sourceDocument) {
        validate(in);
        Platform p = new Platform();
        p.id = id;
        apply(in, p);
        p.source = source;
        p.sourceDocument = sourceDocument;
        p.createdAt = p.updatedAt = Instant.now(clock);
        platforms.persistAndFlush(p);
        return new Versioned<>(views(List.of(p)).get(0), p.version);
    }

    @Transactional
    public Versioned<PlatformView> update(UUID id, PlatformInput in, String ifMatch) {
        Platform p = find(id);
        ETags.requireMatch(ifMatch, p.version);
        validate(in);
        PlatformView before = views(List.of(p)).get(0);
        apply(in, p);
        p.updatedAt = Instant.now(clock);
        // Collection changes alone do not bump @Version: make every accepted write a new version.
        p.version++;
        platforms.flush();
        PlatformView after = views(List.of(p)).get(0);
        changeLog.record(RecordType.PLATFORM, id, Operation.UPDATE, Channel.EDIT, before, after);
        return new Versioned<>(after, p.version);
    }

    @Transactional
    public void archive(UUID id, String ifMatch) {
        Platform p = find(id);
        ETags.requireMatch(ifMatch, p.version);
        PlatformView before = views(List.of(p)).get(0);
        p.archive(Instant.now(clock));
        changeLog.record(RecordType.PLATFORM, id, Operation.ARCHIVE, Channel.EDIT, before, views(List.of(p)).get(0));
    }

    private Platform find(UUID id) {
        return platforms.findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("Platform " + id));
    }

    private void apply(PlatformInput in, Platform p) {
        p.name = in.name().trim();
        p.description = in.description();
        p.territoryCommunes = in.territory().communes() == null ? new ArrayList<>() : List.copyOf(in.territory().communes());
        p.territoryDepartements = in.territory().departements() == null ? new ArrayList<>() : List.copyOf(in.territory().departements());
        p.territoryAcademies = in.territory().academies() == null ? new ArrayList<>() : List.copyOf(in.territory().academies());
        Set<Platform.Membership> memberships = new LinkedHashSet<>();
        if (in.coAnimators() != null) {
            in.coAnimators().forEach(id -> memberships.add(new Platform.Membership(id, PlatformRole.CO_ANIMATOR)));
        }
        if (in.members() != null) {
            in.members().forEach(id -> memberships.add(new Platform.Membership(id, PlatformRole.MEMBER)));
        }
        p.memberships.clear();
        p.memberships.addAll(memberships);
    }

    private void validate(PlatformInput in) {
        List<Violation> violations = new ArrayList<>(territories.checkArea("territory", in.territory().toArea()));
        if (in.territory().toArea().isEmpty()) {
            violations.add(new Violation("territory", "a platform covers at least one commune, département or académie", "REQUIRED"));
        }
        Set<UUID> ids = new HashSet<>();
        if (in.coAnimators() != null) {
            ids.addAll(in.coAnimators());
        }
        if (in.members() != null) {
            ids.addAll(in.members());
        }
        Set<UUID> known = ids.isEmpty() ? Set.of()
                : organisations.list("id in ?1", ids).stream().map(o -> o.id).collect(Collectors.toSet());
        for (UUID id : ids) {
            if (!known.contains(id)) {
                violations.add(new Violation(in.coAnimators() != null && in.coAnimators().contains(id) ? "coAnimators" : "members",
                        "unknown organisation " + id, "UNKNOWN_ORGANISATION"));
            }
        }
        if (!violations.isEmpty()) {
            throw ProblemException.unprocessable(violations);
        }
    }

    private List<PlatformView> views(List<Platform> list) {
        Set<UUID> ids = list.stream().flatMap(p -> p.memberships.stream()).map(m -> m.organisationId).collect(Collectors.toSet());
        Map<UUID, Organisation> byId = ids.isEmpty() ? Map.of()
                : organisations.list("id in ?1", ids).stream().collect(Collectors.toMap(o -> o.id, Function.identity()));
        return list.stream().map(p -> DirectoryMapper.view(p, byId)).toList();
    }
}
