package io.newsmon.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** An analyst signs in through Keycloak's own login form in Chromium and reads the demo articles. */
class DashboardLoginE2ETest {

    private ChromeDriver browser;
    private WebDriverWait wait;

    @BeforeEach
    void chromium() throws Exception {
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
        browser = new ChromeDriver(service, options);
        wait = new WebDriverWait(browser, Duration.ofSeconds(30));
    }

    @AfterEach
    void close() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void analystSignsInSeesTheDemoArticlesReadsOneAndSignsOut() throws Exception {
        Platform.awaitDemoArticles();
        browser.get(Platform.WEB + "/");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("username")));
        assertThat(browser.getCurrentUrl()).as("Keycloak's own login page").contains("/realms/newsmon/");
        browser.findElement(By.id("username")).sendKeys("analyst");
        browser.findElement(By.id("password")).sendKeys("analyst");
        browser.findElement(By.id("kc-login")).click();

        // the home page is the overview; the latest articles are one click away
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("nav.nav")));
        browser.findElement(By.linkText("Latest")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("tr.article-row")));
        List<WebElement> rows = browser.findElements(By.cssSelector("tr.article-row"));
        assertThat(rows).as("the demo newsroom's articles").hasSizeGreaterThanOrEqualTo(20);
        assertThat(browser.findElement(By.cssSelector(".user .who")).getText()).isEqualTo("analyst");
        screenshot("latest");

        WebElement first = browser.findElement(By.cssSelector("a.article-link"));
        String headline = first.getText();
        first.click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("article.article h1")));
        assertThat(browser.getCurrentUrl()).matches(".*/articles/\\d+$");
        assertThat(browser.findElement(By.cssSelector("article.article h1")).getText())
                .isEqualTo(headline);
        List<WebElement> paragraphs = browser.findElements(By.cssSelector(".body p"));
        assertThat(paragraphs).as("the extracted body").hasSizeGreaterThanOrEqualTo(4);
        String body = browser.findElement(By.cssSelector(".body")).getText();
        assertThat(body).doesNotContainIgnoringCase("accept all cookies").doesNotContainIgnoringCase("newsletter");
        screenshot("article");

        // search from the dashboard: typed in the box, highlighted hits, a facet narrows the query
        browser.findElement(By.linkText("Search")).click();
        WebElement box = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("q")));
        box.sendKeys("harbour OR port");
        box.submit();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".hit")));
        assertThat(browser.findElements(By.cssSelector(".hit mark"))).isNotEmpty();
        browser.findElement(By.cssSelector(".facet a")).click();
        wait.until(ExpectedConditions.urlContains("source%3A"));
        assertThat(browser.findElements(By.cssSelector(".hit"))).isNotEmpty();
        screenshot("search");
        browser.get(Platform.WEB + "/search?q=harbour+AND+%28port");
        assertThat(browser.findElement(By.id("q-error")).getText()).contains("unbalanced parenthesis at 12");

        browser.findElement(By.cssSelector("a.logout")).click();
        wait.until(ExpectedConditions.urlContains("/signed-out"));
        browser.get(Platform.WEB + "/");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("username")));
    }

    private void screenshot(String name) throws Exception {
        Path dir = Path.of("target", "screenshots");
        Files.createDirectories(dir);
        Files.write(dir.resolve(name + ".png"), browser.getScreenshotAs(OutputType.BYTES));
    }
}
