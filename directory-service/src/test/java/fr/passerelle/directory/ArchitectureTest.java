package fr.passerelle.directory;

import static com.tngtech.archunit.library.Architectures.layeredArchitecture;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The request goes rest → service → repository, never back; resources never touch repositories. */
@AnalyzeClasses(packages = "fr.passerelle.directory", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule layers = layeredArchitecture().consideringOnlyDependenciesInLayers()
            .layer("Rest").definedBy("..directory.rest..")
            .layer("Service").definedBy("..directory.service..")
            .layer("Seed").definedBy("..directory.seed..")
            .layer("Repository").definedBy("..directory.repository..")
            .layer("Mapping").definedBy("..directory.mapping..")
            .layer("Domain").definedBy("..directory.domain..")
            .whereLayer("Rest").mayNotBeAccessedByAnyLayer()
            .whereLayer("Seed").mayNotBeAccessedByAnyLayer()
            .whereLayer("Service").mayOnlyBeAccessedByLayers("Rest", "Seed")
            .whereLayer("Repository").mayOnlyBeAccessedByLayers("Service", "Seed")
            .whereLayer("Mapping").mayOnlyBeAccessedByLayers("Service", "Rest");
}
