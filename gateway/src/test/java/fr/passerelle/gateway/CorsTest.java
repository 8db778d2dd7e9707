package fr.passerelle.gateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.anyOf;

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
    void preflightFromAnotherOriginIsRefused() {
        given().header("Origin", "https://evil.example")
                .header("Access-Control-Request-Method", "POST")
                .when().options("/api/v1/referrals")
                .then().statusCode(anyOf(is(403), is(200)))
                .header("Access-Control-Allow-Origin", nullValue());
    }

    @Test
    void aCrossOriginCallFromAnotherOriginGetsNoAllowOrigin() {
        given().header("Origin", "https://evil.example")
                .when().get("/api/v1/organisations")
                .then().header("Access-Control-Allow-Origin", nullValue());
    }
}
