package fr.passerelle.directory.seed;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import fr.passerelle.directory.api.OrganisationInput;
import fr.passerelle.directory.api.PlatformInput;
import fr.passerelle.directory.api.ProgrammeInput;
import fr.passerelle.directory.config.DirectoryConfig;
import fr.passerelle.directory.domain.Source;
import fr.passerelle.directory.repository.OrganisationRepository;
import fr.passerelle.directory.repository.PlatformRepository;
import fr.passerelle.directory.repository.ProgrammeRepository;
import fr.passerelle.directory.service.OrganisationService;
import fr.passerelle.directory.service.PlatformService;
import fr.passerelle.directory.service.ProgrammeService;
import fr.passerelle.directory.service.TerritoryService;
import fr.passerelle.directory.repository.SeedStateRepository;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.jboss.logging.Logger;

/**
 * Loads territories and the seeded directory at start. Inserts only what is missing, so it is
 * safe to run on every start and never overwrites an editor's changes.
 */
@ApplicationScoped
public class SeedLoader {

    private static final Logger LOG = Logger.getLogger(SeedLoader.class);
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .registerModule(new JavaTimeModule())
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);

    @Inject
    DirectoryConfig config;
    @Inject
    TerritoryService territories;
    @Inject
    OrganisationService organisationService;
    @Inject
    ProgrammeService programmeService;
    @Inject
    PlatformService platformService;
    @Inject
    OrganisationRepository organisations;
    @Inject
    ProgrammeRepository programmes;
    @Inject
    PlatformRepository platforms;
    @Inject
    Validator validator;

    @Inject
    SeedStateRepository seedState;

    void onStart(@Observes StartupEvent event) {
        territories.loadIfEmpty();
        if (config.seeds().enabled()) {
            Path dir = Path.of(config.seeds().dir());
            // Reading and checking every file costs about a second of start-up: skip it when the folder's
            // content is the one already loaded (loading only ever adds what is missing).
            String fingerprint = SeedFiles.fingerprint(dir);
            if (fingerprint != null && seedState.loaded(fingerprint)) {
                LOG.infof("Seed directory %s: unchanged since it was loaded, not read again", dir);
                return;
            }
            load(dir);
            if (fingerprint != null) {
                seedState.remember(fingerprint);
            }
        }
    }

    @Transactional
    public void load(Path dir) {
        if (!Files.isDirectory(dir)) {
            LOG.warnf("No seed folder at %s: the directory starts empty", dir.toAbsolutePath());
            return;
        }
        List<SeedFiles.OrganisationSeed> orgs = read(dir.resolve("organisations"), SeedFiles.OrganisationSeed.class);
        List<SeedFiles.PlatformSeed> plats = read(dir.resolve("platforms"), SeedFiles.PlatformSeed.class);
        int added = 0;
        for (SeedFiles.OrganisationSeed o : orgs) {
            if (organisations.findByIdOptional(o.id()).isEmpty()) {
                OrganisationInput in = new OrganisationInput(o.name(), o.kind(), o.status(), o.closedOn(), o.uai(),
                        o.description(), o.website(), o.address(), o.departement(), o.academie(), o.contacts(), o.lastVerified());
                check(in, o.name());
                try {
                    organisationService.create(o.id(), in, source(o.source()), o.sourceDocument(), o.sourceDate(),
                            list(o.inferredFields()));
                } catch (fr.passerelle.common.problem.ProblemException e) {
                    rethrow(e, o.name());
                }
                added++;
            }
        }
        for (SeedFiles.OrganisationSeed o : orgs) {
            for (SeedFiles.ProgrammeSeed p : o.programmes() == null ? List.<SeedFiles.ProgrammeSeed>of() : o.programmes()) {
                if (programmes.findByIdOptional(p.id()).isEmpty()) {
                    ProgrammeInput in = new ProgrammeInput(o.id(), p.name(), p.description(), p.categories(), p.eligibility(),
                            p.admissionMode(), p.intake(), p.durationWeeks(), p.durationText(), p.capacityPerCohort(),
                            p.placesAvailable(), p.free(), p.stipend(), p.schedule(), p.serviceArea(), p.contacts(),
                            p.status(), p.closedOn(), p.lastVerified() != null ? p.lastVerified() : o.lastVerified());
                    check(in, p.name());
                    try {
                        programmeService.create(p.id(), in, source(p.source()),
                                p.sourceDocument() != null ? p.sourceDocument() : o.sourceDocument(),
                                p.sourceDate() != null ? p.sourceDate() : o.sourceDate(), list(p.inferredFields()));
                    } catch (fr.passerelle.common.problem.ProblemException e) {
                        rethrow(e, p.name());
                    }
                    added++;
                }
            }
        }
        for (SeedFiles.PlatformSeed p : plats) {
            if (platforms.findByIdOptional(p.id()).isEmpty()) {
                PlatformInput in = new PlatformInput(p.name(), p.description(), p.territory(), p.coAnimators(), p.members());
                check(in, p.name());
                try {
                    platformService.create(p.id(), in, source(p.source()), p.sourceDocument());
                } catch (fr.passerelle.common.problem.ProblemException e) {
                    rethrow(e, p.name());
                }
                added++;
            }
        }
        LOG.infof("Seed directory %s: %d organisation files, %d platform files, %d records added", dir, orgs.size(), plats.size(), added);
    }

    private static void rethrow(fr.passerelle.common.problem.ProblemException e, String what) {
        throw new IllegalStateException("Seed record '" + what + "' is refused: " + e.violations().stream()
                .map(v -> v.field() + " " + v.message()).toList() + " " + e.getMessage(), e);
    }

    private <T> void check(T input, String what) {
        Set<ConstraintViolation<T>> violations = validator.validate(input);
        if (!violations.isEmpty()) {
            throw new IllegalStateException("Seed record '" + what + "' is invalid: " + violations.iterator().next().getPropertyPath()
                    + " " + violations.iterator().next().getMessage());
        }
    }

    private static <T> List<T> read(Path folder, Class<T> type) {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(f -> f.toString().endsWith(".yaml") || f.toString().endsWith(".yml")).sorted()
                    .map(f -> {
                        try {
                            return YAML.readValue(f.toFile(), type);
                        } catch (IOException e) {
                            throw new IllegalStateException("Cannot read seed file " + f.getFileName() + ": " + e.getMessage(), e);
                        }
                    }).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Source source(Source s) {
        return s == null ? Source.DOCUMENT : s;
    }

    private static List<String> list(List<String> l) {
        return l == null ? List.of() : l;
    }
}
