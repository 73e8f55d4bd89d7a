package io.newsmon.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The dashboard in Chromium against the running platform and its real Keycloak: an analyst reads the
 * overview, searches a date range, follows an article to an entity and a story, saves the search as a
 * topic; an admin tries, adds, edits and exports sources. Every main page is photographed at 1280 and 360 px,
 * and the test fails when one scrolls sideways on the phone-sized screen.
 */
class DashboardE2ETest {

    private Chromium chromium;

    @BeforeEach
    void start() throws Exception {
        chromium = new Chromium();
    }

    @AfterEach
    void stop() {
        if (chromium != null) {
            chromium.close();
        }
    }

    @Test
    void analystReadsTheOverviewSearchesADateRangeFollowsEntitiesAndStoriesAndSavesATopic() throws Exception {
        Platform.awaitDemoArticles();
        var browser = chromium.driver;
        var wait = chromium.wait;
        chromium.signIn("analyst", "analyst");

        // overview: the volume chart is drawn server-side, one column per day
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("svg.volume rect.bar")));
        assertThat(browser.getTitle()).isEqualTo("Overview · newsmon");
        assertThat(browser.findElements(By.cssSelector("svg.volume rect.bar"))).hasSizeGreaterThanOrEqualTo(7);
        assertThat(browser.findElement(By.cssSelector("nav.nav")).getText())
                .as("an analyst is not offered the admin's pages")
                .doesNotContain("Add source");
        chromium.screenshots("overview");

        // search with a date range typed into the form
        browser.findElement(By.linkText("Search")).click();
        WebElement q = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("q")));
        q.sendKeys("harbour OR port OR strike");
        String today = LocalDate.now(ZoneOffset.UTC).plusDays(1).toString();
        browser.executeScript(
                "document.getElementById('from').value = arguments[0];"
                        + "document.getElementById('to').value = arguments[1];",
                "2000-01-01",
                today);
        browser.findElement(By.cssSelector("form.search button[type=submit]")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".hit")));
        assertThat(browser.getCurrentUrl()).contains("from=2000-01-01").contains("to=" + today);
        assertThat(browser.findElements(By.cssSelector(".chip")))
                .anyMatch(c -> c.getText().contains("published 2000-01-01 to " + today));
        assertThat(browser.findElements(By.cssSelector("svg.volume rect.bar"))).isNotEmpty();
        chromium.screenshots("search");
        String searchUrl = browser.getCurrentUrl();

        // an article, its entity, its story
        browser.findElement(By.cssSelector(".hit a.article-link")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("article.article h1")));
        // the first hit may be any article the other e2e classes imported (some have one paragraph): the body is
        // shown as paragraphs of clean text either way
        assertThat(browser.findElements(By.cssSelector(".body p")))
                .isNotEmpty()
                .allMatch(p -> !p.getText().isBlank());
        chromium.screenshots("article");
        String articleUrl = browser.getCurrentUrl();
        List<WebElement> mentions = browser.findElements(By.cssSelector(".body a.mention, .entities a"));
        assertThat(mentions).as("entity mentions linked on the article").isNotEmpty();
        String name = mentions.get(0).getText();
        mentions.get(0).click();
        wait.until(ExpectedConditions.urlMatches(".*/entities/\\d+$"));
        assertThat(browser.findElement(By.tagName("h1")).getText()).containsIgnoringCase(name.strip());
        assertThat(browser.findElements(By.cssSelector(".card"))).hasSizeGreaterThanOrEqualTo(3);
        chromium.screenshots("entity");

        browser.get(articleUrl);
        List<WebElement> story = browser.findElements(By.cssSelector(".story-box a[href^='/stories/']"));
        assertThat(story).as("the article belongs to a story").isNotEmpty();
        story.get(0).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("ol.timeline li.first")));
        assertThat(browser.findElement(By.cssSelector("ol.timeline li.first")).getText())
                .contains("first report");
        chromium.screenshots("story");

        // save the search as a topic: the editor arrives filled in
        browser.get(searchUrl);
        browser.findElement(By.linkText("Save as topic")).click();
        WebElement query = wait.until(ExpectedConditions.presenceOfElementLocated(By.name("query")));
        assertThat(query.getAttribute("value")).isEqualTo("harbour OR port OR strike");
        WebElement topicName = browser.findElement(By.name("name"));
        topicName.clear();
        String topic = "Ports e2e " + System.currentTimeMillis();
        topicName.sendKeys(topic);
        chromium.screenshots("topic-new");
        browser.findElement(By.cssSelector("form.topic button[value=save]")).click();
        wait.until(ExpectedConditions.urlMatches(".*/topics/\\d+$"));
        assertThat(browser.findElement(By.tagName("h1")).getText()).contains(topic);
        chromium.screenshots("topic");
        browser.findElement(By.linkText("Topics")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("tr.topic-row")));
        assertThat(browser.findElement(By.cssSelector("table.topics")).getText())
                .contains(topic);
        chromium.screenshots("topics");

        browser.get(Platform.WEB + "/articles");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("tr.article-row")));
        chromium.screenshots("latest");
        browser.get(Platform.WEB + "/sources");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("tr.source-row")));
        assertThat(browser.findElements(By.linkText("Add source"))).isEmpty();

        chromium.signOut();
        chromium.assertNothingScrolledSideways();
    }

    @Test
    void adminTriesAddsEditsAndExportsSources() throws Exception {
        var browser = chromium.driver;
        var wait = chromium.wait;
        chromium.signIn("admin", "admin");
        browser.findElement(By.cssSelector("nav.nav"))
                .findElement(By.linkText("Sources"))
                .click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("tr.source-row")));
        chromium.screenshots("sources");

        browser.findElement(By.cssSelector(".toolbar a.button.primary")).click();
        WebElement url = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("url")));
        url.sendKeys("not a url");
        browser.findElement(By.cssSelector("form.settings button[type=submit]")).click();
        WebElement error = wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#url-error")));
        assertThat(error.getText()).as("the refusal beside the URL field").isNotBlank();
        chromium.screenshots("source-new");

        String feed = "http://127.0.0.1:8190/feed.xml?e2e=" + System.currentTimeMillis();
        WebElement again = browser.findElement(By.id("url"));
        again.clear();
        again.sendKeys(feed);
        browser.findElement(By.id("name")).sendKeys("E2E copy of the demo newsroom");

        // try it first: ingest fetches the feed and its first articles, the page refreshes itself until done
        browser.findElement(By.cssSelector("button[formaction='/sources/try']")).click();
        new WebDriverWait(browser, Duration.ofSeconds(120))
                .until(ExpectedConditions.textMatches(
                        By.cssSelector("section.trial [role=status]"), Pattern.compile("gave an article")));
        assertThat(browser.findElements(By.cssSelector("ol.trial-lines .state-ENRICHED")))
                .as("articles of the demo newsroom extracted by the trial")
                .isNotEmpty();
        assertThat(browser.findElement(By.id("name")).getAttribute("value"))
                .as("what the admin entered is kept across the trial")
                .isEqualTo("E2E copy of the demo newsroom");
        chromium.screenshots("source-try");

        browser.findElement(By.cssSelector("form.settings button.primary")).click();
        wait.until(ExpectedConditions.urlMatches(".*/sources/\\d+\\?notice=added$"));
        assertThat(browser.findElement(By.cssSelector(".notice")).getText()).contains("Source added");

        WebElement interval = browser.findElement(By.id("pollIntervalSeconds"));
        interval.clear();
        interval.sendKeys("1800");
        WebElement exclude = browser.findElement(By.id("excludePattern"));
        exclude.clear();
        exclude.sendKeys("/video/");
        browser.findElement(By.cssSelector("form.settings button[type=submit]")).click();
        wait.until(ExpectedConditions.urlContains("notice=saved"));
        assertThat(browser.findElement(By.id("pollIntervalSeconds")).getAttribute("value"))
                .isEqualTo("1800");
        assertThat(browser.findElement(By.id("excludePattern")).getAttribute("value"))
                .isEqualTo("/video/");
        chromium.screenshots("source");

        Object opml = browser.executeAsyncScript("var done = arguments[arguments.length - 1];"
                + "fetch('/sources/opml', {credentials: 'same-origin'}).then(function (r) { return r.text(); })"
                + ".then(done, function (e) { done('failed: ' + e); });");
        assertThat(String.valueOf(opml)).contains("<opml").contains("e2e=");

        chromium.signOut();
        chromium.assertNothingScrolledSideways();
    }
}
