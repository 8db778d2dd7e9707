package fr.passerelle.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * Access tokens from the stack's Keycloak for the demo users (password grant through the dev public client
 * passerelle-cli, password = user name). Tokens live 5 minutes: a scenario asks for a fresh one when it starts.
 */
public final class Tokens {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String tokenUrl;

    public Tokens(String issuer) {
        this.tokenUrl = issuer + "/protocol/openid-connect/token";
    }

    public String fresh(String user) {
        String form = "grant_type=password&client_id=passerelle-cli&username=" + enc(user) + "&password=" + enc(user);
        try {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(tokenUrl)).timeout(Duration.ofSeconds(20))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) {
                throw new IllegalStateException("Keycloak refused a token for " + user + ": HTTP " + r.statusCode());
            }
            JsonNode body = JSON.readTree(r.body());
            return body.path("access_token").asText();
        } catch (java.io.IOException e) {
            throw new IllegalStateException("Keycloak unreachable at " + tokenUrl + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
