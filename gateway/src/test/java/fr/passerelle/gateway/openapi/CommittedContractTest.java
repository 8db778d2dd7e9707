package fr.passerelle.gateway.openapi;

import fr.passerelle.testing.ContractDrift;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.json.JsonObject;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The public document (openapi/passerelle.yaml) is what this gateway makes of the two committed service documents,
 * with the local stack's settings: a change to the merge, or to a service document, fails until it is accepted
 * (-Dopenapi.accept=compatible|breaking, see openapi/README.md). The services' own tests keep their files current.
 */
@QuarkusTest
class CommittedContractTest {

    static final String SERVER_URL = "http://localhost:8080";
    static final String REALM_URL = "http://localhost:8180/realms/passerelle";

    @Inject
    MergedOpenApi mergedOpenApi;

    @Test
    void mergedDocumentIsTheCommittedOne() {
        Map<String, JsonObject> documents = new LinkedHashMap<>();
        documents.put("directory", committed("directory-service.yaml"));
        documents.put("referral", committed("referral-service.yaml"));
        JsonObject merged = OpenApiMerger.merge(mergedOpenApi.sources(documents), List.of(),
                mergedOpenApi.settings(SERVER_URL, REALM_URL));
        ContractDrift.verify(merged.encode(), ContractDrift.committed("passerelle.yaml"));
    }

    private static JsonObject committed(String name) {
        return new JsonObject(ContractDrift.parse(ContractDrift.read(ContractDrift.committed(name))).toString());
    }
}
