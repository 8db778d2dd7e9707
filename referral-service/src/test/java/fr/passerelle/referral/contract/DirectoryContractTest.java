package fr.passerelle.referral.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import au.com.dius.pact.consumer.MockServer;
import au.com.dius.pact.consumer.dsl.PactDslWithProvider;
import au.com.dius.pact.consumer.junit5.PactConsumerTestExt;
import au.com.dius.pact.consumer.junit5.PactTestFor;
import au.com.dius.pact.core.model.PactSpecVersion;
import au.com.dius.pact.core.model.RequestResponsePact;
import au.com.dius.pact.core.model.annotations.Pact;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.passerelle.referral.client.DirectoryCommune;
import fr.passerelle.referral.client.DirectoryContact;
import fr.passerelle.referral.client.DirectoryEligibility;
import fr.passerelle.referral.client.DirectoryOrganisation;
import fr.passerelle.referral.client.DirectoryPlatform;
import fr.passerelle.referral.client.DirectoryProgramme;
import fr.passerelle.referral.support.DirectoryAnswers;
import fr.passerelle.referral.support.World;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The consumer side of the contract with directory-service: every kind of answer this service's tests stub (the bodies
 * of {@link DirectoryAnswers}, which {@link World} serves), recorded with its matching rules into
 * {@code contracts/pacts/referral-service-directory-service.json}, and decoded here by this service's own client types.
 * directory-service's provider test replays the file against the real directory; the file is committed because the
 * directory builds first: a change here shows as a diff to commit.
 */
@ExtendWith(PactConsumerTestExt.class)
@PactTestFor(providerName = DirectoryContractTest.PROVIDER, pactVersion = PactSpecVersion.V3)
class DirectoryContractTest {

    static final String PROVIDER = "directory-service";
    static final String CONSUMER = "referral-service";
    /** Example ids; the provider's states create the records and give their real ids. */
    static final UUID PROGRAMME = World.PROG_OPEN;
    static final UUID ORGANISATION = World.ORG_RELAIS;
    /** The query DirectoryClient#eligibility sends for the tests' 15-year-old at school in Villeurbanne. */
    static final String PUPIL_15 = "age=15&schoolLevel=TROISIEME&schoolingStatus=AT_RISK&communeCode=69266&livesInQpv=false";
    static final String LEFT_SCHOOL_17 = "age=17&schoolLevel=NONE&schoolingStatus=LEFT_SCHOOL&communeCode=69266&livesInQpv=false";

    private static final ObjectMapper JSON = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static final Map<String, String> JSON_ANSWER = Map.of("Content-Type", "application/json");

    @Pact(consumer = CONSUMER)
    RequestResponsePact openProgramme(PactDslWithProvider builder) {
        return builder.given("an open programme run by a member of a platform, serving the Rhône, for young people")
                .uponReceiving("a programme look-up")
                .pathFromProviderState("/api/v1/programmes/${programmeId}", "/api/v1/programmes/" + PROGRAMME).method("GET")
                .willRespondWith().status(200).headers(JSON_ANSWER)
                .body(DirectoryAnswers.programme(PROGRAMME, ORGANISATION, "Accompagnement remobilisation", List.of(World.P_LYON),
                        "DIRECT", true, true))
                .toPact();
    }

    @Pact(consumer = CONSUMER)
    RequestResponsePact closedProgramme(PactDslWithProvider builder) {
        return builder.given("a programme with no places left")
                .uponReceiving("a look-up of a programme that takes no referral")
                .pathFromProviderState("/api/v1/programmes/${programmeId}", "/api/v1/programmes/" + World.PROG_CLOSED).method("GET")
                .willRespondWith().status(200).headers(JSON_ANSWER)
                .body(DirectoryAnswers.programme(World.PROG_CLOSED, ORGANISATION, "Dispositif fermé", List.of(World.P_LYON),
                        "DIRECT", false, true))
                .toPact();
    }

