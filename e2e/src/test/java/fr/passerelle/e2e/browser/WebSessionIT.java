package fr.passerelle.e2e.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.passerelle.e2e.support.E2e;
import fr.passerelle.e2e.support.Stack;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The web application in a real browser, through the gateway: Keycloak login for each demo user, the session kept
 * server-side (an HttpOnly, SameSite cookie; no token readable from the page's scripts), a strict Content-Security-Policy,
 * a logout that ends the Keycloak session, and no serious or critical accessibility violation on the home page.
 * With -Dpasserelle.screens the pages are also saved to docs/screens/.
 */
@E2e
@Order(4)
class WebSessionIT {

    /** Demo users (password = user name) and the name the home page shows. */
    static final Map<String, String> USERS = Map.of(
            "referent1", "Sophie Garnier",
            "referent2", "Karim Benali",
            "coordinator1", "Nathalie Morel",
            "partner1", "Julien Fabre",
            "admin1", "Élodie Perrin",
            "auditor1", "Thomas Leclerc");
    /** Quarkus OIDC's session cookie (q_session, or q_session_chunk_N when it is split). */
    static final String SESSION_COOKIE = "q_session";
    static final By LOGOUT = By.xpath("//*[self::a or self::button][normalize-space()='Se déconnecter']");

    @BeforeAll
    static void theWebApplicationRuns() {
        assertTrue(Stack.webBuilt(), "the web module is not built (web/target/quarkus-app/quarkus-run.jar): ./mvnw package -pl web -am");
        assertTrue(Stack.webReady(), "the web application is not ready on " + Stack.WEB_MANAGEMENT + "/q/health/ready (deploy/local/start)");
    }

    @Test
    @Order(1)
    void aVisitorWhoIsNotLoggedInIsSentToTheKeycloakLoginPage() {
        try (Browser browser = Browser.open()) {
            browser.get(Login.WEB);
            Login.waitForLoginPage(browser);
            assertTrue(browser.url().startsWith(Stack.ISSUER + "/protocol/openid-connect/auth?"), browser.url());
            assertTrue(browser.url().contains("client_id=passerelle-web"), browser.url());
            assertTrue(browser.url().contains("code_challenge_method=S256"), "PKCE S256: " + browser.url());
            assertTrue(browser.url().contains("redirect_uri=http%3A%2F%2Flocalhost%3A8080%2F"),
                    "the redirect URI is the gateway's public address: " + browser.url());
            browser.screenshotForDocs("connexion");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"referent1", "referent2", "coordinator1", "partner1", "admin1", "auditor1"})
    @Order(2)
    void eachDemoUserLogsInLandsOnTheHomePageAndNoTokenReachesThePage(String user) {
        try (Browser browser = Browser.open()) {
            Login.as(browser, user);
            String name = USERS.get(user);
            browser.until("the home page showing " + name, d -> browser.text().contains(name));
            assertTrue(browser.url().startsWith(Stack.GATEWAY + "/"), browser.url());

            List<String> leaks = Tokens.readableFromScript(browser);
            assertTrue(leaks.isEmpty(), "tokens readable from the page's JavaScript: " + leaks);

            Set<Cookie> cookies = browser.driver().manage().getCookies();
            List<Cookie> session = cookies.stream().filter(c -> c.getName().startsWith(SESSION_COOKIE)).toList();
            assertFalse(session.isEmpty(), "no " + SESSION_COOKIE + " cookie among "
                    + cookies.stream().map(Cookie::getName).collect(Collectors.joining(", ")));
            for (Cookie c : session) {
                assertTrue(c.isHttpOnly(), c.getName() + " must be HttpOnly");
                assertTrue("Lax".equalsIgnoreCase(c.getSameSite()) || "Strict".equalsIgnoreCase(c.getSameSite()),
                        c.getName() + " must be SameSite Lax or Strict, is " + c.getSameSite());
            }

            List<Axe.Violation> violations = Axe.serious(browser);
            assertTrue(violations.isEmpty(), Axe.describe("home page of " + user, violations));
            browser.screenshotForDocs("accueil-" + user);
        }
    }

    @Test
    @Order(3)
    void thePagesForbidInlineScripts() throws Exception {
        try (Browser browser = Browser.open()) {
            Login.as(browser, "referent1");
            String cookieHeader = browser.driver().manage().getCookies().stream()
                    .map(c -> c.getName() + "=" + c.getValue()).collect(Collectors.joining("; "));
            HttpResponse<String> page = get(Login.WEB, cookieHeader);
            assertEquals(200, page.statusCode(), "the session cookie alone opens the home page");
            assertCspForbidsInlineScripts(page);
        }
        // The answer that sends a visitor to Keycloak carries it too.
        assertCspForbidsInlineScripts(get(Login.WEB, null));
    }

    @Test
    @Order(4)
    void loggingOutEndsTheKeycloakSession() {
        try (Browser browser = Browser.open()) {
            Login.as(browser, "referent1");
            WebElement logout = browser.waitClickable(LOGOUT);
            logout.click();
            browser.until("leaving the page after « Se déconnecter »", ExpectedConditions.stalenessOf(logout));
            if (browser.isPresent(By.id("kc-logout"))) {
                // Keycloak asks for a confirmation only when the application sent no id_token_hint.
                browser.driver().findElement(By.id("kc-logout")).click();
            }
            browser.get(Login.WEB);
            Login.waitForLoginPage(browser);
            assertFalse(browser.text().contains(USERS.get("referent1")), "the home page must not show again without a login");
        }
    }

    private static HttpResponse<String> get(String url, String cookies) throws IOException, InterruptedException {
        HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(15))
                .header("Accept", "text/html").GET();
        if (cookies != null && !cookies.isEmpty()) {
            request.header("Cookie", cookies);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void assertCspForbidsInlineScripts(HttpResponse<String> answer) {
        String csp = answer.headers().firstValue("Content-Security-Policy").orElse(null);
        assertNotNull(csp, "no Content-Security-Policy on " + answer.uri() + " (status " + answer.statusCode() + ")");
        Map<String, String> directives = Arrays.stream(csp.split(";")).map(String::trim).filter(d -> !d.isEmpty())
                .collect(Collectors.toMap(d -> d.split("\\s+", 2)[0].toLowerCase(), d -> d, (a, b) -> a));
        String scripts = directives.getOrDefault("script-src", directives.get("default-src"));
        assertNotNull(scripts, "neither script-src nor default-src in " + csp);
        assertFalse(scripts.contains("'unsafe-inline'"), "inline scripts allowed: " + csp);
        assertFalse(scripts.contains("'unsafe-eval'"), "eval allowed: " + csp);
    }
}
