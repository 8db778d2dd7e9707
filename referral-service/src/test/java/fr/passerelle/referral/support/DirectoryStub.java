package fr.passerelle.referral.support;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlMatching;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * directory-service, the OIDC token endpoint and Keycloak's admin API ({@link Accounts}), stubbed at the HTTP level on a random port. Tests reach
 * it through {@link World#wireMock()} (WireMock's admin API), so they do not share objects across class loaders.
 */
public class DirectoryStub implements QuarkusTestResourceLifecycleManager {

    public static final String PORT_PROPERTY = "referral-tests.directory.port";
    public static final String ACCESS_TOKEN = "referral-service-test-token";

    private WireMockServer server;

    @Override
    public Map<String, String> start() {
        server = new WireMockServer(options().dynamicPort().disableRequestJournal().containerThreads(20));
        server.start();
        WireMock wm = new WireMock("localhost", server.port());
        // Unknown directory records: 404 problem+json (lowest priority; specific stubs win).
        wm.register(any(urlMatching("/api/v1/.*")).atPriority(10).willReturn(aResponse().withStatus(404)
                .withHeader("Content-Type", "application/problem+json")
                .withBody("{\"type\":\"https://passerelle.example.org/problems/not-found\",\"title\":\"Not found\",\"status\":404}")));
        // The service's own client-credentials token.
        wm.register(post(urlPathEqualTo("/realms/passerelle/protocol/openid-connect/token")).willReturn(aResponse()
                .withHeader("Content-Type", "application/json")
                .withBody("{\"access_token\":\"" + ACCESS_TOKEN + "\",\"token_type\":\"Bearer\",\"expires_in\":3600}")));
        World.registerBase(wm);
        String base = "http://localhost:" + server.port();
        System.setProperty(PORT_PROPERTY, Integer.toString(server.port()));
        return Map.of(
                "quarkus.rest-client.directory.url", base,
                "quarkus.rest-client.keycloak-admin.url", base + Accounts.ADMIN,
                "quarkus.oidc-client.auth-server-url", base + "/realms/passerelle");
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop();
        }
    }
}
