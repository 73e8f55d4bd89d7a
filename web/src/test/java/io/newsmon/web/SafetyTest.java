package io.newsmon.web;

import static io.newsmon.web.DashboardTest.browser;
import static io.newsmon.web.DashboardTest.signIn;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.response.Response;
import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.htmlunit.HttpMethod;
import org.htmlunit.Page;
import org.htmlunit.WebClient;
import org.htmlunit.WebRequest;
import org.htmlunit.html.DomElement;
import org.htmlunit.html.DomNode;
import org.htmlunit.html.HtmlPage;
import org.htmlunit.util.NameValuePair;
import org.junit.jupiter.api.Test;

/** CSRF tokens, security headers, and scraped or hostile text that stays text. */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
@QuarkusTestResource(ApiStubResource.class)
class SafetyTest {

    @TestHTTPResource("/")
    URL root;

    static final List<String> PAGES = List.of(
            "",
            "articles",
            "articles/7",
            "articles/66",
            "search",
            "search?q=strike&from=2026-11-01",
            "search?q=hostile",
            "entities/21",
            "stories/11",
            "topics",
            "topics/new",
            "topics/5",
            "sources",
            "sources/new",
            "sources/1",
            "display");

    private static final Pattern INLINE_SCRIPT = Pattern.compile("<script(?![^>]*\\ssrc=)", Pattern.CASE_INSENSITIVE);
    private static final Pattern EVENT_ATTRIBUTE = Pattern.compile("<[^>]*\\son[a-z]+\\s*=", Pattern.CASE_INSENSITIVE);
    private static final Pattern STYLE_ATTRIBUTE = Pattern.compile("<[^>]*\\sstyle\\s*=", Pattern.CASE_INSENSITIVE);

    @Test
    void aPostWithoutTheCsrfTokenIsRefusedAndChangesNothing() throws Exception {
        try (WebClient browser = browser()) {
            browser.getOptions().setThrowExceptionOnFailingStatusCode(false);
            signIn(browser, root.toString());
            int before = ApiStubResource.TOPIC_WRITES.size();
            int sourcesBefore = ApiStubResource.SOURCE_WRITES.size();

            WebRequest forged = new WebRequest(new URL(root + "topics"), HttpMethod.POST);
            forged.setRequestParameters(new ArrayList<>(List.of(
                    new NameValuePair("action", "save"),
                    new NameValuePair("name", "Forged"),
                    new NameValuePair("query", "forged"))));
            Page refused = browser.getPage(forged);
            assertThat(refused.getWebResponse().getStatusCode()).isEqualTo(400);

            WebRequest wrongToken = new WebRequest(new URL(root + "topics/5/delete"), HttpMethod.POST);
            wrongToken.setRequestParameters(
                    new ArrayList<>(List.of(new NameValuePair("csrf-token", "not-the-session-token"))));
            assertThat(browser.getPage(wrongToken).getWebResponse().getStatusCode())
                    .isEqualTo(400);

            WebRequest reindex = new WebRequest(new URL(root + "sources/reindex"), HttpMethod.POST);
            reindex.setRequestParameters(new ArrayList<>());
            assertThat(browser.getPage(reindex).getWebResponse().getStatusCode())
                    .isEqualTo(400);

            WebRequest trial = new WebRequest(new URL(root + "sources/try"), HttpMethod.POST);
            trial.setRequestParameters(
                    new ArrayList<>(List.of(new NameValuePair("url", "http://news.example/feed.xml"))));
            assertThat(browser.getPage(trial).getWebResponse().getStatusCode()).isEqualTo(400);

            assertThat(ApiStubResource.TOPIC_WRITES).hasSize(before);
            assertThat(ApiStubResource.SOURCE_WRITES).hasSize(sourcesBefore);

            // every form the pages render carries the token
            for (String path : List.of("topics/new", "topics/5", "sources", "sources/new", "sources/1", "display")) {
                HtmlPage page = browser.getPage(root + path);
                assertThat(page.querySelectorAll("form[method=post] input[name=csrf-token]"))
                        .as("the CSRF token in every form of /" + path)
                        .hasSize(page.querySelectorAll("form[method=post]").size());
            }
        }
    }

