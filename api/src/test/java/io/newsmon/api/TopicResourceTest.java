package io.newsmon.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;

import io.newsmon.api.search.SearchIndex;
import io.newsmon.domain.article.Article;
import io.newsmon.domain.article.EntityMention;
import io.newsmon.domain.pipeline.PipelineState;
import io.newsmon.domain.source.Source;
import io.newsmon.domain.topic.Topic;
import io.newsmon.domain.topic.TopicMatch;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
class TopicResourceTest {

    @Inject
    SearchIndex index;

    private final List<Long> articles = new java.util.ArrayList<>();

    @BeforeEach
    void corpus() {
        articles.clear();
        QuarkusTransaction.requiringNew().run(() -> {
            Topic.deleteAll();
            EntityMention.deleteAll();
            Article.deleteAll();
            Source.deleteAll();
            Source wire = new Source();
            wire.name = "Harbour Wire";
            wire.url = "https://wire.example/rss";
            wire.createdAt = Instant.now();
            wire.persist();
            Instant now = Instant.now();
            articles.add(article(
                    wire,
                    "https://wire.example/1",
                    "Harbour cranes arrive at the new quay",
                    "The harbour board welcomed four cranes at the new quay.",
                    now.minus(Duration.ofDays(1))));
            articles.add(article(
                    wire,
                    "https://wire.example/2",
                    "Ferry timetable changes for winter",
                    "The ferry company cuts two crossings a day until spring.",
                    now.minus(Duration.ofDays(2))));
            articles.add(article(
                    wire,
                    "https://wire.example/3",
                    "Harbour pilots strike for a day",
                    "Pilots of the harbour stopped work on Monday.",
                    now.minus(Duration.ofDays(3))));
            articles.add(article(
                    wire,
                    "https://wire.example/4",
                    "Old harbour story",
                    "A harbour story from last month.",
                    now.minus(Duration.ofDays(30))));
        });
        index.rebuild();
        Awaitility.await()
                .atMost(Duration.ofSeconds(20))
                .until(() -> index.ready() && index.status().documents() == 4);
    }

    private static long article(Source s, String url, String title, String body, Instant published) {
        Article a = new Article();
        a.source = s;
        a.url = url;
        a.title = title;
        a.body = body;
        a.summary = body;
        a.language = "en";
        a.state = PipelineState.ENRICHED;
        a.publishedAt = published;
        a.discoveredAt = published;
        a.seq = ((Number) Article.getEntityManager()
                        .createNativeQuery("SELECT nextval('article_seq')")
                        .getSingleResult())
                .longValue();
        a.persist();
        return a.id;
    }

