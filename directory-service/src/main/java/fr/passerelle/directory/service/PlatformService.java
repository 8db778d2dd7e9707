package fr.passerelle.directory.service;

import fr.passerelle.common.paging.PageRequest;
import fr.passerelle.common.paging.PageResponse;
import fr.passerelle.common.problem.ProblemException;
import fr.passerelle.common.problem.Violation;
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
import fr.passerelle.directory.domain.DirectoryChange.RecordType;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/** PSAD platforms: the list, and an editor's writes ({@link RecordService}) with their checks of territory and members. */
@ApplicationScoped
public class PlatformService extends RecordService<Platform, PlatformInput, PlatformView> {

    @Inject
    PlatformRepository platforms;
    @Inject
    OrganisationRepository organisations;
    @Inject
    TerritoryService territories;

    @Transactional
    public PageResponse<PlatformView> list(UUID organisation, PageRequest page) {
        List<Platform> all = platforms.notArchived().stream()
                .filter(p -> organisation == null || p.memberships.stream().anyMatch(m -> m.organisationId.equals(organisation)))
                .toList();
        List<Platform> slice = all.stream().skip(page.offset()).limit(page.size()).toList();
        return new PageResponse<>(views(slice), page.page(), page.size(), all.size());
    }

    /** Creation with provenance, as the seed loader records what a document says. */
    @Transactional
    public Versioned<PlatformView> create(UUID id, PlatformInput in, Source source, String sourceDocument) {
        return insert(id, in, source, sourceDocument, p -> {
        });
    }

    @Override
    protected RecordType recordType() {
        return RecordType.PLATFORM;
    }

    @Override
    protected String noun() {
        return "Platform";
    }

    @Override
    protected PlatformRepository records() {
        return platforms;
    }

    @Override
    protected Platform newRecord() {
        return new Platform();
    }

    @Override
    protected void fill(PlatformInput in, Platform p) {
        validate(in);
        apply(in, p);
    }

    @Override
    protected PlatformView view(Platform p) {
        return views(List.of(p)).get(0);
    }

    /** Collection changes alone do not bump @Version: every accepted replace is a new version. */
    @Override
    protected void replaced(Platform p) {
        p.version++;
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
