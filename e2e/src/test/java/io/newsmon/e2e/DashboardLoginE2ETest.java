package io.newsmon.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** An analyst signs in through Keycloak's own login form in Chromium and reads the demo articles. */
class DashboardLoginE2ETest {

    private Chromium chromium;
    private ChromeDriver browser;
    private WebDriverWait wait;

    @BeforeEach
    void chromium() throws Exception {
        chromium = new Chromium();
        browser = chromium.driver;
        wait = chromium.wait;
    }

    @AfterEach
    void close() {
        if (chromium != null) {
            chromium.close();
        }
    }

    @Test
    void analystSignsInSeesTheDemoArticlesReadsOneAndSignsOut() throws Exception {
        Platform.awaitDemoArticles();
        chromium.signIn("analyst", "analyst");

        // the home page is the overview; the latest articles are one click away
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("nav.nav")));
        assertThat(browser.findElements(By.linkText("Sources")))
                .as("the admin's pages are not offered to an analyst")
                .isEmpty();
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

        chromium.signOut();
        browser.get(Platform.WEB + "/");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("username")));
    }

    private void screenshot(String name) throws Exception {
        Files.createDirectories(Chromium.SCREENSHOTS);
        Files.write(Chromium.SCREENSHOTS.resolve(name + ".png"), browser.getScreenshotAs(OutputType.BYTES));
    }
}
