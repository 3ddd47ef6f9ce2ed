package cn.perftarget.web.page;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * One headless Debian chromium, driven through /usr/bin/chromedriver, against the running application. Every page
 * it opens starts with a hook that counts calls of {@code alert} and {@code window.__xss} marks, so a test can
 * prove that no injected script ran.
 */
final class Browser implements AutoCloseable {

    static final Path SCREENSHOTS = Path.of("target", "screenshots");

    private static final String HOOK = "window.__xss = 0; window.alert = function () { window.__xss++; };"
            + "window.confirm = window.alert; window.prompt = window.alert;";

    final ChromeDriver driver;
    private final String base;
    final WebDriverWait wait;

    Browser(int port) {
        var options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-extensions", "--no-first-run",
                "--disable-default-apps", "--window-size=1280,800", "--lang=zh-CN");
        var service = new ChromeDriverService.Builder().usingDriverExecutable(new File("/usr/bin/chromedriver"))
                .usingAnyFreePort().build();
        this.driver = new ChromeDriver(service, options);
        this.driver.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", HOOK));
        this.base = "http://localhost:" + port;
        this.wait = new WebDriverWait(driver, Duration.ofSeconds(20));
    }

    Browser open(String path) {
        driver.get(base + path);
        return this;
    }

    /** Signs in through the login form as a user would. */
    Browser login(String username) {
        return login(username, "demo");
    }

    Browser login(String username, String password) {
        open("/login");
        type(By.name("username"), username);
        type(By.name("password"), password);
        driver.findElement(By.cssSelector("form button[type=submit]")).click();
        wait.until(d -> !d.getCurrentUrl().contains("/login"));
        return this;
    }

    WebElement find(By by) {
        return wait.until(ExpectedConditions.presenceOfElementLocated(by));
    }

    WebElement field(String pointer) {
        return find(By.name(pointer));
    }

    List<WebElement> all(String css) {
        return driver.findElements(By.cssSelector(css));
    }

    void type(By by, String text) {
        var element = find(by);
        element.clear();
        element.sendKeys(text);
    }

    void type(String pointer, String text) {
        type(By.name(pointer), text);
    }

    void choose(String pointer, String visibleText) {
        new Select(field(pointer)).selectByVisibleText(visibleText);
    }

    void click(String css) {
        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector(css))).click();
    }

    /** Waits until #messages shows a notice containing the text; returns the notice's text. */
    String message(String contains) {
        // Read by script: the page may be reloading (after a submission) while we wait.
        return wait.until(d -> {
            Object text = ((JavascriptExecutor) d).executeScript(
                    "const m = document.getElementById('messages'); return m ? m.textContent : '';");
            return text != null && text.toString().contains(contains) ? text.toString() : null;
        });
    }

    String status() {
        return find(By.id("status")).getText();
    }

    void waitFor(String css) {
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(css)));
    }

    void waitForUrl(String part) {
        wait.until(ExpectedConditions.urlContains(part));
    }

    Object script(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    Object asyncScript(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeAsyncScript(script, args);
    }

    /** How many times injected code called alert (or set the mark) on the current page. */
    long scriptsRun() {
        return ((Number) script("return window.__xss;")).longValue();
    }

    String url() {
        return driver.getCurrentUrl();
    }

    /** Saves the whole page (not only the window) as target/screenshots/{name}.png. */
    Path screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            long height = ((Number) script("return Math.max(document.body.scrollHeight, 800);")).longValue();
            driver.manage().window().setSize(new org.openqa.selenium.Dimension(1280, (int) Math.min(height, 6000)));
            Path target = SCREENSHOTS.resolve(name + ".png");
            Files.copy(driver.getScreenshotAs(OutputType.FILE).toPath(), target, StandardCopyOption.REPLACE_EXISTING);
            driver.manage().window().setSize(new org.openqa.selenium.Dimension(1280, 800));
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Saves what a window of the given size shows (the viewport, not the whole page) as target/screenshots/{name}.png. */
    Path screenshot(String name, int width, int height) {
        try {
            Files.createDirectories(SCREENSHOTS);
            driver.manage().window().setSize(new org.openqa.selenium.Dimension(width, height));
            // The window includes the browser's own bars: grow it until the page itself sees width × height.
            long innerHeight = ((Number) script("return window.innerHeight;")).longValue();
            long innerWidth = ((Number) script("return window.innerWidth;")).longValue();
            driver.manage().window().setSize(new org.openqa.selenium.Dimension(
                    (int) (2L * width - innerWidth), (int) (2L * height - innerHeight)));
            Path target = SCREENSHOTS.resolve(name + ".png");
            Files.copy(driver.getScreenshotAs(OutputType.FILE).toPath(), target, StandardCopyOption.REPLACE_EXISTING);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        driver.quit();
    }
}
