package io.newsmon.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium driven through chromedriver (nothing is downloaded), with screenshots at
 * 1280 and 360 px and a check that a page never scrolls sideways on a phone-sized screen.
 */
final class Chromium implements AutoCloseable {

    static final Path SCREENSHOTS = Path.of("target", "screenshots");

    final ChromeDriver driver;
    final WebDriverWait wait;
    private final List<String> sideways = new ArrayList<>();

    Chromium() throws Exception {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(System.getProperty("newsmon.e2e.chromium", "/usr/bin/chromium"));
        options.addArguments(
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
                "--window-size=1280,1000",
                "--user-data-dir=" + Files.createTempDirectory("newsmon-chromium"));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(Path.of(System.getProperty("newsmon.e2e.chromedriver", "/usr/bin/chromedriver"))
                        .toFile())
                .build();
        driver = new ChromeDriver(service, options);
        wait = new WebDriverWait(driver, Duration.ofSeconds(30));
    }

    void signIn(String user, String password) {
        driver.get(Platform.WEB + "/");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("username")));
        assertThat(driver.getCurrentUrl()).as("Keycloak's own login page").contains("/realms/newsmon/");
        driver.findElement(By.id("username")).sendKeys(user);
        driver.findElement(By.id("password")).sendKeys(password);
        driver.findElement(By.id("kc-login")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".user .who")));
    }

    void signOut() {
        driver.findElement(By.cssSelector("a.logout")).click();
        wait.until(ExpectedConditions.urlContains("/signed-out"));
    }

    /**
     * Saves the page as {@code name-1280.png} and {@code name-360.png}; at 360 px (a phone, with the page's
     * viewport meta honoured) it records the page when it is wider than the screen.
     */
    void screenshots(String name) throws Exception {
        Files.createDirectories(SCREENSHOTS);
        Files.write(SCREENSHOTS.resolve(name + "-1280.png"), driver.getScreenshotAs(OutputType.BYTES));
        driver.executeCdpCommand(
                "Emulation.setDeviceMetricsOverride",
                Map.of("width", 360, "height", 780, "deviceScaleFactor", 1, "mobile", true));
        try {
            Thread.sleep(300); // let the layout settle at the new width
            Number scrollWidth = (Number) driver.executeScript("return document.documentElement.scrollWidth;");
            Number viewport = (Number) driver.executeScript("return window.innerWidth;");
            Files.write(SCREENSHOTS.resolve(name + "-360.png"), driver.getScreenshotAs(OutputType.BYTES));
            if (scrollWidth.intValue() > viewport.intValue()) {
                Object wide = driver.executeScript("var w = window.innerWidth, out = [];"
                        + "document.querySelectorAll('body *').forEach(function (e) {"
                        + "  var r = e.getBoundingClientRect();"
                        + "  if (r.right > w + 1 && out.length < 5) {"
                        + "    out.push(e.tagName.toLowerCase() + (e.className ? '.' + e.className : '') + ' ' + Math.round(r.right));"
                        + "  }"
                        + "}); return out.join(', ');");
                sideways.add(name + " is " + scrollWidth + " px wide at " + viewport + " px (" + wide + ")");
            }
        } finally {
            driver.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
        }
    }

    /** Fails naming every page that scrolled sideways at 360 px. */
    void assertNothingScrolledSideways() {
        assertThat(sideways).as("pages that scroll sideways at 360 px").isEmpty();
    }

    @Override
    public void close() {
        driver.quit();
    }
}
