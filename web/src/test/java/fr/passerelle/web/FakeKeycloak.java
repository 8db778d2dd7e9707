package fr.passerelle.web;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/** Keycloak's discovery document and (empty) key set, enough for the web application to start and send logins. */
public class FakeKeycloak implements QuarkusTestResourceLifecycleManager {

    static final String REALM = "/realms/passerelle";
    private WireMockServer server;

    @Override
    public Map<String, String> start() {
        server = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        server.start();
        String issuer = "http://127.0.0.1:" + server.port() + REALM;
        String oidc = issuer + "/protocol/openid-connect";
        server.stubFor(get(urlEqualTo(REALM + "/.well-known/openid-configuration")).willReturn(aResponse()
                .withHeader("Content-Type", "application/json")
                .withBody("""
                        {"issuer":"%s","authorization_endpoint":"%s/auth","token_endpoint":"%s/token",
                         "jwks_uri":"%s/certs","end_session_endpoint":"%s/logout","userinfo_endpoint":"%s/userinfo",
                         "code_challenge_methods_supported":["S256"]}""".formatted(issuer, oidc, oidc, oidc, oidc, oidc))));
        server.stubFor(get(urlEqualTo(REALM + "/protocol/openid-connect/certs")).willReturn(aResponse()
                .withHeader("Content-Type", "application/json").withBody("{\"keys\":[]}")));
        return Map.of("quarkus.oidc.auth-server-url", issuer);
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop();
        }
    }
}
