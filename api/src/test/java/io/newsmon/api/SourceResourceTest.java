package io.newsmon.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;

import io.newsmon.domain.article.Article;
import io.newsmon.domain.source.Source;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
class SourceResourceTest {

    @BeforeEach
    void clean() {
        QuarkusTransaction.requiringNew().run(() -> {
            Article.deleteAll();
            Source.deleteAll();
        });
    }

    @Test
    void adminsAddSourcesAndEveryoneSeesTheirHealth() {
        given().auth()
                .oauth2(TestTokens.admin())
                .contentType(ContentType.JSON)
                .body("{\"url\":\"https://news.example/rss\",\"name\":\"Example News\",\"pollIntervalSeconds\":600}")
                .post("/api/sources")
                .then()
                .statusCode(201)
                .header("Location", containsString("/api/sources/"))
                .body("name", equalTo("Example News"))
                .body("pollIntervalSeconds", equalTo(600));

        QuarkusTransaction.requiringNew()
                .run(() -> Source.findByUrl("https://news.example/rss")
                        .orElseThrow()
                        .pollFailed(Instant.now(), "not a feed: the URL serves an HTML page"));

        given().auth()
                .oauth2(TestTokens.analyst())
                .get("/api/sources")
                .then()
                .statusCode(200)
                .body("url", hasItem("https://news.example/rss"))
                .body("find { it.url == 'https://news.example/rss' }.lastError", containsString("HTML page"))
                .body("find { it.url == 'https://news.example/rss' }.consecutiveFailures", equalTo(1));
    }

