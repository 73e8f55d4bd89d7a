package io.newsmon.web;

import static io.newsmon.web.DashboardTest.browser;
import static io.newsmon.web.DashboardTest.signIn;
import static io.newsmon.web.DashboardTest.topicForm;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import org.htmlunit.Page;
import org.htmlunit.WebClient;
import org.htmlunit.html.DomNode;
import org.htmlunit.html.HtmlAnchor;
import org.htmlunit.html.HtmlButton;
import org.htmlunit.html.HtmlFileInput;
import org.htmlunit.html.HtmlForm;
import org.htmlunit.html.HtmlPage;
import org.junit.jupiter.api.Test;

/** The overview, search, article, entity, story and source pages against the api stub. */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
@QuarkusTestResource(ApiStubResource.class)
class PagesTest {

    @TestHTTPResource("/")
    URL root;

    @Test
    void theOverviewShowsVolumeCountriesTrendsStoriesSourceHealthAndTopics() throws Exception {
        try (WebClient browser = browser()) {
            HtmlPage page = signIn(browser, root.toString());
            assertThat(page.getTitleText()).isEqualTo("Overview · newsmon");
            // one column per day of the histogram, each linking to that day's articles
            assertThat(page.querySelectorAll("svg.volume rect.bar")).hasSize(14);
            assertThat(page.<DomNode>querySelector("svg.volume a")
                            .getAttributes()
                            .getNamedItem("href")
                            .getNodeValue())
                    .isEqualTo("/search?q=published%3A2026-11-16&sort=date");
            assertThat(page.<DomNode>querySelector("svg.volume title").getTextContent())
                    .isEqualTo("4 articles from 16 Nov to 29 Nov (UTC days), at most 3 per day");
            String text = page.asNormalizedText();
            assertThat(text).contains("United Kingdom");
            // a person named today, with its arrow against its own 7-day baseline
            DomNode trend = page.<DomNode>querySelector(".trend");
            assertThat(trend.asNormalizedText())
                    .contains("Mara Quinn")
                    .contains("↑")
                    .contains("vs 0.4");
            assertThat(((HtmlAnchor) page.<DomNode>querySelector(".trend a.name")).getHrefAttribute())
                    .isEqualTo("/entities/find?type=PERSON&name=Mara+Quinn");
            assertThat(page.<DomNode>querySelector(".trend polyline")).isNotNull();
            assertThat(page.querySelectorAll("li.story-item")).hasSize(1);
            assertThat(text).contains("2 sources · 3 articles");
            // the failing source is listed for attention, the healthy one is not
            assertThat(page.<DomNode>querySelector("#health-h").getParentNode().asNormalizedText())
                    .contains("2 sources · 1 failing · 0 silent")
                    .contains("Quay Weekly")
                    .doesNotContain("The Harbour Ledger");
            assertThat(page.<DomNode>querySelector("li.topic-item").asNormalizedText())
                    .contains("Harbour strike")
                    .contains("1 today");
            // alice is an admin in these tests: the admin's link shows
            assertThat(page.<DomNode>querySelector("nav.nav").asNormalizedText())
                    .contains("Add source");
        }
    }

