package io.newsmon.web;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWireMock;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import java.net.URL;
import java.util.List;
import java.util.Set;
import org.htmlunit.FailingHttpStatusCodeException;
import org.htmlunit.SilentCssErrorHandler;
import org.htmlunit.WebClient;
import org.htmlunit.html.DomNode;
import org.htmlunit.html.HtmlAnchor;
import org.htmlunit.html.HtmlForm;
import org.htmlunit.html.HtmlPage;
import org.junit.jupiter.api.Test;

/** The dashboard behind an OIDC login, reading from the api with the signed-in user's token. */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
@QuarkusTestResource(ApiStubResource.class)
class DashboardTest {

    @TestHTTPResource("/")
    URL root;

    @OidcWireMock
    WireMockServer oidc;

    @Test
    void signingInShowsTheLatestArticlesFetchedWithTheUsersToken() throws Exception {
        try (WebClient browser = browser()) {
            signIn(browser, root.toString());
            HtmlPage page = browser.getPage(root + "articles");
            assertThat(page.getTitleText()).isEqualTo("Latest articles · newsmon");
            assertThat(page.querySelectorAll("tr.article-row")).hasSize(3);
            String text = page.asNormalizedText();
            assertThat(text)
                    .contains("Harbour cranes idle as strike enters week two")
                    .contains("The Harbour Ledger")
                    .contains("29 Nov 2026, 08:30 UTC")
                    .contains("French")
                    .contains("alice");
            assertThat(ApiStubResource.AUTHORIZATIONS).isNotEmpty().allMatch(h -> h.startsWith("Bearer ey"));

            HtmlPage pending = browser.getPage(root + "articles/9");
            assertThat(pending.asNormalizedText())
                    .contains("date unknown")
                    .contains("language unknown")
                    .contains("has not been extracted yet");

            HtmlPage article = page.getAnchorByText("Harbour cranes idle as strike enters week two")
                    .click();
            assertThat(article.getUrl().getPath()).isEqualTo("/articles/7");
            assertThat(article.querySelectorAll(".body p")).hasSize(2);
            assertThat(article.asNormalizedText()).contains("By Mara Quinn").contains("Second paragraph <b>here</b>.");
            assertThat(article.<DomNode>querySelector(".body b"))
                    .as("scraped markup stays text")
                    .isNull();
        }
    }

