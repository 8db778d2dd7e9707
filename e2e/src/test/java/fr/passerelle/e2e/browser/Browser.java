package fr.passerelle.e2e.browser;

import fr.passerelle.e2e.support.Stack;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.function.Function;
import java.util.stream.Stream;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A headless Chromium driven through ChromeDriver, both Debian's (/usr/bin/chromium, /usr/bin/chromedriver): their
 * paths are given explicitly so Selenium Manager never looks for (or downloads) a browser or a driver. Each browser
 * has a fresh profile (no cookie, no cache), deleted on close.
 */
public final class Browser implements AutoCloseable {

    /** The apt-get line the README gives; repeated in the failure message when something is missing. */
    public static final String INSTALL = "apt-get update && apt-get install -y --no-install-recommends chromium chromium-driver";
    public static final Duration WAIT = Duration.ofSeconds(30);

    private static final Path CHROMIUM = Path.of(System.getProperty("passerelle.chromium", "/usr/bin/chromium"));
    private static final Path CHROMEDRIVER = Path.of(System.getProperty("passerelle.chromedriver", "/usr/bin/chromedriver"));

    private final WebDriver driver;
    private final Path profile;

    private Browser(WebDriver driver, Path profile) {
        this.driver = driver;
        this.profile = profile;
    }

    public static Browser open() {
        for (Path binary : new Path[] {CHROMIUM, CHROMEDRIVER}) {
            if (!Files.isExecutable(binary)) {
                throw new IllegalStateException(binary + " is missing: the browser tests need Debian's chromium and chromedriver ("
                        + INSTALL + ", as root)");
            }
        }
        Path profile;
        try {
            profile = Files.createTempDirectory("passerelle-chromium-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--lang=fr-FR", "--window-size=1280,900", "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .withLogOutput(java.io.OutputStream.nullOutputStream())
                .build();
        WebDriver driver;
        try {
            driver = new ChromeDriver(service, options);
        } catch (RuntimeException e) {
            deleteTree(profile);
            throw new IllegalStateException("Chromium did not start through " + CHROMEDRIVER + " (installed with: " + INSTALL + ")", e);
        }
        driver.manage().window().setSize(new Dimension(1280, 900));
        driver.manage().timeouts().pageLoadTimeout(WAIT).scriptTimeout(WAIT);
        return new Browser(driver, profile);
    }

    public WebDriver driver() {
        return driver;
    }

    /** Loads the address (and whatever it redirects to) and returns when the page is loaded. */
    public Browser get(String url) {
        driver.get(url);
        return this;
    }

    public String url() {
        return driver.getCurrentUrl();
    }

    public String title() {
        return driver.getTitle();
    }

    /** The visible text of the page. */
    public String text() {
        return driver.findElement(By.tagName("body")).getText();
    }

    public Object script(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    public Object asyncScript(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeAsyncScript(script, args);
    }

    /** Waits (explicitly, up to {@link #WAIT}) until the condition holds, and returns its value. */
    public <T> T until(String what, Function<WebDriver, T> condition) {
        // While a page is being replaced (a form posted, DSFR's script upgrading its components), an element just found
        // can vanish before it is inspected: try again on the next poll instead of failing the test.
        return new WebDriverWait(driver, WAIT).withMessage(() -> what + " (at " + driver.getCurrentUrl() + ")").until(d -> {
            try {
                return condition.apply(d);
            } catch (StaleElementReferenceException gone) {
                return null;
            } catch (WebDriverException e) {
                if (e.getMessage() != null && e.getMessage().contains("does not belong to the document")) {
                    return null;
                }
                throw e;
            }
        });
    }

    public WebElement waitVisible(By locator) {
        return until("waiting for " + locator + " to show", ExpectedConditions.visibilityOfElementLocated(locator));
    }

    public WebElement waitClickable(By locator) {
        return until("waiting for " + locator + " to be clickable", ExpectedConditions.elementToBeClickable(locator));
    }

    public void waitUrlStartsWith(String prefix) {
        until("waiting to be on " + prefix, d -> d.getCurrentUrl().startsWith(prefix) && documentComplete(d));
    }

    public boolean isPresent(By locator) {
        return !driver.findElements(locator).isEmpty();
    }

    private static boolean documentComplete(WebDriver d) {
        return "complete".equals(((JavascriptExecutor) d).executeScript("return document.readyState"));
    }

    /** Writes a PNG of the viewport to this path. */
    public Path screenshot(Path to) {
        try {
            Files.createDirectories(to.toAbsolutePath().getParent());
            Path shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE).toPath();
            Files.move(shot, to, StandardCopyOption.REPLACE_EXISTING);
            return to;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The committed screenshots (docs/screens/NAME.png), rewritten only when asked for with -Dpasserelle.screens
     * (failsafe passes it on); otherwise nothing is written.
     */
    public void screenshotForDocs(String name) {
        if (System.getProperty("passerelle.screens") != null) {
            screenshot(Stack.root().resolve("docs/screens").resolve(name + ".png"));
        }
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            deleteTree(profile);
        }
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
        } catch (IOException ignored) {
            // A temporary profile left behind is harmless.
        }
    }
}