    @Test
    void searchTakesADateRangeSortSizeAndStemmingShowsTheHistogramAndChipsAndExports() throws Exception {
        try (WebClient browser = browser()) {
            signIn(browser, root.toString());
            HtmlPage page = browser.getPage(
                    root + "search?q=strike&f=country%3AGB&from=2026-11-01&to=2026-11-30&sort=date&size=50&stem=true");
            assertThat(ApiStubResource.SEARCHES)
                    .anyMatch(s -> s.contains("q=(strike) country:GB")
                            && s.contains("from=2026-11-01")
                            && s.contains("to=2026-11-30")
                            && s.contains("sort=date")
                            && s.contains("size=50")
                            && s.contains("stem=true"));
            // the api's three days, padded with empty days before them to a fortnight
            assertThat(page.querySelectorAll("svg.volume rect.bar")).hasSize(14);
            assertThat(page.querySelectorAll("svg.volume rect.bar[height='0.0']"))
                    .hasSize(12);
            assertThat(page.querySelectorAll("li.chip")).hasSize(2);
            HtmlAnchor removeCountry = (HtmlAnchor) page.<DomNode>querySelector("li.chip a");
            assertThat(removeCountry.getHrefAttribute())
                    .isEqualTo("/search?q=strike&from=2026-11-01&to=2026-11-30&sort=date&size=50&stem=true");
            assertThat(page.getElementById("from").getAttribute("value")).isEqualTo("2026-11-01");
            assertThat(page.getElementById("stem").hasAttribute("checked")).isTrue();

            HtmlPage topic = ((HtmlAnchor) page.<DomNode>querySelector("a.button.primary")).click();
            assertThat(topic.getUrl().getPath()).isEqualTo("/topics/new");
            HtmlForm form = topicForm(topic);
            assertThat(form.getInputByName("query").getValue()).isEqualTo("strike");
            assertThat(form.getInputByName("filter").getValue()).isEqualTo("country:GB");
            assertThat(form.getInputByName("stem").isChecked()).isTrue();

            Page csv = browser.getPage(root + "search/export.csv?q=strike&from=2026-11-01");
            assertThat(csv.getWebResponse().getContentType()).isEqualTo("text/csv");
            assertThat(csv.getWebResponse().getContentAsString())
                    .startsWith("id,published,source,language,title,url,score\r\n")
                    .contains("7,\"2026-11-29T08:30:00Z\",\"The Harbour Ledger\",\"en\","
                            + "\"Harbour cranes idle as strike enters week two\",\"http://news.example/a\",1.5");
            // the CSV shows no highlighted text, so it asks the api for none
            assertThat(ApiStubResource.SEARCHES.get(ApiStubResource.SEARCHES.size() - 1))
                    .contains("size=1000")
                    .contains("highlight=false");
            Page json = browser.getPage(root + "search/export.json?q=strike");
            assertThat(ApiStubResource.SEARCHES.get(ApiStubResource.SEARCHES.size() - 1))
                    .contains("size=1000")
                    .doesNotContain("highlight");
            assertThat(json.getWebResponse().getContentAsString())
                    .contains("\"total\" : 1")
                    .contains("\"title\" : \"Harbour cranes idle as strike enters week two\"");
        }
    }

    @Test
    void badDatesAreRefusedBesideTheirField() throws Exception {
        try (WebClient browser = browser()) {
            signIn(browser, root.toString());
            int before = ApiStubResource.SEARCHES.size();
            HtmlPage bad = browser.getPage(root + "search?q=strike&from=30.11.2026");
            assertThat(bad.getElementById("from-error").getTextContent())
                    .isEqualTo("'30.11.2026' is not a date such as 2026-11-30");
            HtmlPage reversed = browser.getPage(root + "search?q=strike&from=2026-11-30&to=2026-11-01");
            assertThat(reversed.getElementById("to-error").getTextContent())
                    .isEqualTo("the end date is before the start date");
            assertThat(ApiStubResource.SEARCHES).hasSize(before);
            Page live = browser.getPage(root + "search/check?q=%28broken");
            assertThat(live.getWebResponse().getContentAsString())
                    .contains("\"valid\":false")
                    .contains("unbalanced parenthesis at 0");
            HtmlPage query = browser.getPage(root + "search?q=%28broken");
            assertThat(query.getElementById("q-error").getTextContent())
                    .isEqualTo("unbalanced parenthesis at 0: it is never closed");
        }
    }

