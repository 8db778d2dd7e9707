package fr.passerelle.e2e.support;

import static io.restassured.RestAssured.given;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A service's own count of the requests it served, read from its Prometheus endpoint (/q/metrics, management port).
 * A sample line may end with an exemplar ({@code # {span_id=…,trace_id=…} …}): the trace that last moved it.
 */
public final class Metrics {

    private static final Pattern COUNT = Pattern.compile(
            "^http_server_requests_seconds_count\\{([^}]*)}\\s+([0-9.eE+-]+)(?:\\s+#.*)?\\s*$", Pattern.MULTILINE);
    private static final Pattern URI = Pattern.compile("uri=\"([^\"]*)\"");

    private Metrics() {
    }

    /**
     * Sum of http_server_requests_seconds_count over every URI but the /q/ endpoints (health, metrics,
     * openapi): the API requests that reached this service (0 before the first one).
     */
    public static long apiRequests(String managementBaseUrl) {
        String body = given().baseUri(managementBaseUrl).get("/q/metrics").then().statusCode(200).extract().asString();
        Matcher m = COUNT.matcher(body);
        double sum = 0;
        while (m.find()) {
            Matcher uri = URI.matcher(m.group(1));
            String path = uri.find() ? uri.group(1) : "";
            if (!path.startsWith("/q/") && !path.equals("/q")) {
                sum += Double.parseDouble(m.group(2));
            }
        }
        return Math.round(sum);
    }
}
