package fr.passerelle.web.client;

import jakarta.enterprise.context.ApplicationScoped;
import java.net.http.HttpClient;
import java.time.Duration;

/** Owns the one HTTP client the application talks to the gateway with. */
@ApplicationScoped
public class HttpClients {

    private final SharedHttpClient shared = new SharedHttpClient(Duration.ofSeconds(3));

    HttpClient.Builder shared() {
        return shared;
    }
}
