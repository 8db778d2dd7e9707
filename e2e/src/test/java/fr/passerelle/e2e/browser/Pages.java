package fr.passerelle.e2e.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.passerelle.e2e.support.Stack;
import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/** What every page check and form step of the browser suites does the same way. */
final class Pages {

    static final String WEB = Stack.GATEWAY;

    private Pages() {
    }

    /** Opens a page of the application and waits until it is loaded. */
    static void open(Browser browser, String path) {
        browser.get(WEB + path);
        browser.waitUrlStartsWith(WEB + path.replaceAll("\\?.*", ""));
    }

    /** The checks every page passes: no serious or critical axe violation, no token readable from its scripts. */
    static void check(Browser browser, String page) {
        List<Axe.Violation> violations = Axe.serious(browser);
        assertTrue(violations.isEmpty(), Axe.describe(page, violations));
        List<String> leaks = Tokens.readableFromScript(browser);
        assertTrue(leaks.isEmpty(), page + ": token readable from the page's scripts: " + leaks);
        assertEquals(1, browser.driver().findElements(By.tagName("h1")).size(), page + ": one <h1>");
    }

    static void type(Browser browser, String id, String value) {
        WebElement field = browser.waitVisible(By.id(id));
        field.clear();
        field.sendKeys(value);
    }

    /** A date input's value, set as the browser stores it (typing depends on the browser's locale). */
    static void date(Browser browser, String id, String isoDate) {
        WebElement field = browser.waitVisible(By.id(id));
        browser.script("arguments[0].value = arguments[1];", field, isoDate);
    }

    static void choose(Browser browser, String id, String value) {
        new Select(browser.waitVisible(By.id(id))).selectByValue(value);
    }

    /** Clicks and waits for the next page to load (every action posts a form and is redirected: PRG). */
    static void click(Browser browser, String id) {
        WebElement button = null;
        for (int attempt = 1; button == null; attempt++) {
            WebElement found = browser.waitClickable(By.id(id));
            try {
                browser.script("arguments[0].scrollIntoView({block: 'center'});", found);
                found.click();
                button = found;
            } catch (org.openqa.selenium.WebDriverException e) {
                // The page replaced the button between finding and clicking it: find it again (a few times at most).
                if (attempt == 3 || !(e instanceof StaleElementReferenceException
                        || String.valueOf(e.getMessage()).contains("does not belong to the document"))) {
                    throw e;
                }
            }
        }
        browser.until("leaving the page after clicking " + id, ExpectedConditions.stalenessOf(button));
        browser.until("the page after clicking " + id, d -> "complete".equals(browser.script("return document.readyState")));
    }

    /** The element's text as written in the page (a DSFR badge shows it in capitals). */
    static String content(Browser browser, String id) {
        return browser.waitVisible(By.id(id)).getAttribute("textContent").trim().replaceAll("\\s+", " ");
    }

    static String text(Browser browser, String id) {
        return browser.waitVisible(By.id(id)).getText();
    }
}
