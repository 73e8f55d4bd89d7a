package io.newsmon.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import io.newsmon.api.search.SearchIndex;
import io.newsmon.domain.article.Article;
import io.newsmon.domain.article.EntityMention;
import io.newsmon.domain.article.EntityType;
import io.newsmon.domain.pipeline.PipelineState;
import io.newsmon.domain.source.Source;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
class SearchResourceTest {

    @Inject
    SearchIndex index;

    @BeforeEach
    void corpus() {
        QuarkusTransaction.requiringNew().run(() -> {
            EntityMention.deleteAll();
            Article.deleteAll();
            Source.deleteAll();
            Source dawn = source("Dawn", "https://www.dawn.com/feeds/home");
            Source reuters = source("Reuters", "https://www.reuters.com/rss");
            article(
                    dawn,
                    "https://www.dawn.com/news/1",
                    "Iran and Pakistan agree on border security",
                    "Foreign ministers of Iran and Pakistan met in Islamabad to discuss the border.",
                    "2024-01-18T10:00:00Z",
                    PipelineState.ENRICHED,
                    "Jalil Abbas Jilani");
            article(
                    reuters,
                    "https://www.reuters.com/world/2",
                    "Economic growth slows in the eurozone",
                    "Economists say the economy of the eurozone grew slowly, economically speaking, in the last quarter.",
                    "2024-01-05T08:00:00Z",
                    PipelineState.ENRICHED,
                    null);
            article(
                    dawn,
                    "https://www.dawn.com/news/3",
                    "Storm closes the border crossing",
                    "A storm hit the coast; the border crossing with Iran was closed.",
                    "2024-01-31T23:30:00Z",
                    PipelineState.ENRICHED,
                    null);
            article(
                    reuters,
                    "https://www.reuters.com/world/4",
                    "Pakistan raises border incidents",
                    "Pakistan raised border incidents with Iran at the United Nations.",
                    "2024-02-02T09:00:00Z",
                    PipelineState.ENRICHED,
                    "Jalil Abbas Jilani");
            // not enriched yet: not searchable
            article(
                    reuters,
                    "https://www.reuters.com/world/5",
                    "Iran border draft",
                    "Iran border text still in the pipeline.",
                    "2024-02-03T09:00:00Z",
                    PipelineState.EXTRACTED,
                    null);
        });
        index.rebuild();
        Awaitility.await()
                .atMost(Duration.ofSeconds(20))
                .until(() -> index.ready() && index.status().documents() == 4);
    }

    private static Source source(String name, String url) {
        Source s = new Source();
        s.name = name;
        s.url = url;
        s.createdAt = Instant.now();
        s.persist();
        return s;
    }

    private static void article(
            Source s, String url, String title, String body, String published, PipelineState state, String person) {
        Article a = new Article();
        a.source = s;
        a.url = url;
        a.title = title;
        a.body = body;
        a.language = "en";
        a.tone = title.startsWith("Storm") ? -0.6 : 0.2;
        a.state = state;
        a.publishedAt = Instant.parse(published);
        a.discoveredAt = Instant.now();
        if (state == PipelineState.ENRICHED) {
            a.seq = ((Number) Article.getEntityManager()
                            .createNativeQuery("SELECT nextval('article_seq')")
                            .getSingleResult())
                    .longValue();
        }
        a.persist();
        if (person != null) {
            EntityMention m = new EntityMention();
            m.article = a;
            m.type = EntityType.PERSON;
            m.text = person;
            m.startOffset = 0;
            m.endOffset = person.length();
            m.recognizer = "test";
            m.persist();
        }
    }

    private static ValidatableResponse search(String query) {
        return given().auth()
                .oauth2(TestTokens.analyst())
                .queryParam("q", query)
                .get("/api/search")
                .then();
    }

    @Test
    void findsExactlyTheMatchingEnrichedArticlesWithHighlights() {
        search("iran AND border NOT storm")
                .statusCode(200)
                .body("total", equalTo(2))
                .body("hits.url", containsInAnyOrder("https://www.dawn.com/news/1", "https://www.reuters.com/world/4"))
                .body("hits.source", containsInAnyOrder("Dawn", "Reuters"))
                .body("hits[0].snippet", containsString("<mark>"))
                .body("parsed", equalTo("(iran AND border AND NOT storm)"));
        search("title:\"border security\"")
                .body("total", equalTo(1))
                .body("hits[0].titleHighlighted", equalTo("Iran and Pakistan agree on <mark>border security</mark>"));
        search("person:jilani").body("total", equalTo(2));
        search("tone:<-0.3").body("hits.url", contains("https://www.dawn.com/news/3"));
        search("source:dawn.com border").body("total", equalTo(2));
        search("slow* NEAR/3 eurozone").body("hits.url", contains("https://www.reuters.com/world/2"));
    }

