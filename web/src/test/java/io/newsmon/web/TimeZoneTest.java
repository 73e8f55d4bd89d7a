package io.newsmon.web;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static io.newsmon.web.DashboardTest.browser;
import static io.newsmon.web.DashboardTest.signIn;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWireMock;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.htmlunit.HttpMethod;
import org.htmlunit.Page;
import org.htmlunit.WebClient;
import org.htmlunit.WebRequest;
import org.htmlunit.html.DomNode;
import org.htmlunit.html.HtmlButton;
import org.htmlunit.html.HtmlForm;
import org.htmlunit.html.HtmlPage;
import org.htmlunit.http.Cookie;
import org.htmlunit.util.NameValuePair;
import org.junit.jupiter.api.Test;

/**
 * Times in the analyst's zone: an explicit choice, else the browser's zone (newsmon.js's cookie), else the
 * account's {@code zoneinfo}, else UTC. The stub's article 7 was published at 2026-11-29T08:30:00Z.
 */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
@QuarkusTestResource(ApiStubResource.class)
class TimeZoneTest {

    @TestHTTPResource("/")
    URL root;

    @OidcWireMock
    WireMockServer oidc;

    @Test
    void withNothingToGoByTimesAreInUtcAndEveryPageSaysSo() throws Exception {
        try (WebClient browser = browser()) {
            signIn(browser, root.toString());
            HtmlPage page = browser.getPage(root + "articles");
            assertThat(page.asNormalizedText()).contains("29 Nov 2026, 08:30 UTC");
            assertThat(footer(page)).isEqualTo("newsmon · GPL-3.0-or-later · Times in UTC · change");
            assertThat(page.getAnchorByText("change").getHrefAttribute()).isEqualTo("/display");
        }
    }

    @Test
    void aChosenZoneShowsEveryTimeInItAndBeatsTheBrowsersZone() throws Exception {
        try (WebClient browser = browser()) {
            signIn(browser, root.toString());
            cookie(browser, "newsmon-tz-browser", "America%2FNew_York");
            HtmlPage latest = browser.getPage(root + "articles");
            assertThat(latest.asNormalizedText()).contains("29 Nov 2026, 03:30 EST");
            assertThat(footer(latest)).contains("Times in America/New_York");

            HtmlPage settings = browser.getPage(root + "display");
            assertThat(settings.asNormalizedText())
                    .contains("Times are shown in America/New_York (your browser's zone)");
            HtmlForm form = zoneForm(settings);
            form.getInputByName("zone").type("Europe/Berlin");
            HtmlPage saved = ((HtmlButton) form.getButtonByName("action")).click();
            assertThat(saved.getUrl().getPath()).isEqualTo("/display");
            assertThat(saved.asNormalizedText())
                    .contains("Times are shown in Europe/Berlin (your choice)")
                    // the tests' clock stands at 2026-11-29T12:00:00Z
                    .contains("it is 29 Nov 2026, 13:00 CET there now");

            latest = browser.getPage(root + "articles");
            assertThat(latest.asNormalizedText())
                    .contains("29 Nov 2026, 09:30 CET")
                    .doesNotContain("08:30 UTC")
                    .doesNotContain("EST");
            assertThat(latest.<DomNode>querySelector("time")
                            .getAttributes()
                            .getNamedItem("datetime")
                            .getNodeValue())
                    .as("the machine-readable time stays the instant")
                    .isEqualTo("2026-11-29T08:30:00Z");
            assertThat(footer(latest)).contains("Times in Europe/Berlin");
            assertThat(browser.getPage(root + "articles/7").getWebResponse().getContentAsString())
                    .contains("29 Nov 2026, 09:30 CET");
            assertThat(((HtmlPage) browser.getPage(root + "stories/11")).asNormalizedText())
                    .contains("28 Nov 2026, 08:00 CET to 29 Nov 2026, 09:30 CET");
            HtmlForm topic =
                    (HtmlForm) ((HtmlPage) browser.getPage(root + "topics/new")).<DomNode>querySelector("form.topic");
            assertThat(topic.getInputByName("timeZone").getValue())
                    .as("a new topic's digests are timed in the display zone")
                    .isEqualTo("Europe/Berlin");
            // the overview's days are the api's UTC days, and it says so
            HtmlPage overview = browser.getPage(root.toString());
            assertThat(overview.asNormalizedText()).contains("Days and \"today\" are UTC days");
            assertThat(overview.<DomNode>querySelector("svg.volume title").getTextContent())
                    .contains("(UTC days)");

            // forgetting the choice goes back to the browser's zone
            HtmlPage again = browser.getPage(root + "display");
            HtmlPage forgotten = ((HtmlButton) again.<DomNode>querySelector("button[value='automatic']")).click();
            assertThat(forgotten.asNormalizedText())
                    .contains("Times are shown in America/New_York (your browser's zone)");
        }
    }

