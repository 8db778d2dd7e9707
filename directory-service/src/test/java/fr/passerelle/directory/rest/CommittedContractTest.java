package fr.passerelle.directory.rest;

import static io.restassured.RestAssured.given;

import fr.passerelle.testing.ContractDrift;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/**
 * The document this service generates is the one committed in openapi/directory-service.yaml: a change fails the
 * build with a breaking-change report until it is accepted (-Dopenapi.accept=compatible|breaking, see openapi/README.md).
 */
@QuarkusTest
class CommittedContractTest {

    @Test
    void generatedDocumentIsTheCommittedOne() {
        String generated = given().queryParam("format", "json").get("/q/openapi").then().statusCode(200).extract().asString();
        ContractDrift.verify(generated, ContractDrift.committed("directory-service.yaml"));
    }
}