    @Pact(consumer = CONSUMER)
    RequestResponsePact unknownProgramme(PactDslWithProvider builder) {
        return builder.uponReceiving("a look-up of a programme the directory does not know")
                .path("/api/v1/programmes/00000000-0000-4000-8000-000000000000").method("GET")
                .willRespondWith().status(404).headers(Map.of("Content-Type", "application/problem+json"))
                .toPact();
    }

    @Pact(consumer = CONSUMER)
    RequestResponsePact fits(PactDslWithProvider builder) {
        return builder.given("an open programme run by a member of a platform, serving the Rhône, for young people")
                .uponReceiving("an eligibility check the young person passes")
                .pathFromProviderState("/api/v1/programmes/${programmeId}/eligibility",
                        "/api/v1/programmes/" + PROGRAMME + "/eligibility").query(LEFT_SCHOOL_17).method("GET")
                .willRespondWith().status(200).headers(JSON_ANSWER)
                .body(DirectoryAnswers.eligibility(PROGRAMME, List.of(), true))
                .toPact();
    }

    @Pact(consumer = CONSUMER)
    RequestResponsePact doesNotFit(PactDslWithProvider builder) {
        return builder.given("a programme for young people of 16 to 25 who left school and live in a QPV, serving the Rhône")
                .uponReceiving("an eligibility check a 15-year-old at school outside a QPV fails on three rules")
                .pathFromProviderState("/api/v1/programmes/${programmeId}/eligibility",
                        "/api/v1/programmes/" + World.PROG_STRICT + "/eligibility").query(PUPIL_15).method("GET")
                .willRespondWith().status(200).headers(JSON_ANSWER)
                .body(DirectoryAnswers.eligibility(World.PROG_STRICT, List.of("AGE_BELOW_MINIMUM", "SCHOOLING_STATUS", "QPV_RESIDENCE"),
                        true))
                .toPact();
    }

    @Pact(consumer = CONSUMER)
    RequestResponsePact commune(PactDslWithProvider builder) {
        return builder.uponReceiving("a commune look-up")
                .path("/api/v1/territories/communes/" + World.VILLEURBANNE).method("GET")
                .willRespondWith().status(200).headers(JSON_ANSWER)
                .body(DirectoryAnswers.commune(World.VILLEURBANNE, "Villeurbanne", "69", "10"))
                .toPact();
    }

    @Pact(consumer = CONSUMER)
    RequestResponsePact platform(PactDslWithProvider builder) {
        return builder.given("a platform with member organisations")
                .uponReceiving("a platform look-up")
                .pathFromProviderState("/api/v1/platforms/${platformId}", "/api/v1/platforms/" + World.P_LYON).method("GET")
                .willRespondWith().status(200).headers(JSON_ANSWER)
                .body(DirectoryAnswers.platform(World.P_LYON, "PSAD Lyon Est", List.of(World.LYON), List.of(), List.of(ORGANISATION), true))
                .toPact();
    }

    @Pact(consumer = CONSUMER)
    RequestResponsePact organisation(PactDslWithProvider builder) {
        return builder.given("an organisation with a switchboard and a functional mailbox")
                .uponReceiving("an organisation look-up")
                .pathFromProviderState("/api/v1/organisations/${organisationId}", "/api/v1/organisations/" + ORGANISATION)
                .method("GET")
                .willRespondWith().status(200).headers(JSON_ANSWER)
                .body(DirectoryAnswers.organisation(ORGANISATION, "Dispositifs relais", World.RELAIS_MAILBOX))
                .toPact();
    }

