package fr.passerelle.e2e.browser;

import fr.passerelle.e2e.support.Stack;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/** Logs a demo user in the way a person does: the web application's address, Keycloak's form, back to the application. */
public final class Login {

    /** The web application, as browsers reach it: through the gateway. */
    public static final String WEB = Stack.GATEWAY + "/";
    public static final By USERNAME = By.id("username");
    public static final By PASSWORD = By.id("password");
    public static final By SUBMIT = By.id("kc-login");

    private Login() {
    }

    /** Opens the application, follows its redirect to Keycloak's login page, signs in (password = user name). */
    public static void as(Browser browser, String user) {
        as(browser, user, user);
    }

    public static void as(Browser browser, String user, String password) {
        browser.get(WEB);
        waitForLoginPage(browser);
        fill(browser.driver().findElement(USERNAME), user);
        fill(browser.driver().findElement(PASSWORD), password);
        browser.waitClickable(SUBMIT).click();
        browser.waitUrlStartsWith(Stack.GATEWAY + "/");
    }

    /** Waits until the browser shows Keycloak's login form of realm passerelle. */
    public static void waitForLoginPage(Browser browser) {
        browser.waitUrlStartsWith(Stack.ISSUER + "/");
        browser.waitVisible(USERNAME);
    }

    public static boolean onLoginPage(Browser browser) {
        return browser.url().startsWith(Stack.ISSUER + "/") && browser.isPresent(USERNAME);
    }

    private static void fill(WebElement field, String value) {
        field.clear();
        field.sendKeys(value);
    }
}
