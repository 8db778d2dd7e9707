package fr.passerelle.referral.support;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import com.github.tomakehurst.wiremock.client.WireMock;
import java.util.List;
import java.util.UUID;

/**
 * The directory as the tests see it: two PSAD platforms (Lyon with communes, Loire with a département), their
 * members' programmes, and the communes used. Tests needing their own slice stub extra records with the builders.
 */
public final class World {

    public static final UUID P_LYON = UUID.fromString("c1d2e3f4-a5b6-4c7d-8e9f-0a1b2c3d4e5f");
    public static final UUID P_LOIRE = UUID.fromString("d2e3f4a5-b6c7-4d8e-9f0a-1b2c3d4e5f60");
    public static final UUID ORG_RELAIS = UUID.fromString("8a1e2b3c-4d5e-4f60-8718-293a4b5c6d7e");
    public static final UUID ORG_E2C = UUID.fromString("9b2f3c4d-5e6f-4071-8829-3a4b5c6d7e8f");
    public static final UUID ORG_LOIRE = UUID.fromString("a03a4d5e-6f70-4182-9930-4b5c6d7e8f90");
    /** A Lyon member's programme the tests' young people fit (used by most tests). */
    public static final UUID PROG_OPEN = UUID.fromString("5d2f0e4a-9c1b-4b8e-8f3a-2e6d7c9b1a04");
    /** Another programme of the same organisation (redirect target). */
    public static final UUID PROG_RELAIS = UUID.fromString("6e3a1f5b-0d2c-4c9f-903b-3f7e8d0c2b15");
    /** Admission by CTO: the coordinator decides. */
    public static final UUID PROG_CTO = UUID.fromString("7f4b2a6c-1e3d-4da0-a14c-4a8f9e1d3c26");
    /** 16–25, left school only, QPV residence required: the directory says the tests' 15-year-old at school fits none. */
    public static final UUID PROG_STRICT = UUID.fromString("80c53b7d-2f4e-4eb1-b25d-5b9a0f2e4d37");
    public static final UUID PROG_CLOSED = UUID.fromString("91d64c8e-3a5f-4fc2-836e-6cab1a3f5e48");
    public static final UUID PROG_LOIRE = UUID.fromString("a2e75d9f-4b60-40d3-947f-7dbc2b406f59");
    /** A Lyon member with no partner account in Keycloak (like the seeds' MLDS). */
    public static final UUID ORG_MLDS = UUID.fromString("b14b5e6f-7081-4293-a041-5c6d7e8f90a1");
    /** Admission by CTO, run by ORG_MLDS: the coordinator receives, decides, starts and completes. */
    public static final UUID PROG_MLDS = UUID.fromString("c25c6f70-8192-43a4-b152-6d7e8f90a1b2");

    public static final String LYON = "69123";
    public static final String VILLEURBANNE = "69266";
    public static final String SAINT_ETIENNE = "42218";
    public static final String UNKNOWN_COMMUNE = "99999";

    private World() {
    }

    public static WireMock wireMock() {
        int port = Integer.getInteger(DirectoryStub.PORT_PROPERTY);
        return new WireMock("localhost", port);
    }

    public static final String RELAIS_MAILBOX = "accueil@relais.test";
    public static final String PLATFORM_MAILBOX = "psad@plateforme.test";
    /** A platform whose co-animator (ORG_COANIMATOR) has a mailbox: escalations. */
    public static final UUID P_ESCALATION = UUID.fromString("e5f6a7b8-c9d0-4e1f-8a2b-3c4d5e6f7a8b");
    public static final UUID ORG_COANIMATOR = UUID.fromString("f6a7b8c9-d0e1-4f2a-9b3c-4d5e6f7a8b9c");

    /** An organisation with a phone and a functional mailbox. */
    public static void organisation(WireMock wm, UUID id, String name, String mailbox) {
        wm.register(com.github.tomakehurst.wiremock.client.WireMock.get(
                com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo("/api/v1/organisations/" + id)).willReturn(
                com.github.tomakehurst.wiremock.client.WireMock.aResponse().withHeader("Content-Type", "application/json").withBody(
                "{\"id\":\"" + id + "\",\"name\":\"" + name + "\",\"kind\":\"ASSOCIATION\",\"status\":\"ACTIVE\",\"archived\":false,"
                        + "\"contacts\":[{\"kind\":\"PHONE\",\"value\":\"04 00 00 00 00\"},{\"kind\":\"EMAIL\",\"value\":\"" + mailbox
                        + "\",\"label\":\"Accueil\"}],\"programmes\":[]}")));
    }