    @Test
    void theScriptReportsTheBrowsersZoneForTheNextPage() throws Exception {
        org.htmlunit.BrowserVersion tokyo = new org.htmlunit.BrowserVersion.BrowserVersionBuilder(
                        org.htmlunit.BrowserVersion.FIREFOX)
                .setSystemTimezone(java.util.TimeZone.getTimeZone("Asia/Tokyo"))
                .build();
        try (WebClient browser = new WebClient(tokyo)) {
            browser.setCssErrorHandler(new org.htmlunit.SilentCssErrorHandler());
            browser.getOptions().setThrowExceptionOnScriptError(false);
            signIn(browser, root.toString());
            browser.getPage(root + "articles");
            browser.waitForBackgroundJavaScript(2000);
            assertThat(browser.getCookieManager().getCookie("newsmon-tz-browser"))
                    .isNotNull()
                    .extracting(Cookie::getValue)
                    .isEqualTo("Asia%2FTokyo");
            assertThat(footer(browser.getPage(root + "articles"))).contains("Times in Asia/Tokyo");
        }
    }

    @Test
    void aCookieThatIsNotAZoneFallsBackToUtc() throws Exception {
        try (WebClient browser = browser()) {
            signIn(browser, root.toString());
            cookie(browser, "newsmon-tz", "Mars%2FOlympus");
            cookie(browser, "newsmon-tz-browser", "%3Cscript%3Ealert(1)%3C%2Fscript%3E");
            HtmlPage page = browser.getPage(root + "articles");
            assertThat(page.asNormalizedText()).contains("29 Nov 2026, 08:30 UTC");
            assertThat(footer(page)).contains("Times in UTC");
            assertThat(page.getWebResponse().getContentAsString())
                    .doesNotContain("Mars")
                    .doesNotContain("<script>");
            HtmlPage settings = browser.getPage(root + "display");
            assertThat(settings.asNormalizedText()).contains("Times are shown in UTC (the default)");
        }
    }

    @Test
    void theFormRefusesAZoneItDoesNotKnowBesideTheField() throws Exception {
        try (WebClient browser = browser()) {
            browser.getOptions().setThrowExceptionOnFailingStatusCode(false);
            signIn(browser, root.toString());
            HtmlForm form = zoneForm(browser.getPage(root + "display"));
            form.getInputByName("zone").type("Mars/Olympus");
            HtmlPage refused = ((HtmlButton) form.getButtonByName("action")).click();
            assertThat(refused.getWebResponse().getStatusCode()).isEqualTo(400);
            assertThat(refused.getElementById("zone-error").getTextContent())
                    .startsWith("'Mars/Olympus' is not a time zone");
            assertThat(refused.<DomNode>querySelector(".field.invalid #zone")).isNotNull();
            assertThat(zoneForm(refused).getInputByName("zone").getValue()).isEqualTo("Mars/Olympus");
            assertThat(((HtmlPage) browser.getPage(root + "articles")).asNormalizedText())
                    .contains("29 Nov 2026, 08:30 UTC");
        }
    }

    @Test
    void aChoicePostedWithoutTheCsrfTokenIsRefusedAndChangesNothing() throws Exception {
        try (WebClient browser = browser()) {
            browser.getOptions().setThrowExceptionOnFailingStatusCode(false);
            signIn(browser, root.toString());
            WebRequest forged = new WebRequest(new URL(root + "display"), HttpMethod.POST);
            forged.setRequestParameters(new ArrayList<>(
                    List.of(new NameValuePair("zone", "Europe/Berlin"), new NameValuePair("action", "choose"))));
            Page refused = browser.getPage(forged);
            assertThat(refused.getWebResponse().getStatusCode()).isEqualTo(400);
            assertThat(browser.getCookieManager().getCookie("newsmon-tz")).isNull();
            assertThat(((HtmlPage) browser.getPage(root + "articles")).asNormalizedText())
                    .contains("29 Nov 2026, 08:30 UTC");
        }
    }

    @Test
    void theAccountsZoneinfoIsUsedWhenTheBrowserGivesNone() throws Exception {
        StubMapping tokyo = oidc.stubFor(post("/auth/realms/quarkus/token")
                .withRequestBody(containing("authorization_code"))
                .willReturn(aResponse()
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"access_token\":\""
                                + OidcWiremockTestResource.getAccessToken("bob", Set.of("analyst"))
                                + "\",\"id_token\":\""
                                + OidcWiremockTestResource.generateJwtToken(
                                        "bob",
                                        Set.of("analyst"),
                                        "123456",
                                        "ID",
                                        Set.of("quarkus-web-app"),
                                        Map.of("zoneinfo", "Asia/Tokyo"))
                                + "\"}")));
        try (WebClient browser = browser()) {
            signIn(browser, root.toString());
            HtmlPage page = browser.getPage(root + "articles");
            assertThat(page.asNormalizedText()).contains("29 Nov 2026, 17:30 JST");
            assertThat(footer(page)).contains("Times in Asia/Tokyo");
            cookie(browser, "newsmon-tz-browser", "Europe%2FLondon");
            assertThat(((HtmlPage) browser.getPage(root + "articles")).asNormalizedText())
                    .as("the browser's zone comes before the account's")
                    .contains("29 Nov 2026, 08:30 GMT");
        } finally {
            oidc.removeStub(tokyo);
        }
    }

    private void cookie(WebClient browser, String name, String value) {
        browser.getCookieManager()
                .addCookie(new Cookie(root.getHost(), name, value, "/", (java.util.Date) null, false));
    }

    private static String footer(HtmlPage page) {
        return page.<DomNode>querySelector("footer.foot").asNormalizedText();
    }

    private static HtmlForm zoneForm(HtmlPage page) {
        return (HtmlForm) page.<DomNode>querySelector("form.zone");
    }
}