    @Test
    void everyResponseCarriesTheSecurityHeaders() throws Exception {
        for (Response r : List.of(
                given().redirects().follow(false).get("/"),
                given().get("/css/newsmon.css"),
                given().get("/js/newsmon.js"),
                given().get("/q/health/ready"),
                given().get("/signed-out"))) {
            String csp = r.getHeader("Content-Security-Policy");
            assertThat(csp)
                    .contains("frame-ancestors 'none'")
                    .contains("script-src 'self'")
                    .doesNotContain("unsafe-inline")
                    .doesNotContain("unsafe-eval");
            assertThat(r.getHeader("X-Content-Type-Options")).isEqualTo("nosniff");
            assertThat(r.getHeader("Referrer-Policy")).isEqualTo("same-origin");
            assertThat(r.getHeader("X-Frame-Options")).isEqualTo("DENY");
        }
        try (WebClient browser = browser()) {
            signIn(browser, root.toString());
            HtmlPage page = browser.getPage(root + "articles/7");
            assertThat(page.getWebResponse().getResponseHeaderValue("Content-Security-Policy"))
                    .contains("default-src 'none'");
        }
    }

    @Test
    void noPageHasInlineScriptEventHandlersOrInlineStyles() throws Exception {
        try (WebClient browser = browser()) {
            signIn(browser, root.toString());
            for (String path : PAGES) {
                HtmlPage page = browser.getPage(root + path);
                String html = page.getWebResponse().getContentAsString();
                assertThat(INLINE_SCRIPT.matcher(html).find())
                        .as("inline script in /" + path)
                        .isFalse();
                assertThat(EVENT_ATTRIBUTE.matcher(html).find())
                        .as("event handler in /" + path)
                        .isFalse();
                assertThat(STYLE_ATTRIBUTE.matcher(html).find())
                        .as("style attribute in /" + path)
                        .isFalse();
            }
        }
    }

    @Test
    void hostileTitleBodyEntityAndHighlightsAreRenderedInert() throws Exception {
        try (WebClient browser = browser()) {
            signIn(browser, root.toString());
            HtmlPage article = browser.getPage(root + "articles/66");
            assertInert(article);
            String text = article.asNormalizedText();
            assertThat(text)
                    .contains("<script>alert('title')</script>\"><img src=x onerror=alert(1)>")
                    .contains("Intro \"><img src=x onerror=alert(2)> and")
                    .contains("<script>alert('summary')</script>")
                    .contains("<img src=x onerror=alert(6)>")
                    .contains("<b onmouseover=alert(5)>Evil</b>");
            // the hostile entity is a link whose text is the hostile text, not markup
            assertThat(article.<DomNode>querySelector("a.mention").getTextContent())
                    .isEqualTo("<script>alert('body')</script>");
            assertThat(((DomElement) article.<DomNode>querySelector("a.original")).getAttribute("href"))
                    .as("a javascript: URL is not a link")
                    .isEqualTo("#");

            HtmlPage search = browser.getPage(root + "search?q=hostile");
            assertInert(search);
            assertThat(search.querySelectorAll(".hit mark")).hasSize(2);
            assertThat(search.<DomNode>querySelector(".hit h2").getTextContent())
                    .contains("<img src=x onerror=alert(7)>");
        }
    }

    private static void assertInert(HtmlPage page) {
        assertThat(page.querySelectorAll("script:not([src])")).isEmpty();
        assertThat(page.querySelectorAll("main img, main b, main iframe")).isEmpty();
        for (DomElement e : page.getDocumentElement().getDomElementDescendants()) {
            e.getAttributesMap()
                    .keySet()
                    .forEach(name -> assertThat(name)
                            .as("attribute of <" + e.getTagName() + ">")
                            .doesNotStartWith("on"));
            assertThat(e.getAttribute("href")).doesNotStartWithIgnoringCase("javascript:");
        }
    }
}
