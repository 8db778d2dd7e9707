package fr.passerelle.e2e.browser;

import static fr.passerelle.e2e.browser.Pages.check;
import static fr.passerelle.e2e.browser.Pages.open;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.passerelle.e2e.support.E2e;
import fr.passerelle.e2e.support.Stack;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/**
 * Every page of every role's menu, in a real browser: the menu offers exactly what the role may do, each page passes
 * axe (no serious or critical violation), has one title and no token for its scripts, stays usable 360 px wide (no
 * sideways scrolling), and the keyboard reaches the skip link first. A page of another role's menu opened by URL
 * answers the French refusal page, never its data.
 */
@E2e
@Order(6)
class WebPagesIT {

    /** Menu of each demo user: label → path, in order. */
    static final Map<String, Map<String, String>> MENUS = Map.of(
            "referent1", menu("Accueil", "/", "Dossiers de l'établissement", "/dossiers", "Orientations", "/orientations",
                    "Trouver un dispositif", "/dispositifs/recherche"),
            "coordinator1", menu("Accueil", "/", "File de triage", "/triage", "Dossiers", "/dossiers",
                    "Orientations", "/orientations", "Trouver un dispositif", "/dispositifs/recherche",
                    "Statistiques", "/statistiques"),
            "partner1", menu("Accueil", "/", "Orientations reçues", "/orientations", "Places disponibles", "/places"),
            "admin1", menu("Accueil", "/", "Statistiques", "/statistiques", "Dispositifs", "/annuaire/dispositifs",
                    "Structures", "/annuaire/structures", "Importer des établissements", "/annuaire/etablissements",
                    "Journal des modifications", "/annuaire/journal"),
            "auditor1", menu("Accueil", "/", "Statistiques", "/statistiques", "Journal des accès", "/audit",
                    "Droit d'accès", "/audit/droit-d-acces"));

    /** A page of another role, opened by URL, and the title of the refusal. */
    static final Map<String, String> FORBIDDEN = Map.of(
            "referent1", "/audit",
            "partner1", "/triage",
            "admin1", "/dossiers",
            "auditor1", "/orientations",
            "coordinator1", "/places");

    @BeforeAll
    static void theWebApplicationRuns() {
        assertTrue(Stack.webReady(), "the web application is not ready on " + Stack.WEB_MANAGEMENT + "/q/health/ready");
    }

    @ParameterizedTest
    @ValueSource(strings = {"referent1", "coordinator1", "partner1", "admin1", "auditor1"})
    void eachRoleSeesItsMenuAndEveryPageOfItPassesTheChecks(String user) {
        try (Browser browser = Browser.open()) {
            Login.as(browser, user);
            Map<String, String> expected = MENUS.get(user);
            Map<String, String> shown = new LinkedHashMap<>();
            for (WebElement link : browser.driver().findElements(By.cssSelector("#menu-principal a.fr-nav__link"))) {
                shown.put(link.getAttribute("textContent").trim(), java.net.URI.create(link.getAttribute("href")).getPath());
            }
            assertEquals(expected, shown, "the menu of " + user);

            for (Map.Entry<String, String> entry : expected.entrySet()) {
                open(browser, entry.getValue());
                assertTrue(!browser.isPresent(By.id("titre-erreur")), entry.getValue() + " opens for " + user + ": "
                        + browser.title());
                check(browser, entry.getKey() + " (" + user + ")");
                String shot = entry.getValue().equals("/") ? "accueil" : entry.getValue().substring(1).replace('/', '-');
                browser.screenshotForDocs(shot + "-" + user);
            }

            String forbidden = FORBIDDEN.get(user);
            browser.get(Pages.WEB + forbidden);
            String title = browser.waitVisible(By.id("titre-erreur")).getText();
            assertTrue(title.equals("Accès refusé") || title.equals("Page introuvable"),
                    user + " opening " + forbidden + " by URL gets a refusal, not the page: " + title);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"referent1", "partner1"})
    void pagesStayUsableOnAPhoneAndFromTheKeyboard(String user) {
        try (Browser browser = Browser.open()) {
            Login.as(browser, user);
            browser.driver().manage().window().setSize(new Dimension(360, 780));
            for (String path : List.of("/", "/orientations")) {
                open(browser, path);
                assertTrue(!browser.isPresent(By.id("titre-erreur")), path + " opens for " + user);
                long overflow = ((Number) browser.script(
                        "return document.documentElement.scrollWidth - document.documentElement.clientWidth;")).longValue();
                assertTrue(overflow <= 1, path + " at 360 px scrolls sideways by " + overflow + " px");
                check(browser, path + " at 360 px (" + user + ")");
            }
            browser.screenshotForDocs("mobile-orientations-" + user);
            // The menu collapses behind a button at this width; the keyboard reaches the skip link first.
            assertTrue(browser.driver().findElement(By.id("bouton-menu-mobile")).isDisplayed(), "a menu button on a phone");
            browser.driver().findElement(By.tagName("body")).sendKeys(Keys.TAB);
            WebElement first = browser.driver().switchTo().activeElement();
            assertEquals("#contenu", first.getDomAttribute("href"),
                    "the first stop of the keyboard is the link to the content");
        }
    }

    private static Map<String, String> menu(String... labelsAndPaths) {
        Map<String, String> menu = new LinkedHashMap<>();
        for (int i = 0; i < labelsAndPaths.length; i += 2) {
            menu.put(labelsAndPaths[i], labelsAndPaths[i + 1]);
        }
        return menu;
    }
}