    @Test
    void theArticleLinksItsEntitiesAndShowsSummaryKeyphrasesToneAndItsStory() throws Exception {
        try (WebClient browser = browser()) {
            signIn(browser, root.toString());
            HtmlPage article = browser.getPage(root + "articles/7");
            assertThat(article.querySelectorAll(".body a.mention")).hasSize(3);
            HtmlAnchor person = (HtmlAnchor) article.<DomNode>querySelector(".body a.mention.person");
            assertThat(person.getTextContent()).isEqualTo("Mara Quinn");
            assertThat(article.<DomNode>querySelector(".summary").asNormalizedText())
                    .contains("Crane operators at the port stay out for a second week.");
            String text = article.asNormalizedText();
            assertThat(text).contains("port strike").contains("negative").contains("-0.42");
            assertThat(article.querySelectorAll("ul.copies a"))
                    .as("the later copy of this article, linked to its page")
                    .singleElement()
                    .satisfies(a -> {
                        assertThat(a.getTextContent()).isEqualTo("Quay Weekly");
                        assertThat(((HtmlAnchor) a).getHrefAttribute()).isEqualTo("/articles/8");
                    });
            assertThat(text)
                    .contains("GB United Kingdom")
                    .contains("IE Ireland")
                    .contains("labour");
            assertThat(article.getAnchorByText("economy").getHrefAttribute())
                    .isEqualTo("/search?q=category%3A%22economy%22&sort=date");
            DomNode story = article.<DomNode>querySelector(".story-box");
            assertThat(story.asNormalizedText())
                    .contains("2 sources · 3 articles")
                    .contains("Quay Weekly");
            assertThat(article.querySelectorAll(".story-box li"))
                    .as("the other articles of the story")
                    .hasSize(2);

            HtmlPage entity = person.click();
            assertThat(entity.getUrl().getPath()).isEqualTo("/entities/21");
            assertThat(entity.getTitleText()).isEqualTo("Mara Quinn · newsmon");
            assertThat(entity.querySelectorAll("svg.volume:not(.tone-chart) rect.bar"))
                    .hasSize(14);
            assertThat(entity.querySelectorAll("svg.tone-chart rect.bar"))
                    .as("one column per day with a tone")
                    .hasSize(2);
            assertThat(entity.querySelectorAll("svg.tone-chart rect.tone-positive"))
                    .hasSize(1);
            assertThat(entity.querySelectorAll("svg.tone-chart rect.tone-negative"))
                    .hasSize(1);
            assertThat(entity.<DomNode>querySelector("svg.tone-chart title").getTextContent())
                    .contains("on 2 days from 27 Nov to 29 Nov; +0.05 on average");
            assertThat(entity.asNormalizedText())
                    .contains("Harbour Board")
                    .contains("Also written: Mara Quinn, M. Quinn");
            HtmlPage alert = entity.getAnchorByText("Alert me").click();
            assertThat(topicForm(alert).getInputByName("query").getValue()).isEqualTo("person:\"Mara Quinn\"");
            assertThat(topicForm(alert).getInputByName("name").getValue()).isEqualTo("Mara Quinn");

            HtmlPage storyPage = browser.getPage(root + "stories/11");
            assertThat(storyPage.querySelectorAll("ol.timeline li")).hasSize(3);
            assertThat(storyPage.<DomNode>querySelector("ol.timeline li.first").asNormalizedText())
                    .contains("Quay Weekly")
                    .contains("first report")
                    .contains("Dockers walk out");

            browser.getOptions().setThrowExceptionOnFailingStatusCode(false);
            HtmlPage unknown = browser.getPage(root + "entities/find?type=PERSON&name=Nobody");
            assertThat(unknown.getWebResponse().getStatusCode()).isEqualTo(404);
            assertThat(unknown.asNormalizedText()).contains("No person named 'Nobody' is known yet.");
        }
    }