    @Test
    void adminsChangeASourcesSettingsAndBadSettingsAreRefusedByName() {
        int id = given().auth()
                .oauth2(TestTokens.admin())
                .contentType(ContentType.JSON)
                .body("{\"url\":\"https://settings.example/rss\"}")
                .post("/api/sources")
                .then()
                .statusCode(201)
                .body("adaptivePoll", equalTo(true))
                .extract()
                .path("id");

        given().auth()
                .oauth2(TestTokens.admin())
                .contentType(ContentType.JSON)
                .body("{\"includePattern\":\"/world/\",\"excludePattern\":\"/live/\",\"maxArticlesPerPoll\":25,"
                        + "\"languageHint\":\"de\",\"pollIntervalSeconds\":300,\"adaptivePoll\":false}")
                .patch("/api/sources/" + id)
                .then()
                .statusCode(200)
                .body("includePattern", equalTo("/world/"))
                .body("excludePattern", equalTo("/live/"))
                .body("maxArticlesPerPoll", equalTo(25))
                .body("languageHint", equalTo("de"))
                .body("currentPollSeconds", equalTo(300))
                .body("adaptivePoll", equalTo(false));

        given().auth()
                .oauth2(TestTokens.admin())
                .contentType(ContentType.JSON)
                .body("{\"includePattern\":\"/world/(\"}")
                .patch("/api/sources/" + id)
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("includePattern"))
                .body("detail", containsString("not a valid regular expression"));
        given().auth()
                .oauth2(TestTokens.admin())
                .contentType(ContentType.JSON)
                .body("{\"maxArticlesPerPoll\":0}")
                .patch("/api/sources/" + id)
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("maxArticlesPerPoll"));
        // what was refused changed nothing
        given().auth()
                .oauth2(TestTokens.analyst())
                .get("/api/sources/" + id)
                .then()
                .statusCode(200)
                .body("includePattern", equalTo("/world/"))
                .body("maxArticlesPerPoll", equalTo(25));

        given().auth()
                .oauth2(TestTokens.analyst())
                .contentType(ContentType.JSON)
                .body("{\"enabled\":false}")
                .patch("/api/sources/" + id)
                .then()
                .statusCode(403);
        given().auth()
                .oauth2(TestTokens.admin())
                .contentType(ContentType.JSON)
                .body("{\"enabled\":false}")
                .patch("/api/sources/999999")
                .then()
                .statusCode(404);
    }

    @Test
    void opmlImportAddsEveryNewFeedAndExportGivesThemBack() {
        String opml = """
                <?xml version="1.0" encoding="UTF-8"?>
                <opml version="2.0">
                  <head><title>My feeds</title></head>
                  <body>
                    <outline text="World">
                      <outline type="rss" text="Harbour Times" xmlUrl="https://harbour.example/rss" language="en"/>
                      <outline text="Nested">
                        <outline type="rss" text="Valley Post" title="Valley Post" xmlUrl="https://valley.example/feed"/>
                      </outline>
                    </outline>
                    <outline type="rss" text="Again" xmlUrl="https://harbour.example/rss"/>
                    <outline type="rss" text="Not the web" xmlUrl="ftp://files.example/feed"/>
                  </body>
                </opml>
                """;
        given().auth()
                .oauth2(TestTokens.admin())
                .contentType("text/x-opml")
                .body(opml)
                .post("/api/sources/opml")
                .then()
                .statusCode(200)
                .body("added", equalTo(2))
                .body("existing", equalTo(1))
                .body("errors[0].xmlUrl", equalTo("ftp://files.example/feed"))
                .body("errors[0].line", equalTo(12))
                .body("errors[0].reason", containsString("http or https"));

        String exported = given().auth()
                .oauth2(TestTokens.analyst())
                .get("/api/sources/opml")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        org.assertj.core.api.Assertions.assertThat(exported)
                .contains("<opml version=\"2.0\">")
                .contains("xmlUrl=\"https://harbour.example/rss\"")
                .contains("text=\"Harbour Times\"")
                .contains("language=\"en\"")
                .contains("xmlUrl=\"https://valley.example/feed\"");

        // the exported file imports as "all known"
        given().auth()
                .oauth2(TestTokens.admin())
                .contentType("text/x-opml")
                .body(exported)
                .post("/api/sources/opml")
                .then()
                .statusCode(200)
                .body("added", equalTo(0))
                .body("existing", equalTo(2));
    }

    @Test
    void aBrokenOrHostileOpmlFileIsRefusedAndAddsNothing() {
        given().auth()
                .oauth2(TestTokens.admin())
                .contentType("text/x-opml")
                .body("<opml><body><outline xmlUrl=\"https://a.example/rss\"></body>")
                .post("/api/sources/opml")
                .then()
                .statusCode(400)
                .body("detail", containsString("malformed OPML"));
        given().auth()
                .oauth2(TestTokens.admin())
                .contentType("text/x-opml")
                .body("<?xml version=\"1.0\"?><!DOCTYPE opml [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                        + "<opml><body><outline text=\"&x;\" xmlUrl=\"https://b.example/rss\"/></body></opml>")
                .post("/api/sources/opml")
                .then()
                .statusCode(400)
                .body(org.hamcrest.Matchers.not(containsString("root:")));
        given().auth()
                .oauth2(TestTokens.admin())
                .contentType("text/x-opml")
                .body("<rss version=\"2.0\"></rss>")
                .post("/api/sources/opml")
                .then()
                .statusCode(400)
                .body("detail", containsString("not OPML"));
        given().auth().oauth2(TestTokens.analyst()).get("/api/sources").then().body("size()", equalTo(0));
    }

    @Test
    void aSourceThatStopsPublishingAgainstItsOwnRateIsFlaggedSilent() {
        Instant now = Instant.now();
        QuarkusTransaction.requiringNew().run(() -> {
            Source daily = source("https://daily.example/rss", now);
            Source quiet = source("https://quiet.example/rss", now);
            // daily: an article a day for the last ten days; quiet: ten articles, the last one 12 days ago
            for (int day = 0; day < 10; day++) {
                article(daily, "https://daily.example/" + day, now.minus(Duration.ofDays(day)));
                article(quiet, "https://quiet.example/" + day, now.minus(Duration.ofDays(12 + day)));
            }
        });
        given().auth()
                .oauth2(TestTokens.analyst())
                .get("/api/sources")
                .then()
                .body("find { it.url == 'https://daily.example/rss' }.silent", equalTo(false))
                .body("find { it.url == 'https://daily.example/rss' }.articlesPerDay", equalTo(1.0f))
                .body("find { it.url == 'https://quiet.example/rss' }.silent", equalTo(true))
                .body("find { it.url == 'https://quiet.example/rss' }.articlesPerDay", equalTo(0.0f))
                .body("find { it.url == 'https://quiet.example/rss' }.articleCount", equalTo(10));
        long quiet = QuarkusTransaction.requiringNew()
                .call(() -> Source.findByUrl("https://quiet.example/rss").orElseThrow().id);
        given().auth()
                .oauth2(TestTokens.analyst())
                .get("/api/sources/" + quiet)
                .then()
                .statusCode(200)
                .body("silent", equalTo(true))
                .body("articleCount", equalTo(10))
                .body("lastArticleAt", notNullValue());
    }

    private static Source source(String url, Instant now) {
        Source s = new Source();
        s.url = url;
        s.name = url;
        s.createdAt = now.minus(Duration.ofDays(60));
        s.persist();
        return s;
    }

    private static void article(Source s, String url, Instant discovered) {
        Article a = new Article();
        a.source = s;
        a.url = url;
        a.discoveredAt = discovered;
        a.state = io.newsmon.domain.pipeline.PipelineState.ENRICHED;
        a.persist();
    }

    @Test
    void analystsMayNotAddSources() {
        given().auth()
                .oauth2(TestTokens.analyst())
                .contentType(ContentType.JSON)
                .body("{\"url\":\"https://news.example/rss\"}")
                .post("/api/sources")
                .then()
                .statusCode(403)
                .contentType("application/problem+json");
    }

    @Test
    void badSourcesAreRefusedWithTheFieldAndReason() {
        String admin = TestTokens.admin();
        post(admin, "{\"url\":\"ht!tp://bad url\"}").statusCode(400).body("errors[0].field", equalTo("url"));
        post(admin, "{\"url\":\"ftp://files.example/feed\"}")
                .statusCode(400)
                .body("errors[0].reason", containsString("http or https"));
        post(admin, "{\"name\":\"no url\"}").statusCode(400).body("errors[0].reason", equalTo("is required"));
        post(admin, "{\"url\":\"https://ok.example/feed\",\"pollIntervalSeconds\":5}")
                .statusCode(400)
                .body("errors[0].field", equalTo("pollIntervalSeconds"));
        post(admin, "{\"url\":\"https://ok.example/feed\",\"languageHint\":\"english\"}")
                .statusCode(400)
                .body("errors[0].field", equalTo("languageHint"));
        post(admin, "{not json").statusCode(400).contentType("application/problem+json");
        post(admin, "{\"url\":\"https://ok.example/feed\"}").statusCode(201);
        post(admin, "{\"url\":\"https://ok.example/feed\"}").statusCode(409).contentType("application/problem+json");
    }

    private static io.restassured.response.ValidatableResponse post(String token, String json) {
        return given().auth()
                .oauth2(token)
                .contentType(ContentType.JSON)
                .body(json)
                .post("/api/sources")
                .then();
    }
}