    @Test
    void withoutHighlightTheHitsAreTheSameButCarryNoMarkedText() {
        search("iran AND border NOT storm").body("hits[0].snippet", containsString("<mark>"));
        given().auth()
                .oauth2(TestTokens.analyst())
                .queryParam("q", "iran AND border NOT storm")
                .queryParam("highlight", "false")
                .get("/api/search")
                .then()
                .statusCode(200)
                .body("total", equalTo(2))
                .body("hits.url", containsInAnyOrder("https://www.dawn.com/news/1", "https://www.reuters.com/world/4"))
                .body("hits.title", everyItem(notNullValue()))
                .body("hits.titleHighlighted", everyItem(nullValue()))
                .body("hits.snippet", everyItem(nullValue()));
        given().auth()
                .oauth2(TestTokens.analyst())
                .queryParam("q", "iran")
                .queryParam("highlight", "maybe")
                .get("/api/search")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("highlight"));
    }

    @Test
    void countsFacetsOverAllMatchesAndSortsByDate() {
        given().auth()
                .oauth2(TestTokens.analyst())
                .queryParam("q", "border OR eurozone")
                .queryParam("sort", "date")
                .queryParam("size", "2")
                .get("/api/search")
                .then()
                .statusCode(200)
                .body("total", equalTo(4))
                .body("hits.url", contains("https://www.reuters.com/world/4", "https://www.dawn.com/news/3"))
                .body("facets.sources.value", contains("Dawn", "Reuters"))
                .body("facets.sources.count", contains(2, 2))
                .body("facets.persons[0].value", equalTo("Jalil Abbas Jilani"))
                .body("facets.persons[0].count", equalTo(2))
                .body("facets.languages[0].count", equalTo(4))
                .body("interval", equalTo("day"))
                .body("histogram.start", hasItem("2024-01-31T00:00:00Z"));
        given().auth()
                .oauth2(TestTokens.analyst())
                .queryParam("q", "border")
                .queryParam("from", "2024-01-18")
                .queryParam("to", "2024-01-31")
                .get("/api/search")
                .then()
                .body("total", equalTo(2))
                .body("interval", equalTo("day"));
    }

    @Test
    void badQueriesGetAPositionedProblemNeverA500() {
        search("iran AND (border OR storm")
                .statusCode(400)
                .contentType("application/problem+json")
                .body("detail", equalTo("q: unbalanced parenthesis at 9: it is never closed"))
                .body("position", equalTo(9))
                .body("errors[0].field", equalTo("q"));
        search("iran NEAR border").statusCode(400).body("detail", containsString("NEAR needs a distance, e.g. NEAR/5"));
        search("iran NEAR/500 border").statusCode(400).body("limit", equalTo("newsmon.search.max-near-distance"));
        search("").statusCode(400).body("detail", equalTo("q: the query is empty"));
        search("x:y z:").statusCode(400).body("detail", startsWith("q: unknown field 'x'"));
        given().auth()
                .oauth2(TestTokens.analyst())
                .queryParam("q", "iran")
                .queryParam("from", "yesterday")
                .get("/api/search")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("from"));
        given().auth()
                .oauth2(TestTokens.analyst())
                .queryParam("q", "iran")
                .queryParam("sort", "popularity")
                .get("/api/search")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("sort"));
    }

    @Test
    void aWildcardStandingForTooManyWordsNamesTheLimit() {
        // the test profile allows 2 expansions; "bor*" only stands for "border"
        search("bor*").statusCode(200).body("total", equalTo(3));
        search("eco*")
                .statusCode(400)
                .body("detail", containsString("'eco*' at 0 matches more than 2 different words"))
                .body("limit", equalTo("newsmon.search.max-wildcard-expansions"));
    }

    @Test
    void fromAndToAreDatesNeverQueryText() {
        // spliced into "published:[from TO to]" this used to widen the search to every article
        given().auth()
                .oauth2(TestTokens.analyst())
                .queryParam("q", "iran")
                .queryParam("from", "* TO *] OR title:(storm) OR published:[*")
                .get("/api/search")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("from"));
        given().auth()
                .oauth2(TestTokens.analyst())
                .queryParam("q", "iran")
                .queryParam("from", "2020-01-01")
                .queryParam("to", "2030] OR storm")
                .get("/api/search")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("to"));
    }

    @Test
    void wildcardsTooComplexToRunAreAPositioned400() {
        // "*x" then 16 single-character wildcards: the automaton has about 2^16 states
        String pattern = "abc*x" + "?".repeat(16);
        search("iran " + pattern)
                .statusCode(400)
                .body("position", equalTo(5))
                .body("detail", containsString("too complex"));
        search("iran NEAR/3 " + pattern).statusCode(400).body("position", equalTo(12));
        search("\"border " + pattern + "\"").statusCode(400).body("position", equalTo(0));
    }

    @Test
    void randomQueriesAnswer200OrAPositioned400NeverA500() {
        String[] pieces = {
            "iran",
            "border",
            "bor*",
            "eco*",
            "abc*x????????????????",
            "\"",
            "(",
            ")",
            "AND",
            "OR",
            "NOT",
            "-",
            "NEAR/2",
            "ONEAR/3",
            "NEAR/",
            "title:",
            "person:",
            "country:PK",
            "country:xx",
            "lang:",
            "tone:<",
            "tone:[-1 TO x]",
            "published:[2024 TO",
            "published:>=2024-13",
            "source:",
            "\\",
            ":",
            "[",
            "]",
            "*",
            "?",
            "\"bor* stor*\"",
            "title:(iran NEAR/2 border)",
            "category:none",
            "\u00e9"
        };
        java.util.Random random = new java.util.Random(1414);
        for (int n = 0; n < 150; n++) {
            StringBuilder q = new StringBuilder();
            for (int i = 0, parts = 1 + random.nextInt(5); i < parts; i++) {
                q.append(random.nextBoolean() ? " " : "").append(pieces[random.nextInt(pieces.length)]);
            }
            var answer = given().auth()
                    .oauth2(TestTokens.analyst())
                    .queryParam("q", q.toString())
                    .get("/api/search")
                    .then()
                    .extract();
            assertThat(answer.statusCode()).as("status of [%s]", q).isIn(200, 400);
            if (answer.statusCode() == 400) {
                assertThat(answer.jsonPath().getString("errors[0].field"))
                        .as("field of [%s]", q)
                        .isEqualTo("q");
                boolean located = answer.jsonPath().get("position") != null
                        || answer.jsonPath().get("limit") != null
                        || q.toString().isBlank();
                assertThat(located)
                        .as("[%s] answered %s", q, answer.body().asString())
                        .isTrue();
            }
        }
    }

    @Test
    void validateGivesLiveFeedback() {
        given().auth()
                .oauth2(TestTokens.analyst())
                .queryParam("q", "a OR b c")
                .get("/api/search/validate")
                .then()
                .statusCode(200)
                .body("valid", equalTo(true))
                .body("parsed", equalTo("(a OR (b AND c))"));
        given().auth()
                .oauth2(TestTokens.analyst())
                .queryParam("q", "\"open phrase")
                .get("/api/search/validate")
                .then()
                .statusCode(200)
                .body("valid", equalTo(false))
                .body("error", equalTo("unterminated quote at 0"))
                .body("position", equalTo(0));
    }

    @Test
    void newlyEnrichedArticlesBecomeSearchableWithinSeconds() {
        search("typhoon").body("total", equalTo(0));
        QuarkusTransaction.requiringNew()
                .run(() -> article(
                        Source.find("name", "Dawn").firstResult(),
                        "https://www.dawn.com/news/9",
                        "Typhoon warning",
                        "A typhoon is expected.",
                        "2024-02-05T00:00:00Z",
                        PipelineState.ENRICHED,
                        null));
        Awaitility.await()
                .atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> search("typhoon").body("total", equalTo(1)));
    }

    @Test
    void onlyAdminsRebuildAndEveryoneNeedsAToken() {
        given().get("/api/search?q=iran").then().statusCode(401);
        given().auth()
                .oauth2(TestTokens.analyst())
                .post("/api/search/reindex")
                .then()
                .statusCode(403);
        given().auth()
                .oauth2(TestTokens.admin())
                .post("/api/search/reindex")
                .then()
                .statusCode(202);
        Awaitility.await()
                .atMost(Duration.ofSeconds(20))
                .until(() -> index.ready() && index.status().documents() == 4);
        given().auth()
                .oauth2(TestTokens.analyst())
                .get("/api/search/status")
                .then()
                .statusCode(200)
                .body("ready", equalTo(true))
                .body("pending", equalTo(1));
    }

    @Test
    void adminsSeeTheIndexHealthAndItsSkippedArticles() {
        given().auth()
                .oauth2(TestTokens.analyst())
                .get("/api/search/status")
                .then()
                .statusCode(200)
                .body("ready", equalTo(true))
                .body("failure", equalTo(null))
                .body("skipped", equalTo(0));
        given().auth()
                .oauth2(TestTokens.admin())
                .get("/api/search/skipped")
                .then()
                .statusCode(200)
                .body("size()", equalTo(0));
        given().auth()
                .oauth2(TestTokens.analyst())
                .get("/api/search/skipped")
                .then()
                .statusCode(403);
        given().auth()
                .oauth2(TestTokens.admin())
                .queryParam("limit", "0")
                .get("/api/search/skipped")
                .then()
                .statusCode(400)
                .body("detail", containsString("limit"));
        given().auth()
                .oauth2(TestTokens.admin())
                .post("/api/search/reconcile")
                .then()
                .statusCode(202);
        given().get("/q/health/ready")
                .then()
                .statusCode(200)
                .body("checks.find { it.name == 'search-index' }.status", equalTo("UP"));
    }
}