    @Test
    void theNavigationOffersTheSourcesPagesToAdminsOnly() throws Exception {
        try (WebClient browser = browser()) {
            signIn(browser, root.toString());
            HtmlPage page = browser.getPage(root + "search");
            assertThat(navigation(page)).contains("/search", "/topics", "/sources", "/sources/new");
        }
        // the mock provider signs everyone in as the admin alice; here it answers the code with an analyst's tokens
        StubMapping analyst = oidc.stubFor(post("/auth/realms/quarkus/token")
                .withRequestBody(containing("authorization_code"))
                .willReturn(aResponse()
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"access_token\":\""
                                + OidcWiremockTestResource.getAccessToken("bob", Set.of("analyst"))
                                + "\",\"id_token\":\""
                                + OidcWiremockTestResource.generateJwtToken(
                                        "bob", Set.of("analyst"), "123456", "ID", Set.of("quarkus-web-app"))
                                + "\"}")));
        try (WebClient browser = browser()) {
            signIn(browser, root.toString());
            HtmlPage page = browser.getPage(root + "search");
            assertThat(page.<DomNode>querySelector(".user .who").getTextContent())
                    .isEqualTo("bob");
            assertThat(navigation(page))
                    .contains("/search", "/articles", "/topics")
                    .doesNotContain("/sources", "/sources/new");
        } finally {
            oidc.removeStub(analyst);
        }
    }

    private static List<String> navigation(HtmlPage page) {
        return page.querySelectorAll("nav.nav a").stream()
                .map(a -> ((HtmlAnchor) a).getHrefAttribute())
                .toList();
    }

    @Test
    void searchShowsHighlightedHitsFacetsThatNarrowTheQueryAndPositionedErrors() throws Exception {
        try (WebClient browser = browser()) {
            signIn(browser, root.toString());
            HtmlPage page = browser.getPage(root + "search?q=strike+harbour");
            assertThat(page.getTitleText()).isEqualTo("strike harbour · Search · newsmon");
            String text = page.asNormalizedText();
            assertThat(text).contains("1 articles match").contains("(strike AND harbour)");
            assertThat(page.querySelectorAll(".hit mark")).hasSizeGreaterThanOrEqualTo(3);
            // the snippet's escaped text stays text
            assertThat(text).contains("Crane operators are on strike <again>.");
            assertThat(page.getAnchorByText("GB").getHrefAttribute())
                    .isEqualTo("/search?q=strike+harbour&f=country%3AGB&sort=relevance");
            assertThat(page.getAnchorByText("The Harbour Ledger").getHrefAttribute())
                    .contains("f=source%3A%22The+Harbour+Ledger%22");

            HtmlPage refused = browser.getPage(root + "search?q=%28broken+query");
            assertThat(refused.asNormalizedText()).contains("unbalanced parenthesis at 0: it is never closed");
            assertThat(refused.<DomNode>querySelector("pre.caret").getTextContent())
                    .isEqualTo("(broken query\n^");

            HtmlPage blank = browser.getPage(root + "search");
            assertThat(blank.asNormalizedText()).contains("Operators are upper case");
        }
    }

    @Test
    void topicsAreCreatedWithABackTestPreviewRefusedWithACaretAndShowTheirHistory() throws Exception {
        try (WebClient browser = browser()) {
            signIn(browser, root.toString());
            HtmlPage list = browser.getPage(root + "topics");
            assertThat(list.querySelectorAll("tr.topic-row")).hasSize(1);
            assertThat(list.asNormalizedText()).contains("Harbour strike").contains("harbour AND strike");

            HtmlPage form = browser.getPage(root + "topics/new");
            HtmlForm topic = topicForm(form);
            topic.getInputByName("name").type("Harbour strike");
            topic.getInputByName("query").type("harbour AND strike");
            topic.getSelectByName("alertMode").setSelectedAttribute("DAILY", true);
            topic.getTextAreaByName("recipients").setText("desk@example.com");
            HtmlPage preview = topic.getButtonByName("action").click();
            assertThat(preview.asNormalizedText())
                    .contains("Last 7 days: 2 of 40 articles match")
                    .contains("costly: 1 wildcard")
                    .contains("Harbour cranes idle as strike enters week two");
            // the form keeps what was typed
            assertThat(topicForm(preview).getInputByName("query").getValue()).isEqualTo("harbour AND strike");

            HtmlForm again = topicForm(preview);
            again.getInputByName("query").setValue("(broken query");
            HtmlPage refused = ((org.htmlunit.html.HtmlButton) again.getElementsByAttribute("button", "value", "save")
                            .get(0))
                    .click();
            assertThat(refused.asNormalizedText()).contains("query: unbalanced parenthesis at 0: it is never closed");
            assertThat(refused.<DomNode>querySelector("pre.caret").getTextContent())
                    .isEqualTo("(broken query\n^");

            HtmlForm fixed = topicForm(refused);
            fixed.getInputByName("query").setValue("harbour AND strike");
            HtmlPage saved = ((org.htmlunit.html.HtmlButton) fixed.getElementsByAttribute("button", "value", "save")
                            .get(0))
                    .click();
            assertThat(saved.getUrl().getPath()).isEqualTo("/topics/5");
            assertThat(ApiStubResource.TOPIC_WRITES)
                    .anyMatch(w -> w.startsWith("POST /api/topics ")
                            && w.contains("\"alertMode\":\"DAILY\"")
                            && w.contains("\"recipients\":[\"desk@example.com\"]"));
            String text = saved.asNormalizedText();
            assertThat(text)
                    .contains("alerts daily at 07:30 Europe/Berlin")
                    .contains("desk@example.com (awaiting confirmation)")
                    .contains("[newsmon] Harbour strike: 2 new articles")
                    .contains("harbour strike");
            assertThat(saved.querySelectorAll("tr.match-row")).hasSize(1);
            HtmlPage second = browser.getPage(root + "topics/5?page=1");
            assertThat(second.getAnchorByText("← Newer matches").getHrefAttribute())
                    .isEqualTo("/topics/5?page=0");

            HtmlPage paused = ((org.htmlunit.html.HtmlButton)
                            saved.<DomNode>querySelector("form[action='/topics/5/pause'] button"))
                    .click();
            assertThat(paused.getUrl().getPath()).isEqualTo("/topics/5");
            assertThat(ApiStubResource.TOPIC_WRITES)
                    .anyMatch(w -> w.startsWith("PUT /api/topics/5") && w.contains("\"paused\":true"));

            HtmlPage afterDelete = ((org.htmlunit.html.HtmlButton)
                            saved.<DomNode>querySelector("form[action='/topics/5/delete'] button"))
                    .click();
            assertThat(afterDelete.getUrl().getPath()).isEqualTo("/topics");
            assertThat(ApiStubResource.TOPIC_WRITES).contains("DELETE /api/topics/5");
        }
    }

    @Test
    void apiErrorsBecomeReadablePagesNotStackTraces() throws Exception {
        try (WebClient browser = browser()) {
            browser.getOptions().setThrowExceptionOnFailingStatusCode(false);
            signIn(browser, root.toString());
            HtmlPage missing = browser.getPage(root + "articles/999");
            assertThat(missing.getWebResponse().getStatusCode()).isEqualTo(404);
            assertThat(missing.asNormalizedText()).contains("Not found");
            HtmlPage broken = browser.getPage(root + "articles/500");
            assertThat(broken.getWebResponse().getStatusCode()).isEqualTo(502);
            assertThat(broken.asNormalizedText()).contains("The API failed").doesNotContain("Exception");
        }
    }

    @Test
    void anonymousVisitorsAreSentToSignInButHealthIsPublic() {
        given().redirects().follow(false).get("/").then().statusCode(302);
        given().get("/q/health/ready").then().statusCode(200);
        given().get("/css/newsmon.css").then().statusCode(200);
    }

    static HtmlForm topicForm(HtmlPage page) {
        return (HtmlForm) page.<DomNode>querySelector("form.topic");
    }

    static HtmlPage signIn(WebClient browser, String url) throws Exception {
        HtmlPage login = browser.getPage(url);
        HtmlForm form = login.getFormByName("form");
        form.getInputByName("username").type("alice");
        form.getInputByName("password").type("alice");
        try {
            return form.getInputByValue("login").click();
        } catch (FailingHttpStatusCodeException e) {
            throw new AssertionError("sign-in failed: " + e.getStatusCode(), e);
        }
    }

    static WebClient browser() {
        WebClient browser = new WebClient();
        browser.setCssErrorHandler(new SilentCssErrorHandler());
        browser.getOptions().setJavaScriptEnabled(false);
        return browser;
    }
}
