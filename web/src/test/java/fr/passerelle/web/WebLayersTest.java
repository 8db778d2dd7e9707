package fr.passerelle.web;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** No second path to the data: the web application reads and writes only through the public API, as the user. */
class WebLayersTest {

    private static final JavaClasses WEB = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("fr.passerelle.web");

    @Test
    void noDatabaseAccess() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("java.sql..", "jakarta.persistence..",
                "io.vertx.sqlclient..", "org.hibernate..").check(WEB);
    }

    @Test
    void onlyTheClientPackageBuildsApiClients() {
        // Pages get the API through client.Api, which always carries the user's token and a request id.
        noClasses().that().resideOutsideOfPackage("fr.passerelle.web.client..")
                .should().callConstructor(fr.passerelle.client.ApiClient.class).check(WEB);
    }

    @Test
    void noServiceCredentialsInThePages() {
        // The web application never calls the API with a token of its own (client credentials).
        noClasses().should().dependOnClassesThat().resideInAnyPackage("io.quarkus.oidc.client..").check(WEB);
    }
}
