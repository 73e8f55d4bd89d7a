package io.newsmon.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;

import io.newsmon.domain.article.Article;
import io.newsmon.domain.pipeline.PipelineState;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
class ArticleClassificationResourceTest {

    private long placed;
    private long bare;

    @BeforeEach
    void articles() {
        QuarkusTransaction.requiringNew().run(() -> {
            Article.deleteAll();
            placed = article("https://c.example/1", "economy,politics");
            bare = article("https://c.example/2", null);
            var em = Article.getEntityManager();
            for (Object[] c : new Object[][] {{"ES", 1}, {"MA", 4}, {"GI", 2}}) {
                em.createNativeQuery("INSERT INTO article_country (article_id, code, mentions) VALUES (?1, ?2, ?3)")
                        .setParameter(1, placed)
                        .setParameter(2, c[0])
                        .setParameter(3, c[1])
                        .executeUpdate();
            }
        });
    }

    private static long article(String url, String categories) {
        Article a = new Article();
        a.url = url;
        a.title = url;
        a.body = "body";
        a.state = PipelineState.ENRICHED;
        a.categories = categories;
        a.publishedAt = Instant.parse("2026-11-27T08:30:00Z");
        a.discoveredAt = Instant.now();
        a.persist();
        return a.id;
    }

    @Test
    void anArticlesCountriesMostMentionedFirstAndItsCategories() {
        given().auth()
                .oauth2(TestTokens.analyst())
                .get("/api/articles/" + placed + "/classification")
                .then()
                .statusCode(200)
                .body("countries.code", contains("MA", "GI", "ES"))
                .body("countries.mentions", contains(4, 2, 1))
                .body("categories", contains("economy", "politics"));
        given().auth()
                .oauth2(TestTokens.analyst())
                .get("/api/articles/" + bare + "/classification")
                .then()
                .statusCode(200)
                .body("countries", empty())
                .body("categories", empty());
    }

    @Test
    void anUnknownArticleIsNotFoundAndAStrangerIsRefused() {
        given().auth()
                .oauth2(TestTokens.analyst())
                .get("/api/articles/987654/classification")
                .then()
                .statusCode(404);
        given().auth()
                .oauth2(TestTokens.analyst())
                .get("/api/articles/x/classification")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("id"));
        given().get("/api/articles/" + placed + "/classification").then().statusCode(401);
    }
}
