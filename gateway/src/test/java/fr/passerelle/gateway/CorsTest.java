package fr.passerelle.gateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.matchesPattern;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
class CorsTest {

    @Test
    void preflightFromAConfiguredOriginIsAllowed() {
        given().header("Origin", "https://app.passerelle.test")
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "Authorization,Content-Type,Idempotency-Key")
                .when().options("/api/v1/referrals")
                .then().statusCode(200)
                .header("Access-Control-Allow-Origin", "https://app.passerelle.test")
                .header("Access-Control-Allow-Methods", containsString("POST"))
                .header("Access-Control-Allow-Origin", not("*"));
    }

    @Test
    void preflightFromAnotherOriginIs403Problem() {
        given().header("Origin", "https://evil.example")
                .header("Access-Control-Request-Method", "POST")
                .when().options("/api/v1/referrals")
                .then().statusCode(403)
                .contentType("application/problem+json")
                .body("type", is("https://passerelle.example.org/problems/forbidden"))
                .body("requestId", matchesPattern(RoutingTest.UUID_PATTERN))
                .header("Access-Control-Allow-Origin", nullValue());
    }

    @Test
    void aCrossOriginCallFromAnotherOriginIs403ProblemWithNoAllowOrigin() {
        given().header("Origin", "https://evil.example")
                .when().get("/api/v1/organisations")
                .then().statusCode(403)
                .contentType("application/problem+json")
                .body("status", is(403))
                .header("Access-Control-Allow-Origin", nullValue());
    }

    @Test
    void aMethodCorsDoesNotAllowIs403Problem() {
        given().header("Origin", "https://app.passerelle.test")
                .when().head("/api/v1/organisations")
                .then().statusCode(403)
                .header("Access-Control-Allow-Origin", nullValue());
        given().header("Origin", "https://app.passerelle.test")
                .when().options("/api/v1/organisations")
                .then().statusCode(403)
                .contentType("application/problem+json");
    }

    @Test
    void aSameOriginCallIsNotACrossOriginOne() {
        // The web application is served by the gateway itself: its own origin needs no listing.
        given().header("Origin", io.restassured.RestAssured.baseURI + ":" + io.restassured.RestAssured.port)
                .when().get("/api/v1/organisations")
                .then().statusCode(401)
                .body("type", is("https://passerelle.example.org/problems/unauthorized"));
    }
}
