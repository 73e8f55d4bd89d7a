package io.newsmon.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;

import io.newsmon.domain.article.Article;
import io.newsmon.domain.pipeline.PipelineState;
import io.newsmon.domain.source.Source;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
class ArticleResourceTest {

    private long sourceId;
    private long frenchId;

    @BeforeEach
    void articles() {
        QuarkusTransaction.requiringNew().run(() -> {
            Article.deleteAll();
            Source.deleteAll();
            Source s = new Source();
            s.name = "Harbour Ledger";
            s.url = "http://news.example/feed.xml";
            s.createdAt = Instant.now();
            s.persist();
            sourceId = s.id;
            article(s, "Oldest", "en", PipelineState.ENRICHED, "2026-11-01T08:00:00Z");
            frenchId = article(s, "Le plus récent", "fr", PipelineState.ENRICHED, "2026-11-29T08:00:00Z");
            article(s, "Middle", "en", PipelineState.EXTRACTED, "2026-11-15T08:00:00Z");
        });
    }

    private static long article(Source s, String title, String lang, PipelineState state, String published) {
        Article a = new Article();
        a.source = s;
        a.url = "http://news.example/" + title.hashCode();
        a.title = title;
        a.body = title + " body.";
        a.language = lang;
        a.state = state;
        a.publishedAt = Instant.parse(published);
        a.discoveredAt = Instant.now();
        a.persist();
        return a.id;
    }

    @Test
    void anonymousCallsGet401AsProblemJson() {
        given().get("/api/articles")
                .then()
                .statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", containsString("Bearer"))
                .body("status", equalTo(401));
        given().auth().oauth2("not-a-token").get("/api/articles").then().statusCode(401);
    }

    @Test
    void analystsListArticlesNewestFirstWithPaging() {
        given().auth()
                .oauth2(TestTokens.analyst())
                .get("/api/articles?size=2")
                .then()
                .statusCode(200)
                .body("total", equalTo(3))
                .body("items.title", contains("Le plus récent", "Middle"))
                .body("items[0].sourceName", equalTo("Harbour Ledger"));
        given().auth()
                .oauth2(TestTokens.analyst())
                .get("/api/articles?size=2&page=1")
                .then()
                .body("items.title", contains("Oldest"));
    }

    @Test
    void undatedArticlesAreListedByWhenTheyWereFoundAmongTheDatedOnes() {
        QuarkusTransaction.requiringNew().run(() -> {
            Source s = Source.findById(sourceId);
            undated(s, "Found mid-month", PipelineState.ENRICHED, "2026-11-20T08:00:00Z");
            undated(s, "Found in October", PipelineState.EXTRACTED, "2026-10-01T08:00:00Z");
        });
        String token = TestTokens.analyst();
        given().auth()
                .oauth2(token)
                .get("/api/articles?size=2")
                .then()
                .body("total", equalTo(5))
                .body("items.title", contains("Le plus récent", "Found mid-month"));
        given().auth()
                .oauth2(token)
                .get("/api/articles?size=2&page=1")
                .then()
                .body("items.title", contains("Middle", "Oldest"));
        given().auth()
                .oauth2(token)
                .get("/api/articles?size=2&page=2")
                .then()
                .body("page", equalTo(2))
                .body("items.title", contains("Found in October"));
        given().auth()
                .oauth2(token)
                .get("/api/articles?size=2&page=3")
                .then()
                .body("total", equalTo(5))
                .body("items", hasSize(0));
        given().auth()
                .oauth2(token)
                .get("/api/articles?state=extracted")
                .then()
                .body("total", equalTo(2))
                .body("items.title", contains("Middle", "Found in October"));
    }

    private static void undated(Source s, String title, PipelineState state, String discovered) {
        Article a = new Article();
        a.source = s;
        a.url = "http://news.example/undated/" + title.hashCode();
        a.title = title;
        a.language = "en";
        a.state = state;
        a.discoveredAt = Instant.parse(discovered);
        a.persist();
    }

    @Test
    void filtersBySourceLanguageAndState() {
        String token = TestTokens.analyst();
        given().auth()
                .oauth2(token)
                .get("/api/articles?language=fr")
                .then()
                .body("items.title", contains("Le plus récent"));
        given().auth()
                .oauth2(token)
                .get("/api/articles?state=extracted")
                .then()
                .body("items.title", contains("Middle"));
        given().auth()
                .oauth2(token)
                .get("/api/articles?source=" + sourceId)
                .then()
                .body("total", equalTo(3));
        given().auth()
                .oauth2(token)
                .get("/api/articles?source=" + (sourceId + 999))
                .then()
                .body("items", hasSize(0));
    }

    @Test
    void badParametersGetA400NamingTheParameter() {
        String token = TestTokens.analyst();
        given().auth()
                .oauth2(token)
                .get("/api/articles?size=0")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("size"))
                .body("errors[0].reason", containsString("between 1 and 100"));
        given().auth()
                .oauth2(token)
                .get("/api/articles?page=abc")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("page"));
        given().auth()
                .oauth2(token)
                .get("/api/articles?state=bogus")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("state"));
        given().auth()
                .oauth2(token)
                .get("/api/articles?language=english!")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("language"));
    }

    @Test
    void oneArticleWithItsBodyOrA404() {
        String token = TestTokens.analyst();
        given().auth()
                .oauth2(token)
                .get("/api/articles/" + frenchId)
                .then()
                .statusCode(200)
                .body("title", equalTo("Le plus récent"))
                .body("body", equalTo("Le plus récent body."))
                .body("publishedAt", notNullValue())
                .body("entities", hasSize(0));
        given().auth()
                .oauth2(token)
                .get("/api/articles/987654321")
                .then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("detail", containsString("article 987654321"));
        given().auth().oauth2(token).get("/api/articles/xyz").then().statusCode(400);
        given().auth()
                .oauth2(token)
                .get("/api/articles/%20")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("id"));
    }

    @Test
    void openApiHealthAndMetricsAreServed() {
        given().get("/q/openapi").then().statusCode(200).body(containsString("/api/articles"));
        given().get("/q/health/ready").then().statusCode(200);
        given().get("/q/metrics").then().statusCode(200);
    }
}
