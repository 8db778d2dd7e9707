package fr.passerelle.referral.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import jakarta.persistence.Entity;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The request's path is one direction: rest → service → repository/client, never back (STYLE.md). */
class ArchitectureTest {

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("fr.passerelle.referral");
    }

    @Test
    void layersAreCrossedInOneDirectoryOnly() {
        layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("Rest").definedBy("fr.passerelle.referral.rest..")
                .layer("Service").definedBy("fr.passerelle.referral.service..")
                .layer("Repository").definedBy("fr.passerelle.referral.repository..")
                .layer("Client").definedBy("fr.passerelle.referral.client..")
                .layer("Mapping").definedBy("fr.passerelle.referral.mapping..")
                .layer("Domain").definedBy("fr.passerelle.referral.domain..")
                .whereLayer("Rest").mayNotBeAccessedByAnyLayer()
                .whereLayer("Service").mayOnlyBeAccessedByLayers("Rest")
                .whereLayer("Repository").mayOnlyBeAccessedByLayers("Service")
                .whereLayer("Client").mayOnlyBeAccessedByLayers("Service")
                .whereLayer("Mapping").mayOnlyBeAccessedByLayers("Service")
                .check(classes);
    }

    @Test
    void resourcesNeverTouchRepositoriesOrTheDirectoryClient() {
        noClasses().that().resideInAPackage("..referral.rest..")
                .should().dependOnClassesThat().resideInAnyPackage("..referral.repository..", "..referral.client..")
                .check(classes);
    }

    @Test
    void entitiesNeverLeaveTheServiceLayer() {
        noClasses().that().resideInAnyPackage("..referral.rest..", "..referral.api..")
                .should().dependOnClassesThat().areAnnotatedWith(Entity.class)
                .check(classes);
    }

    @Test
    void repositoriesAndDomainKnowNothingOfHttp() {
        noClasses().that().resideInAnyPackage("..referral.repository..", "..referral.domain..", "..referral.mapping..")
                .should().dependOnClassesThat().resideInAnyPackage("jakarta.ws.rs..", "org.jboss.resteasy..")
                .check(classes);
    }

    @Test
    void theDomainDependsOnNoOtherLayer() {
        noClasses().that().resideInAPackage("..referral.domain..")
                .should().dependOnClassesThat().resideInAnyPackage("..referral.rest..", "..referral.service..",
                        "..referral.repository..", "..referral.client..", "..referral.mapping..")
                .check(classes);
    }
}
