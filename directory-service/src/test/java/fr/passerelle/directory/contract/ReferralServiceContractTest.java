package fr.passerelle.directory.contract;

import static fr.passerelle.directory.Api.admin;

import au.com.dius.pact.provider.junit5.HttpTestTarget;
import au.com.dius.pact.provider.junit5.PactVerificationContext;
import au.com.dius.pact.provider.junit5.PactVerificationInvocationContextProvider;
import au.com.dius.pact.provider.junitsupport.Provider;
import au.com.dius.pact.provider.junitsupport.State;
import au.com.dius.pact.provider.junitsupport.loader.PactFolder;
import fr.passerelle.directory.Api;
import fr.passerelle.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.hc.core5.http.HttpRequest;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestTemplate;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The provider side of the contract referral-service wrote (contracts/pacts, committed): every interaction it relies
 * on is replayed against this service, running on its real database, with referral-service's own kind of token. An
 * answer field renamed, retyped or dropped, an eligibility code changed, fails this test and the build.
 */
@QuarkusTest
@Provider("directory-service")
@PactFolder("../contracts/pacts")
class ReferralServiceContractTest {

    @ConfigProperty(name = "quarkus.http.test-port")
    int port;

    @BeforeEach
    void target(PactVerificationContext context) {
        context.setTarget(new HttpTestTarget("localhost", port));
    }

    @TestTemplate
    @ExtendWith(PactVerificationInvocationContextProvider.class)
    void referralServiceGetsWhatItReads(PactVerificationContext context, HttpRequest request) {
        // referral-service calls with its client-credentials token (scope directory:read).
        request.setHeader("Authorization", "Bearer " + TestTokens.system("referral-service", "directory:read", null));
        context.verifyInteraction();
    }

    @State("an open programme run by a member of a platform, serving the Rhône, for young people")
    Map<String, Object> openProgramme() {
        return Map.of("programmeId", programme("Accompagnement de contrat", Map.of("audience", List.of("YOUNG_PERSON")), null));
    }

    @State("a programme with no places left")
    Map<String, Object> programmeWithoutPlaces() {
        return Map.of("programmeId", programme("Atelier complet de contrat", Map.of("audience", List.of("YOUNG_PERSON")), 0));
    }

    @State("a programme for young people of 16 to 25 who left school and live in a QPV, serving the Rhône")
    Map<String, Object> strictProgramme() {
        return Map.of("programmeId", programme("Parcours QPV de contrat", Map.of("minAge", 16, "maxAge", 25,
                "audience", List.of("YOUNG_PERSON"), "schoolingStatuses", List.of("LEFT_SCHOOL"), "qpvResidenceRequired", true), null));
    }

    @State("a platform with member organisations")
    Map<String, Object> platform() {
        return Map.of("platformId", Api.LYON_PLATFORM);
    }

    @State("an organisation with a switchboard and a functional mailbox")
    Map<String, Object> organisation() {
        String id = admin().body(Map.of("name", "Association du contrat", "kind", "ASSOCIATION",
                        "contacts", List.of(Map.of("kind", "PHONE", "value", "04 72 00 00 00"),
                                Map.of("kind", "EMAIL", "value", "accueil@contrat.test", "label", "Accueil"))))
                .post("/api/v1/organisations").then().statusCode(201).extract().path("id");
        return Map.of("organisationId", id);
    }

    /** A programme of an organisation that belongs to the Lyon platform, serving the Rhône. */
    private static String programme(String name, Map<String, Object> eligibility, Integer places) {
        String member = admin().get("/api/v1/platforms/" + Api.LYON_PLATFORM).then().statusCode(200).extract().path("members[0].id");
        Map<String, Object> body = new HashMap<>(Map.of("organisationId", member, "name", name,
                "categories", List.of("REMOBILISATION"), "eligibility", eligibility, "admissionMode", "DIRECT",
                "capacityPerCohort", 10, "serviceArea", Map.of("departements", List.of("69"))));
        if (places != null) {
            body.put("placesAvailable", places);
        }
        return admin().body(body).post("/api/v1/programmes").then().statusCode(201).extract().path("id");
    }
}