    private static int create(String token, String json) {
        return given().auth()
                .oauth2(token)
                .contentType(ContentType.JSON)
                .body(json)
                .post("/api/topics")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    @Test
    void aTopicBelongsToItsOwnerAndIsInvisibleToOthers() {
        int id = create(
                TestTokens.analyst(),
                "{\"name\":\"Harbour\",\"query\":\"harbour NOT ferry\",\"alertMode\":\"daily\","
                        + "\"digestTime\":\"07:30\",\"timeZone\":\"Europe/Berlin\"}");
        given().auth()
                .oauth2(TestTokens.analyst())
                .get("/api/topics/" + id)
                .then()
                .statusCode(200)
                .body("name", equalTo("Harbour"))
                .body("alertMode", equalTo("DAILY"))
                .body("digestTime", equalTo("07:30"))
                .body("timeZone", equalTo("Europe/Berlin"))
                .body("ownerEmail", equalTo("analyst@newsmon.local"))
                .body("feedUrl", containsString("/api/topics/feed/"));
        given().auth().oauth2(TestTokens.analyst()).get("/api/topics").then().body("id", hasItem(id));

        given().auth()
                .oauth2(TestTokens.reporter())
                .get("/api/topics")
                .then()
                .statusCode(200)
                .body("$", hasSize(0));
        given().auth()
                .oauth2(TestTokens.reporter())
                .get("/api/topics/" + id)
                .then()
                .statusCode(404);
        given().auth()
                .oauth2(TestTokens.reporter())
                .contentType(ContentType.JSON)
                .body("{\"paused\":true}")
                .put("/api/topics/" + id)
                .then()
                .statusCode(404);
        given().auth()
                .oauth2(TestTokens.reporter())
                .delete("/api/topics/" + id)
                .then()
                .statusCode(404);
        given().auth()
                .oauth2(TestTokens.reporter())
                .get("/api/topics?all=true")
                .then()
                .statusCode(403);
        given().auth()
                .oauth2(TestTokens.admin())
                .get("/api/topics?all=true")
                .then()
                .body("id", hasItem(id));
        given().get("/api/topics").then().statusCode(401);

        given().auth()
                .oauth2(TestTokens.analyst())
                .delete("/api/topics/" + id)
                .then()
                .statusCode(204);
        given().auth()
                .oauth2(TestTokens.analyst())
                .get("/api/topics/" + id)
                .then()
                .statusCode(404);
    }

    @Test
    void badFieldsAreRefusedByNameAndNothingIsSaved() {
        given().auth()
                .oauth2(TestTokens.analyst())
                .contentType(ContentType.JSON)
                .body("{\"name\":\"Broken\",\"query\":\"harbour AND (cranes\"}")
                .post("/api/topics")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("query"))
                .body("position", equalTo(12))
                .body("detail", containsString("parenthesis"));
        refused("{\"name\":\"x\",\"query\":\"harbour\",\"filter\":\"colour:red\"}", "filter");
        refused("{\"name\":\"x\",\"query\":\"harbour\",\"alertMode\":\"sometimes\"}", "alertMode");
        refused("{\"name\":\"x\",\"query\":\"harbour\",\"digestTime\":\"25:00\"}", "digestTime");
        refused("{\"name\":\"x\",\"query\":\"harbour\",\"timeZone\":\"Mars/Olympus\"}", "timeZone");
        refused("{\"name\":\"x\\r\\nBcc: victim@example.com\",\"query\":\"harbour\"}", "name");
        given().auth()
                .oauth2(TestTokens.analyst())
                .contentType(ContentType.JSON)
                .body("{\"name\":\"x\",\"query\":\"harbour\",\"recipients\":[\"ok@example.com\","
                        + "\"evil@example.com\\r\\nBcc: victim@example.com\"]}")
                .post("/api/topics")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("recipients[1]"))
                .body("detail", containsString("line break"));
        refused("{\"name\":\"x\",\"query\":\"harbour\",\"recipients\":[\"not an address\"]}", "recipients[0]");
        given().auth().oauth2(TestTokens.analyst()).get("/api/topics").then().body("$", hasSize(0));
    }

    @Test
    void anAddressTheIdentityProviderDidNotVerifyIsNeverAlerted() {
        org.junit.jupiter.api.Assumptions.assumeFalse(
                TestTokens.fromRealKeycloak(),
                "mints a token with email_verified=false; the real Keycloak's demo users all have verified addresses");
        String unverified = io.smallrye.jwt.build.Jwt.preferredUserName("newcomer")
                .subject("sub-newcomer")
                .claim("email", "boss@example.com")
                .claim("email_verified", false)
                .claim("realm_access", java.util.Map.of("roles", List.of("analyst")))
                .issuer("https://server.example.com")
                .audience("newsmon-api")
                .sign();
        int id = create(
                unverified, "{\"name\":\"Claimed\",\"query\":\"harbour\",\"recipients\":[\"boss@example.com\"]}");
        given().auth()
                .oauth2(unverified)
                .get("/api/topics/" + id)
                .then()
                .statusCode(200)
                .body("ownerEmail", equalTo(null))
                // the claimed address is an extra recipient like any other: it has to confirm
                .body("recipients[0].email", equalTo("boss@example.com"))
                .body("recipients[0].confirmed", equalTo(false));
    }

    @Test
    void topicsPerUserAndRecipientsPerTopicAreCapped() {
        // test profile: 5 topics per user, 2 extra recipients per topic
        for (int i = 0; i < 5; i++) {
            create(TestTokens.reporter(), "{\"name\":\"t" + i + "\",\"query\":\"harbour\"}");
        }
        given().auth()
                .oauth2(TestTokens.reporter())
                .contentType(ContentType.JSON)
                .body("{\"name\":\"one too many\",\"query\":\"harbour\"}")
                .post("/api/topics")
                .then()
                .statusCode(409)
                .body("detail", containsString("newsmon.topics.max-per-user"));
        // another user is not affected
        create(TestTokens.analyst(), "{\"name\":\"mine\",\"query\":\"harbour\"}");
        given().auth()
                .oauth2(TestTokens.analyst())
                .contentType(ContentType.JSON)
                .body("{\"name\":\"x\",\"query\":\"harbour\",\"recipients\":[\"a@example.com\",\"b@example.com\","
                        + "\"c@example.com\"]}")
                .post("/api/topics")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("recipients"))
                .body("detail", containsString("newsmon.topics.max-recipients"));
    }

    @Test
    void aTopicIsValidatedAsAlertsRunItQueryAndFilterTogether() {
        // 60 words each: both are within the 100 terms of newsmon.search.max-clauses, together they are not
        String sixty = String.join(" ", java.util.Collections.nCopies(60, "harbour"));
        given().auth()
                .oauth2(TestTokens.analyst())
                .contentType(ContentType.JSON)
                .body("{\"name\":\"x\",\"query\":\"" + sixty + "\",\"filter\":\"" + sixty + "\"}")
                .post("/api/topics")
                .then()
                .statusCode(400)
                .body("limit", equalTo("newsmon.search.max-clauses"))
                .body("detail", containsString("(query) AND (filter)"));
        // a position in the filter is reported as a position in the filter
        given().auth()
                .oauth2(TestTokens.analyst())
                .contentType(ContentType.JSON)
                .body("{\"name\":\"x\",\"query\":\"harbour\",\"stem\":true,\"filter\":\"lang:en\"}")
                .post("/api/topics")
                .then()
                .statusCode(201)
                .body("runnable", equalTo(true))
                .body("problem", equalTo(null));
        // a topic stored before the limits (e.g. one a lower limit now refuses) shows that it cannot run
        long stored = QuarkusTransaction.requiringNew().call(() -> {
            Topic t = new Topic();
            t.ownerId = TestTokens.subject(TestTokens.analyst());
            t.name = "Too big now";
            t.query = sixty;
            t.filter = sixty;
            t.feedToken = java.util.UUID.randomUUID().toString().replace("-", "");
            t.createdAt = Instant.now();
            t.updatedAt = t.createdAt;
            t.persist();
            return t.id;
        });
        given().auth()
                .oauth2(TestTokens.analyst())
                .get("/api/topics/" + stored)
                .then()
                .statusCode(200)
                .body("runnable", equalTo(false))
                .body("problem", containsString("newsmon.search.max-clauses"));
    }

    private static void refused(String json, String field) {
        given().auth()
                .oauth2(TestTokens.analyst())
                .contentType(ContentType.JSON)
                .body(json)
                .post("/api/topics")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo(field));
    }

    @Test
    void theBackTestCountsLastWeeksMatchesWithASampleAndWarnings() {
        given().auth()
                .oauth2(TestTokens.analyst())
                .contentType(ContentType.JSON)
                .body("{\"query\":\"harbour\"}")
                .post("/api/topics/backtest")
                .then()
                .statusCode(200)
                .body("matches", equalTo(2))
                .body("articles", equalTo(3))
                .body("days", equalTo(7))
                .body("sample.url", org.hamcrest.Matchers.contains("https://wire.example/1", "https://wire.example/3"));
        given().auth()
                .oauth2(TestTokens.analyst())
                .contentType(ContentType.JSON)
                .body("{\"query\":\"lighthouse\"}")
                .post("/api/topics/backtest")
                .then()
                .body("matches", equalTo(0))
                .body("warnings[0]", startsWith("nothing matched"));
        given().auth()
                .oauth2(TestTokens.analyst())
                .contentType(ContentType.JSON)
                .body("{\"query\":\"harb*\"}")
                .post("/api/topics/backtest")
                .then()
                .body("warnings", hasItem(startsWith("costly")));
        given().auth()
                .oauth2(TestTokens.analyst())
                .contentType(ContentType.JSON)
                .body("{\"query\":\"NEAR/x\"}")
                .post("/api/topics/backtest")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("query"));
    }

    @Test
    void recipientsOtherThanTheOwnerStartUnconfirmed() {
        int id = create(
                TestTokens.analyst(),
                "{\"name\":\"Ferries\",\"query\":\"ferry\","
                        + "\"recipients\":[\"Desk@Example.com\",\"analyst@newsmon.local\"]}");
        given().auth()
                .oauth2(TestTokens.analyst())
                .get("/api/topics/" + id)
                .then()
                .body("recipients.find { it.email == 'desk@example.com' }.confirmed", equalTo(false))
                .body("recipients.find { it.email == 'analyst@newsmon.local' }.confirmed", equalTo(true));
        given().auth()
                .oauth2(TestTokens.analyst())
                .contentType(ContentType.JSON)
                .body("{\"query\":\"ferry OR crossing\",\"recipients\":[\"analyst@newsmon.local\"]}")
                .put("/api/topics/" + id)
                .then()
                .statusCode(200)
                .body("query", equalTo("ferry OR crossing"))
                .body("name", equalTo("Ferries"))
                .body("recipients", hasSize(1));
    }

    @Test
    void matchesShowInTheHistoryAndThePrivateAtomFeed() {
        int id = create(TestTokens.analyst(), "{\"name\":\"Harbour <news> & more\",\"query\":\"harbour\"}");
        QuarkusTransaction.requiringNew().run(() -> {
            for (int i : new int[] {0, 2}) {
                TopicMatch m = new TopicMatch();
                m.topicId = (long) id;
                m.articleId = articles.get(i);
                m.matchedAt = Instant.now().minusSeconds(60 - i);
                m.matchedTerms = "harbour";
                m.persist();
            }
        });
        given().auth()
                .oauth2(TestTokens.analyst())
                .get("/api/topics/" + id + "/matches")
                .then()
                .statusCode(200)
                .body(
                        "title",
                        org.hamcrest.Matchers.contains(
                                "Harbour pilots strike for a day", "Harbour cranes arrive at the new quay"))
                .body("matchedTerms[0]", equalTo("harbour"));
        given().auth()
                .oauth2(TestTokens.reporter())
                .get("/api/topics/" + id + "/matches")
                .then()
                .statusCode(404);

        String feedUrl = given().auth()
                .oauth2(TestTokens.analyst())
                .get("/api/topics/" + id)
                .then()
                .extract()
                .path("feedUrl");
        String path = feedUrl.substring(feedUrl.indexOf("/api/"));
        String atom = given().get(path)
                .then()
                .statusCode(200)
                .contentType(containsString("atom"))
                .extract()
                .asString();
        assertThat(atom)
                .contains("<feed xmlns=\"http://www.w3.org/2005/Atom\">")
                .contains("newsmon: Harbour &lt;news&gt; &amp; more")
                .contains("<title>Harbour pilots strike for a day</title>")
                .contains("href=\"https://wire.example/1\"")
                .doesNotContain("Ferry timetable");
        given().get("/api/topics/feed/not-a-token-at-all-guessing").then().statusCode(404);
    }
}
