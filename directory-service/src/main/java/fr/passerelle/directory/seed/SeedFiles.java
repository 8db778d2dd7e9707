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
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** The shapes of seeds/organisations/*.yaml and seeds/platforms/*.yaml (see seeds/FORMAT.md). */
final class SeedFiles {

    private SeedFiles() {
    }

    record OrganisationSeed(UUID id, String name, OrganisationKind kind, RecordStatus status, LocalDate closedOn,
                            String uai, String description, String website, AddressInput address, String departement,
                            String academie, List<ContactInput> contacts, Source source, String sourceDocument,
                            List<String> inferredFields, LocalDate lastVerified, List<ProgrammeSeed> programmes) {
    }

    record ProgrammeSeed(UUID id, String name, String description, Set<ProgrammeCategory> categories,
                         EligibilityInput eligibility, AdmissionMode admissionMode, Intake intake, Integer durationWeeks,
                         String durationText, Integer capacityPerCohort, Integer placesAvailable, Boolean free,
                         Boolean stipend, String schedule, ServiceAreaInput serviceArea, List<ContactInput> contacts,
                         RecordStatus status, LocalDate closedOn, Source source, String sourceDocument,
                         List<String> inferredFields, LocalDate lastVerified) {
    }

    record PlatformSeed(UUID id, String name, String description, ServiceAreaInput territory, Set<UUID> coAnimators,
                        Set<UUID> members, Source source, String sourceDocument) {
    }
}