    static void registerBase(WireMock wm) {
        commune(wm, LYON, "Lyon", "69", "10");
        commune(wm, VILLEURBANNE, "Villeurbanne", "69", "10");
        commune(wm, SAINT_ETIENNE, "Saint-Étienne", "42", "10");
        platform(wm, P_LYON, "PSAD Lyon Est", List.of(LYON, VILLEURBANNE), List.of(), List.of(ORG_RELAIS, ORG_E2C, ORG_MLDS));
        platform(wm, P_LOIRE, "PSAD Loire Sud", List.of(), List.of("42"), List.of(ORG_LOIRE));
        new Programme(PROG_OPEN, ORG_RELAIS, "Accompagnement remobilisation", List.of(P_LYON)).register(wm);
        new Programme(PROG_RELAIS, ORG_RELAIS, "Classe relais de Villeurbanne", List.of(P_LYON)).register(wm);
        new Programme(PROG_CTO, ORG_E2C, "École de la deuxième chance", List.of(P_LYON)).admission("CTO").register(wm);
        // The directory's answer for the tests' 15-year-old at school outside a QPV: three rules not met.
        new Programme(PROG_STRICT, ORG_E2C, "Parcours insertion QPV", List.of(P_LYON))
                .doesNotFit("AGE_BELOW_MINIMUM", "SCHOOLING_STATUS", "QPV_RESIDENCE").register(wm);
        new Programme(PROG_CLOSED, ORG_RELAIS, "Dispositif fermé", List.of(P_LYON)).closed().register(wm);
        new Programme(PROG_LOIRE, ORG_LOIRE, "Microlycée de Saint-Étienne", List.of(P_LOIRE)).register(wm);
        new Programme(PROG_MLDS, ORG_MLDS, "MLDS – remobilisation", List.of(P_LYON)).admission("CTO").register(wm);
        // Functional mailboxes, there from the start: a look-up made before a test registers them would be cached empty.
        organisation(wm, ORG_RELAIS, "Dispositifs relais", RELAIS_MAILBOX);
        organisation(wm, ORG_COANIMATOR, "CIO de test", PLATFORM_MAILBOX);
        wm.register(com.github.tomakehurst.wiremock.client.WireMock.get(
                com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo("/api/v1/platforms/" + P_ESCALATION)).willReturn(
                com.github.tomakehurst.wiremock.client.WireMock.aResponse().withHeader("Content-Type", "application/json").withBody(
                "{\"id\":\"" + P_ESCALATION + "\",\"name\":\"PSAD de test\",\"territory\":{\"communes\":[],\"departements\":[\"01\"],"
                        + "\"academies\":[]},\"coAnimators\":[{\"id\":\"" + ORG_COANIMATOR + "\",\"name\":\"CIO de test\",\"kind\":\"CIO\"}],"
                        + "\"members\":[],\"archived\":false}")));
        // Keycloak: every organisation but ORG_MLDS has a partner account.
        Accounts.registerBase(wm);
        Accounts.partnerAccount(wm, ORG_RELAIS, "kc-partner-relais");
        Accounts.partnerAccount(wm, ORG_E2C, "kc-partner-e2c");
        Accounts.partnerAccount(wm, ORG_LOIRE, "kc-partner-loire");
    }

    public static void commune(WireMock wm, String code, String name, String departement, String academie) {
        wm.register(get(urlPathEqualTo("/api/v1/territories/communes/" + code)).willReturn(json(
                DirectoryAnswers.commune(code, name, departement, academie).getBody().serialise())));
    }

    public static void platform(WireMock wm, UUID id, String name, List<String> communes, List<String> departements,
                                List<UUID> members) {
        wm.register(get(urlPathEqualTo("/api/v1/platforms/" + id)).willReturn(json(
                DirectoryAnswers.platform(id, name, communes, departements, members, false).getBody().serialise())));
    }

    /**
     * A programme as directory-service answers it, and the directory's answer to whether the tests' young person fits
     * it (both from {@link DirectoryAnswers}, the bodies the contract with directory-service pins).
     */
    public static final class Programme {
        private final UUID id;
        private final UUID organisation;
        private final String name;
        private final List<UUID> platforms;
        private String admission = "DIRECT";
        private boolean open = true;
        private List<String> mismatches = List.of();

        public Programme(UUID id, UUID organisation, String name, List<UUID> platforms) {
            this.id = id;
            this.organisation = organisation;
            this.name = name;
            this.platforms = platforms;
        }

        public Programme admission(String mode) {
            admission = mode;
            return this;
        }

        /** The rules directory-service says the young person does not meet (by default: fits). */
        public Programme doesNotFit(String... codes) {
            mismatches = List.of(codes);
            return this;
        }

        public Programme closed() {
            open = false;
            return this;
        }

        public void register(WireMock wm) {
            wm.register(get(urlPathEqualTo("/api/v1/programmes/" + id)).willReturn(json(
                    DirectoryAnswers.programme(id, organisation, name, platforms, admission, open, false).getBody().serialise())));
            // Only the query the contract pins is answered (the criteria the directory requires, by their names).
            wm.register(get(urlPathEqualTo("/api/v1/programmes/" + id + "/eligibility"))
                    .withQueryParam("age", matching("[0-9]+")).withQueryParam("schoolLevel", matching("[A-Z_]+"))
                    .withQueryParam("schoolingStatus", matching("[A-Z_]+")).withQueryParam("communeCode", matching("[0-9][0-9AB][0-9]{3}"))
                    .willReturn(json(
                    DirectoryAnswers.eligibility(id, mismatches, false).getBody().serialise())));
        }
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder json(String body) {
        return aResponse().withHeader("Content-Type", "application/json").withBody(body);
    }
}