    @Test
    void anAdminTriesASourceSeesEachArticleAndAddsItWithWhatWasEntered() throws Exception {
        try (WebClient browser = browser()) {
            // the page refreshes itself while a trial runs; here each refresh is looked at by hand
            browser.setRefreshHandler((page, url, seconds) -> {});
            signIn(browser, root.toString());
            HtmlPage add = browser.getPage(root + "sources/new");
            HtmlForm form = (HtmlForm) add.<DomNode>querySelector("form.settings");
            form.getInputByName("url").setValue("  ");
            HtmlPage blank = ((HtmlButton) add.<DomNode>querySelector("button[formaction='/sources/try']")).click();
            assertThat(blank.getElementById("url-error").getTextContent()).isEqualTo("a feed or page URL is required");

            HtmlForm again = (HtmlForm) blank.<DomNode>querySelector("form.settings");
            again.getInputByName("url").setValue("http://news.example/feed.xml");
            again.getInputByName("name").setValue("Ledger & Co");
            again.getInputByName("adaptivePoll").setChecked(false);
            HtmlPage tried = ((HtmlButton) blank.<DomNode>querySelector("button[formaction='/sources/try']")).click();

            assertThat(ApiStubResource.SOURCE_WRITES)
                    .anyMatch(w -> w.startsWith("TRIAL ") && w.contains("\"url\":\"http://news.example/feed.xml\""));
            assertThat(tried.getUrl().getPath()).isEqualTo("/sources/new");
            assertThat(tried.getUrl().getQuery()).contains("trial=42");
            String text = tried.asNormalizedText();
            assertThat(text)
                    .contains("2 of 3 URLs gave an article.", "Harbour strike ends", "HTTP 404 from news.example");
            assertThat(tried.querySelectorAll("ol.trial-lines li")).hasSize(3);
            assertThat(tried.querySelectorAll("meta[http-equiv=refresh]"))
                    .as("a finished trial stops refreshing")
                    .isEmpty();
            HtmlForm kept = (HtmlForm) tried.<DomNode>querySelector("form.settings");
            assertThat(kept.getInputByName("url").getValue()).isEqualTo("http://news.example/feed.xml");
            assertThat(kept.getInputByName("name").getValue()).isEqualTo("Ledger & Co");
            assertThat(kept.getInputByName("adaptivePoll").isChecked()).isFalse();
            assertThat(kept.getInputByName("enabled").isChecked()).isTrue();

            HtmlPage added = ((HtmlButton) tried.<DomNode>querySelector("form.settings button.primary")).click();
            assertThat(added.getUrl().getPath()).isEqualTo("/sources/1");
            assertThat(ApiStubResource.SOURCE_WRITES)
                    .anyMatch(w -> w.startsWith("POST ")
                            && w.contains("\"name\":\"Ledger & Co\"")
                            && w.contains("\"adaptivePoll\":false"));

            HtmlPage running = browser.getPage(root + "sources/new?trial=41&url=http%3A%2F%2Fnews.example%2Ffeed.xml");
            assertThat(running.querySelectorAll("meta[http-equiv=refresh]")).hasSize(1);
            assertThat(running.querySelectorAll("form.settings"))
                    .as("no form to lose edits to the next refresh")
                    .isEmpty();
            assertThat(running.asNormalizedText())
                    .contains(
                            "Fetching: 1 URL tried so far",
                            "<script>alert(1)</script>",
                            "This URL is a source already");
            assertThat(running.querySelectorAll("main script")).isEmpty();
        }
    }

