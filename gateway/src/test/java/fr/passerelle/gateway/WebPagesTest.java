package fr.passerelle.gateway;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.http.Fault;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.net.URL;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The web application's pages: every path the gateway does not serve itself, relayed with cookies, without a token. */
@QuarkusTest
class WebPagesTest {

    @TestHTTPResource("/")
    URL root;
    @TestHTTPResource(value = "/health/ready", management = true)
    URL readiness;

    @BeforeEach
    void reset() {
        StubUpstreams.web.resetAll();
        StubUpstreams.directory.resetAll();
        StubUpstreams.referral.resetAll();
    }

    @Test
    void aPageReachesTheWebApplicationWithItsCookiesAndForwardingHeadersAndNoToken() {
        StubUpstreams.web.stubFor(get(urlEqualTo("/dossiers?page=2"))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "text/html;charset=UTF-8").withBody("<p>Dossiers</p>")));
        String authority = root.getHost() + ":" + root.getPort();
        Response answer = given()
                .header("Cookie", "q_session=abc; other=1")
                .header("Accept", "text/html")
                // A client cannot pass itself off as a proxy in front of the gateway.
                .header("X-Forwarded-Host", "evil.example")
                .header("X-Forwarded-Proto", "https")
                .header("Forwarded", "for=10.0.0.1;host=evil.example")
                .header("X-Forwarded-For", "10.0.0.1")
                .when().get("/dossiers?page=2");
        assertEquals(200, answer.statusCode());
        assertEquals("<p>Dossiers</p>", answer.body().asString());
        StubUpstreams.web.verify(getRequestedFor(urlEqualTo("/dossiers?page=2"))
                .withHeader("Cookie", equalTo("q_session=abc; other=1"))
                .withHeader("X-Forwarded-Proto", equalTo("http"))
                .withHeader("X-Forwarded-Host", equalTo(authority))
                .withHeader("X-Forwarded-Port", equalTo(String.valueOf(root.getPort())))
                .withHeader("X-Forwarded-For", equalTo("127.0.0.1"))
                .withHeader("Forwarded", absent())
                .withHeader("Authorization", absent())
                .withHeader("X-Request-Id", equalTo(answer.header("X-Request-Id"))));
        StubUpstreams.directory.verify(0, anyRequestedFor(anyUrl()));
        StubUpstreams.referral.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void theRootAndAFormPostGoThereToo() {
        StubUpstreams.web.stubFor(get(urlEqualTo("/")).willReturn(aResponse().withStatus(200).withBody("accueil")));
        StubUpstreams.web.stubFor(post(urlEqualTo("/deconnexion")).willReturn(aResponse().withStatus(303).withHeader("Location", "/")));
        given().redirects().follow(false).when().get("/").then().statusCode(200).body(is("accueil"));
        given().redirects().follow(false).contentType("application/x-www-form-urlencoded").formParam("csrf", "t0k3n")
                .when().post("/deconnexion")
                .then().statusCode(303).header("Location", "/");
        StubUpstreams.web.verify(postRequestedFor(urlEqualTo("/deconnexion")).withRequestBody(equalTo("csrf=t0k3n")));
    }

    @Test
    void setCookieAndLocationComeBackAndNoCacheControlIsAdded() {
        StubUpstreams.web.stubFor(get(urlEqualTo("/")).willReturn(aResponse().withStatus(302)
                .withHeader("Location", "http://localhost:8180/realms/passerelle/protocol/openid-connect/auth?client_id=passerelle-web")
                .withHeader("Set-Cookie", "q_auth_state=xyz; Path=/; HttpOnly; SameSite=Lax")
                .withHeader("Set-Cookie", "other=1; Path=/")));
        Response answer = given().redirects().follow(false).when().get("/");
        assertEquals(302, answer.statusCode());
        assertEquals("http://localhost:8180/realms/passerelle/protocol/openid-connect/auth?client_id=passerelle-web", answer.header("Location"));
        assertEquals(List.of("q_auth_state=xyz; Path=/; HttpOnly; SameSite=Lax", "other=1; Path=/"), answer.headers().getValues("Set-Cookie"));
        assertNull(answer.header("Cache-Control"), "the web application decides its own caching");
        assertEquals("nosniff", answer.header("X-Content-Type-Options"));
    }

    @Test
    void theApiStillNeedsAToken() {
        given().header("Cookie", "q_session=abc").when().get("/api/v1/cases")
                .then().statusCode(401).contentType("application/problem+json");
        given().when().get("/api").then().statusCode(401).contentType("application/problem+json");
        StubUpstreams.web.verify(0, anyRequestedFor(anyUrl()));
        StubUpstreams.referral.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void theGatewaysOwnDocumentsStayItsOwn() {
        given().when().get("/q/openapi").then().statusCode(200);
        given().when().get("/q/nothing").then().statusCode(404).contentType("application/problem+json");
        StubUpstreams.web.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void aBrowserGetsAFrenchPageWhenTheWebApplicationCannotAnswer() {
        StubUpstreams.web.stubFor(get(urlPathMatching("/cassee")).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        Response page = given().header("Accept", "text/html,application/xhtml+xml,*/*;q=0.8").when().get("/cassee");
        assertEquals(502, page.statusCode());
        assertTrue(page.contentType().startsWith("text/html"), page.contentType());
        assertTrue(page.body().asString().contains("Service momentanément indisponible"), page.body().asString());
        assertTrue(page.body().asString().contains(page.header("X-Request-Id")));
        assertEquals("no-store", page.header("Cache-Control"));
        assertFalse(page.header("Content-Security-Policy").contains("script"));
        // A program gets the usual problem.
        given().header("Accept", "application/json").when().get("/cassee")
                .then().statusCode(502).contentType("application/problem+json")
                .body("type", is("https://passerelle.example.org/problems/bad-gateway"));
    }

    @Test
    void aBare503IsReplacedButTheWebApplicationsOwnErrorPageIsRelayed() {
        StubUpstreams.web.stubFor(get(urlEqualTo("/demarrage")).willReturn(aResponse().withStatus(503)));
        StubUpstreams.web.stubFor(get(urlEqualTo("/erreur")).willReturn(aResponse().withStatus(500)
                .withHeader("Content-Type", "text/html; charset=utf-8").withBody("<h1>Erreur</h1>")));
        given().header("Accept", "text/html").when().get("/demarrage")
                .then().statusCode(503).contentType(containsString("text/html")).header("Retry-After", "1");
        given().header("Accept", "text/html").when().get("/erreur")
                .then().statusCode(500).body(is("<h1>Erreur</h1>"));
    }

    @Test
    void theGatewayStaysReadyWithoutTheWebApplication() {
        // The web stub answers nothing at /management/q/health/live: the web application is down.
        given().when().get(readiness)
                .then().statusCode(200)
                .body("status", is("UP"))
                .body("checks.find { it.name == 'upstreams' }.data.web", is("DOWN"));
    }
}
