package fr.passerelle.directory.seed;

import fr.passerelle.directory.api.AddressInput;
import fr.passerelle.directory.api.ContactInput;
import fr.passerelle.directory.api.EligibilityInput;
import fr.passerelle.directory.api.ServiceAreaInput;
import fr.passerelle.common.codes.AdmissionMode;
import fr.passerelle.directory.domain.Intake;
import fr.passerelle.directory.domain.OrganisationKind;
import fr.passerelle.directory.domain.ProgrammeCategory;
import fr.passerelle.directory.domain.RecordStatus;
import fr.passerelle.directory.domain.Source;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** The shapes of seeds/organisations/*.yaml and seeds/platforms/*.yaml (see seeds/FORMAT.md). */
final class SeedFiles {

    /** SHA-256 of every file under the folder (relative path and content, in path order); null without a folder. */
    static String fingerprint(Path dir) {
        if (!Files.isDirectory(dir)) {
            return null;
        }
        try (var files = Files.walk(dir)) {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
                sha.update(dir.relativize(f).toString().getBytes(StandardCharsets.UTF_8));
                sha.update((byte) 0);
                sha.update(Files.readAllBytes(f));
                sha.update((byte) 0);
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the seed folder " + dir, e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private SeedFiles() {
    }

    record OrganisationSeed(UUID id, String name, OrganisationKind kind, RecordStatus status, LocalDate closedOn,
                            String uai, String description, String website, AddressInput address, String departement,
                            String academie, List<ContactInput> contacts, Source source, String sourceDocument,
                            List<String> inferredFields, LocalDate sourceDate, LocalDate lastVerified,
                            List<ProgrammeSeed> programmes) {
    }

    record ProgrammeSeed(UUID id, String name, String description, Set<ProgrammeCategory> categories,
                         EligibilityInput eligibility, AdmissionMode admissionMode, Intake intake, Integer durationWeeks,
                         String durationText, Integer capacityPerCohort, Integer placesAvailable, Boolean free,
                         Boolean stipend, String schedule, ServiceAreaInput serviceArea, List<ContactInput> contacts,
                         RecordStatus status, LocalDate closedOn, Source source, String sourceDocument,
                         List<String> inferredFields, LocalDate sourceDate, LocalDate lastVerified) {
    }

    record PlatformSeed(UUID id, String name, String description, ServiceAreaInput territory, Set<UUID> coAnimators,
                        Set<UUID> members, Source source, String sourceDocument) {
    }
}