    private static <T> T get(MockServer server, String pathAndQuery, Class<T> type) throws Exception {
        HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(URI.create(server.getUrl() + pathAndQuery))
                .header("Accept", "application/json").GET().build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, answer.statusCode(), answer.body());
        return JSON.readValue(answer.body(), type);
    }

    @Test
    @PactTestFor(pactMethod = "openProgramme")
    void anOpenProgrammeTakesReferralsAndNamesItsPlatforms(MockServer server) throws Exception {
        DirectoryProgramme p = get(server, "/api/v1/programmes/" + PROGRAMME, DirectoryProgramme.class);
        assertTrue(p.acceptsReferrals());
        assertEquals(PROGRAMME, p.id());
        assertEquals(ORGANISATION, p.organisationId());
        assertEquals("DIRECT", p.admissionMode());
        assertEquals(List.of(World.P_LYON), p.platformIdsOrEmpty());
    }

    @Test
    @PactTestFor(pactMethod = "closedProgramme")
    void aProgrammeWithNoPlacesTakesNone(MockServer server) throws Exception {
        assertFalse(get(server, "/api/v1/programmes/" + World.PROG_CLOSED, DirectoryProgramme.class).acceptsReferrals());
    }

    @Test
    @PactTestFor(pactMethod = "unknownProgramme")
    void anUnknownProgrammeIs404(MockServer server) throws Exception {
        HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(URI.create(server.getUrl()
                + "/api/v1/programmes/00000000-0000-4000-8000-000000000000")).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(404, answer.statusCode());
    }

    @Test
    @PactTestFor(pactMethod = "fits")
    void aYoungPersonWhoFitsHasNoMismatch(MockServer server) throws Exception {
        DirectoryEligibility e = get(server, "/api/v1/programmes/" + PROGRAMME + "/eligibility?" + LEFT_SCHOOL_17,
                DirectoryEligibility.class);
        assertEquals(Boolean.TRUE, e.fits());
        assertEquals(List.of(), e.mismatchesOrEmpty());
    }

    @Test
    @PactTestFor(pactMethod = "doesNotFit")
    void everyRuleNotMetComesAsACode(MockServer server) throws Exception {
        DirectoryEligibility e = get(server, "/api/v1/programmes/" + World.PROG_STRICT + "/eligibility?" + PUPIL_15,
                DirectoryEligibility.class);
        assertEquals(Boolean.FALSE, e.fits());
        assertEquals(List.of("AGE_BELOW_MINIMUM", "SCHOOLING_STATUS", "QPV_RESIDENCE"),
                e.mismatchesOrEmpty().stream().map(DirectoryEligibility.Mismatch::code).toList());
        assertTrue(e.mismatchesOrEmpty().stream().allMatch(m -> m.label() != null && !m.label().isBlank()));
    }

    @Test
    @PactTestFor(pactMethod = "commune")
    void aCommuneGivesItsDepartementAndAcademie(MockServer server) throws Exception {
        DirectoryCommune c = get(server, "/api/v1/territories/communes/" + World.VILLEURBANNE, DirectoryCommune.class);
        assertEquals(World.VILLEURBANNE, c.code());
        assertEquals("69", c.departementCode());
        assertTrue(c.academieCode() != null && !c.academieCode().isBlank());
    }

    @Test
    @PactTestFor(pactMethod = "platform")
    void aPlatformGivesItsTerritoryAndMembers(MockServer server) throws Exception {
        DirectoryPlatform p = get(server, "/api/v1/platforms/" + World.P_LYON, DirectoryPlatform.class);
        assertTrue(p.covers(new DirectoryCommune(World.LYON, "Lyon", "69", "10")));
        assertEquals(List.of(ORGANISATION), p.members().stream().map(DirectoryPlatform.Member::id).toList());
        assertEquals(Boolean.FALSE, p.archived());
    }

    @Test
    @PactTestFor(pactMethod = "organisation")
    void anOrganisationGivesItsFunctionalMailbox(MockServer server) throws Exception {
        DirectoryOrganisation o = get(server, "/api/v1/organisations/" + ORGANISATION, DirectoryOrganisation.class);
        assertEquals(List.of(World.RELAIS_MAILBOX), DirectoryContact.mailboxes(o.contacts()));
    }
}
