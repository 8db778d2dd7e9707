package fr.passerelle.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

/**
 * What the web application promises before anyone logs in: every page sends the visitor to Keycloak with
 * authorization code + PKCE, the login state cookie is HttpOnly and short-lived, the headers lock the page down
 * (scripts from this origin only, no framing), the style sheets and scripts of the design system are public, and a
 * write without the CSRF token never reaches a page. The signed-in flows run against the real Keycloak in the
 * end-to-end browser suite (e2e, package browser).
 */
@QuarkusTest
@QuarkusTestResource(FakeKeycloak.class)
class WebSecurityTest {

    @Test
    void aVisitorIsSentToKeycloakWithPkce() {
        Response page = given().redirects().follow(false)
                .header("X-Forwarded-Proto", "http").header("X-Forwarded-Host", "localhost:8080")
                .when().get("/dossiers");
        page.then().statusCode(302)
                .header("Location", allOf(
                        containsString("/realms/passerelle/protocol/openid-connect/auth?"),
                        containsString("response_type=code"),
                        containsString("client_id=passerelle-web"),
                        containsString("code_challenge="),
                        containsString("code_challenge_method=S256"),
                        // behind the gateway, the user comes back to the address they used
                        containsString("redirect_uri=http%3A%2F%2Flocalhost%3A8080%2F")));
        String stateCookie = page.getHeaders().getValues("Set-Cookie").stream()
                .filter(c -> c.startsWith("q_auth")).findFirst().orElseThrow(() -> new AssertionError("no login state cookie"));
        assertTrue(stateCookie.toLowerCase().contains("httponly"), "HttpOnly: " + stateCookie);
        // The login state (PKCE verifier) lives five minutes; the session cookie's SameSite is checked in the browser suite.
        assertTrue(stateCookie.contains("Max-Age=300"), "short-lived: " + stateCookie);
    }

    @Test
    void pagesCarryAStrictContentSecurityPolicy() {
        Response page = given().redirects().follow(false).when().get("/");
        String csp = page.header("Content-Security-Policy");
        assertTrue(csp.contains("script-src 'self'"), csp);
        assertFalse(csp.contains("unsafe-inline"), "no inline script or style: " + csp);
        assertFalse(csp.contains("unsafe-eval"), csp);
        assertTrue(csp.contains("frame-ancestors 'none'"), csp);
        assertTrue(csp.contains("object-src 'none'"), csp);
        page.then().header("X-Frame-Options", "DENY").header("Cache-Control", "no-store")
                .header("Referrer-Policy", "same-origin");
    }

    @Test
    void theDesignSystemIsServedWithoutLogin() {
        given().redirects().follow(false).when().get("/dsfr/dsfr.min.css")
                .then().statusCode(200).contentType(containsString("text/css"))
                .header("Cache-Control", containsString("max-age"));
        given().redirects().follow(false).when().get("/dsfr/dsfr.module.min.js").then().statusCode(200);
        given().redirects().follow(false).when().get("/dsfr/chart/BarChart/BarChart.js").then().statusCode(200);
        given().redirects().follow(false).when().get("/css/passerelle.css").then().statusCode(200);
    }

    @Test
    void aWriteWithoutLoginNeverReachesAPage() {
        given().redirects().follow(false).contentType("application/x-www-form-urlencoded")
                .formParam("reason", "ABSENTEEISM")
                .when().post("/orientations/nouvelle")
                .then().statusCode(not(equalTo(200)));
    }
}
