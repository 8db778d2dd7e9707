package fr.passerelle.e2e;

import static fr.passerelle.e2e.support.Api.as;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.passerelle.e2e.support.Api;
import fr.passerelle.e2e.support.E2e;
import fr.passerelle.e2e.support.Stack;
import io.restassured.response.Response;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * With referral-service stopped, its routes answer problem+json 502/503 from the gateway, saying nothing
 * of the upstream; the directory's routes keep working; the gateway stays ready (it still serves the
 * directory) and its readiness data reports the referral upstream DOWN.
 * The service is then started again (deploy/local/start --no-build starts what is missing) and the
 * suite goes on with a whole stack.
 */
@E2e
@Order(7)
class UpstreamDownIT {

    @Test
    void aStoppedServiceGivesProblemJson502or503AndComesBack() throws Throwable {
        ProcessHandle referral = Stack.part("referral-service", Stack.serviceJar("referral-service"))
                .orElse(null);
        Assumptions.assumeTrue(referral != null,
                "referral-service was not started by deploy/local/start (no live pid in deploy/local/run/pids): not stopping it");
        // start truncates the log of a part it restarts: keep this run's lines for LogHygieneIT.
        Stack.snapshotLogs("before-referral-restart");
        Throwable failure = null;
        try {
            referral.destroy();
            try {
                referral.onExit().get(60, TimeUnit.SECONDS);
            } catch (TimeoutException e) {
                referral.destroyForcibly();
            }
            Stack.await("referral-service to exit", Duration.ofSeconds(30), () -> !referral.isAlive());

            for (String path : List.of("/api/v1/referrals", "/api/v1/cases", "/api/v1/triage")) {
                String who = path.endsWith("triage") ? "coordinator1" : "referent1";
                Response response = as(who).get(path);
                response.then()
                        .statusCode(anyOf(equalTo(502), equalTo(503)))
                        .contentType(Api.PROBLEM_JSON)
                        .body("status", equalTo(response.statusCode()))
                        .body("instance", equalTo(path));
                String body = response.asString().toLowerCase(Locale.ROOT);
                for (String leak : List.of("127.0.0.1", "localhost", "8082", "refused", "exception", "vertx", "netty", "java.")) {
                    assertFalse(body.contains(leak), "no upstream detail in the answer (" + leak + "): " + body);
                }
                assertTrue(response.header("X-Request-Id") != null, "the answer carries a request id to quote");
            }
            // The directory is unaffected.
            as("referent1").get("/api/v1/programmes/codes").then().statusCode(200);
            // The gateway stays in rotation (it still serves the directory) and its readiness names the upstream down.
            Stack.await("the gateway's readiness to report referral DOWN", Duration.ofSeconds(30),
                    () -> "DOWN".equals(upstreamHealth("referral")));
            assertTrue("UP".equals(upstreamHealth("directory")), "the directory upstream is reported UP");
        } catch (Throwable t) {
            failure = t;
        } finally {
            // Whatever happened, bring the service back; a failed restart must not hide the first failure.
            try {
                Stack.startMissing();
            } catch (RuntimeException | AssertionError restart) {
                if (failure == null) {
                    throw restart;
                }
                failure.addSuppressed(restart);
            }
        }
        if (failure != null) {
            throw failure;
        }
        // Back: ready, and referral routes answer again (bounded wait for any circuit breaker to close).
        Stack.await("referral routes to answer through the gateway again", Duration.ofSeconds(60),
                () -> as("referent1").queryParam("size", 1).get("/api/v1/cases").statusCode() == 200);
        Stack.await("the gateway's readiness to report referral UP", Duration.ofSeconds(30),
                () -> "UP".equals(upstreamHealth("referral")));
    }

    /** The gateway's readiness data for one upstream (UP / DOWN), or null. */
    private static String upstreamHealth(String upstream) {
        Response health = given().baseUri(Stack.GATEWAY_MANAGEMENT).get("/q/health/ready");
        if (health.statusCode() != 200) {
            return "gateway readiness " + health.statusCode();
        }
        return health.jsonPath().getString("checks.find { it.name == 'upstreams' }.data." + upstream);
    }
}
