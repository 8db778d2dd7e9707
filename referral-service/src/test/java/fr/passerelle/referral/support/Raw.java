package fr.passerelle.referral.support;

import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** Requests byte for byte as sent, headers only as given: what a REST client would correct or add for us. */
public final class Raw {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private Raw() {
    }

    public record Answer(int status, String contentType, String body) {
        public JsonPath json() {
            return JsonPath.from(body);
        }
    }

    public static Answer send(String method, String path, String token, Map<String, String> headers, byte[] body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + RestAssured.port + path))
                .header("Authorization", "Bearer " + token).header("Accept", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        headers.forEach(request::header);
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Answer(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""), response.body());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public static Answer json(String method, String path, String token, Map<String, String> headers, String body) {
        return send(method, path, token, headers, body.getBytes(StandardCharsets.UTF_8));
    }
}