    @Test
    void anAdminListsFiltersAddsEditsAndImportsAndExportsSources() throws Exception {
        try (WebClient browser = browser()) {
            signIn(browser, root.toString());
            HtmlPage list = browser.getPage(root + "sources");
            assertThat(list.querySelectorAll("tr.source-row")).hasSize(2);
            assertThat(list.<DomNode>querySelector("tr.source-row").asNormalizedText())
                    .as("failing first")
                    .contains("Quay Weekly");
            HtmlPage failing = browser.getPage(root + "sources?state=failing");
            assertThat(failing.querySelectorAll("tr.source-row")).hasSize(1);

            HtmlPage add = browser.getPage(root + "sources/new");
            HtmlForm form = (HtmlForm) add.<DomNode>querySelector("form.settings");
            form.getInputByName("url").setValue("bad");
            HtmlPage refused = ((HtmlButton) add.<DomNode>querySelector("form.settings button[type=submit]")).click();
            assertThat(refused.getElementById("url-error").getTextContent())
                    .isEqualTo("must be an absolute http or https URL, got 'bad'");
            HtmlForm again = (HtmlForm) refused.<DomNode>querySelector("form.settings");
            again.getInputByName("url").setValue("http://news.example/feed.xml");
            again.getInputByName("pollIntervalSeconds").setValue("ten");
            HtmlPage notANumber =
                    ((HtmlButton) refused.<DomNode>querySelector("form.settings button[type=submit]")).click();
            assertThat(notANumber.getElementById("pollIntervalSeconds-error").getTextContent())
                    .isEqualTo("'ten' is not a number of seconds such as 900");
            HtmlForm fixed = (HtmlForm) notANumber.<DomNode>querySelector("form.settings");
            fixed.getInputByName("pollIntervalSeconds").setValue("600");
            HtmlPage added =
                    ((HtmlButton) notANumber.<DomNode>querySelector("form.settings button[type=submit]")).click();
            assertThat(added.getUrl().getPath()).isEqualTo("/sources/1");
            assertThat(added.asNormalizedText()).contains("Source added.");
            assertThat(ApiStubResource.SOURCE_WRITES)
                    .anyMatch(w -> w.startsWith("POST ")
                            && w.contains("\"url\":\"http://news.example/feed.xml\"")
                            && w.contains("\"pollIntervalSeconds\":600"));

            HtmlForm edit = (HtmlForm) added.<DomNode>querySelector("form.settings");
            assertThat(edit.getInputByName("includePattern").getValue()).isEqualTo("/news/");
            edit.getInputByName("excludePattern").setValue("/video/");
            edit.getInputByName("enabled").setChecked(false);
            HtmlPage saved = ((HtmlButton) added.<DomNode>querySelector("form.settings button[type=submit]")).click();
            assertThat(saved.asNormalizedText()).contains("Settings saved.");
            assertThat(ApiStubResource.SOURCE_WRITES)
                    .anyMatch(w -> w.startsWith("PATCH ")
                            && w.contains("\"excludePattern\":\"/video/\"")
                            && w.contains("\"enabled\":false")
                            && w.contains("\"url\":null"));

            Page opml = browser.getPage(root + "sources/opml");
            assertThat(opml.getWebResponse().getContentAsString()).contains("xmlUrl=\"http://news.example/feed.xml\"");
            assertThat(opml.getWebResponse().getResponseHeaderValue("Content-Disposition"))
                    .contains("newsmon-sources.opml");

            Path file = Files.createTempFile("feeds", ".opml");
            Files.writeString(
                    file, "<opml version=\"2.0\"><body><outline xmlUrl=\"http://quay.example/rss\"/></body></opml>");
            HtmlPage withImport = browser.getPage(root + "sources");
            HtmlForm upload = (HtmlForm) withImport.<DomNode>querySelector("form[action='/sources/opml']");
            ((HtmlFileInput) upload.getInputByName("opml")).setFiles(file.toFile());
            HtmlPage report = ((HtmlButton)
                            withImport.<DomNode>querySelector("form[action='/sources/opml'] button[type=submit]"))
                    .click();
            assertThat(report.asNormalizedText())
                    .contains("OPML imported: 1 added, 1 already sources, 1 could not be added.")
                    .contains("Line 4: not an http URL.");
            assertThat(ApiStubResource.SOURCE_WRITES)
                    .anyMatch(w -> w.startsWith("OPML ") && w.contains("quay.example/rss"));

            HtmlPage reindexed =
                    ((HtmlButton) report.<DomNode>querySelector("form[action='/sources/reindex'] button")).click();
            assertThat(reindexed.asNormalizedText()).contains("Reindex started");
            assertThat(ApiStubResource.SOURCE_WRITES).contains("REINDEX");
        }
    }
}
