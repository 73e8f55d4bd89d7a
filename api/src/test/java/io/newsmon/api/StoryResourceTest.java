package io.newsmon.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;

import io.newsmon.domain.article.Article;
import io.newsmon.domain.article.EntityMention;
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
class StoryResourceTest {

    private long shared;
    private long original;
    private long copy;

    @BeforeEach
    void stories() {
        QuarkusTransaction.requiringNew().run(() -> {
            EntityMention.deleteAll();
            Article.getEntityManager()
                    .createNativeQuery("UPDATE article SET story_id = NULL")
                    .executeUpdate();
            Article.getEntityManager().createNativeQuery("DELETE FROM story").executeUpdate();
            Article.deleteAll();
            Source.deleteAll();
            Source dawn = source("Dawn");
            Source reuters = source("Reuters");
            Source wire = source("Wire copy");
            shared = story(
                    "Pakistan and Iran move on from missile strikes",
                    "2024-01-29T08:00:00Z",
                    "2024-01-30T13:00:00Z",
                    3,
                    3);
            long single = story("Harbour strike", "2024-01-31T08:00:00Z", "2024-01-31T08:00:00Z", 1, 1);
            long first = article(dawn, "https://d.example/1", "2024-01-29T08:00:00Z", shared, null);
            article(reuters, "https://r.example/2", "2024-01-30T13:00:00Z", shared, null);
            original = first;
            copy = article(wire, "https://w.example/copy", "2024-01-29T09:00:00Z", null, first);
            article(dawn, "https://d.example/3", "2024-01-31T08:00:00Z", single, null);
        });
    }

    private static Source source(String name) {
        Source s = new Source();
        s.name = name;
        s.url = "import:" + name;
        s.createdAt = Instant.now();
        s.persist();
        return s;
    }

    private static long story(String headline, String first, String last, int articles, int sources) {
        var em = Article.getEntityManager();
        em.createNativeQuery("INSERT INTO story (headline, first_seen, last_seen, article_count, source_count)"
                        + " VALUES (?1, ?2, ?3, ?4, ?5)")
                .setParameter(1, headline)
                .setParameter(2, Instant.parse(first))
                .setParameter(3, Instant.parse(last))
                .setParameter(4, articles)
                .setParameter(5, sources)
                .executeUpdate();
        return ((Number) em.createNativeQuery("SELECT id FROM story WHERE headline = ?1")
                        .setParameter(1, headline)
                        .getSingleResult())
                .longValue();
    }

    private static long article(Source s, String url, String published, Long story, Long duplicateOf) {
        Article a = new Article();
        a.source = s;
        a.url = url;
        a.title = url;
        a.body = "body";
        a.state = duplicateOf == null ? PipelineState.ENRICHED : PipelineState.DUPLICATE;
        a.publishedAt = Instant.parse(published);
        a.discoveredAt = Instant.now();
        a.storyId = story;
        a.duplicateOf = duplicateOf;
        a.persist();
        return a.id;
    }

    @Test
    void listsMultiSourceStoriesByDefaultAndAllOnRequest() {
        given().auth()
                .oauth2(TestTokens.analyst())
                .get("/api/stories")
                .then()
                .statusCode(200)
                .body("total", equalTo(1))
                .body("items[0].headline", equalTo("Pakistan and Iran move on from missile strikes"))
                .body("items[0].sources", equalTo(3));
        given().auth()
                .oauth2(TestTokens.analyst())
                .get("/api/stories?minSources=1")
                .then()
                .body("items.headline", contains("Harbour strike", "Pakistan and Iran move on from missile strikes"));
        given().auth()
                .oauth2(TestTokens.analyst())
                .get("/api/stories?minSources=0")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("minSources"));
    }

    @Test
    void anOriginalListsItsCopiesAndACopyNamesItsOriginal() {
        given().auth()
                .oauth2(TestTokens.analyst())
                .get("/api/articles/" + original)
                .then()
                .statusCode(200)
                .body("copies.url", contains("https://w.example/copy"))
                .body("copies.sourceName", contains("Wire copy"));
        given().auth()
                .oauth2(TestTokens.analyst())
                .get("/api/articles/" + copy)
                .then()
                .statusCode(200)
                .body("duplicateOf", equalTo((int) original))
                .body("copies", empty());
    }

    @Test
    void aStoryShowsItsArticlesIncludingCopiesAndItsSources() {
        given().auth()
                .oauth2(TestTokens.analyst())
                .get("/api/stories/" + shared)
                .then()
                .statusCode(200)
                .body("story.articles", equalTo(3))
                .body("articles.url", contains("https://d.example/1", "https://w.example/copy", "https://r.example/2"))
                .body("sources", contains("Dawn", "Wire copy", "Reuters"));
        given().auth()
                .oauth2(TestTokens.analyst())
                .get("/api/stories/999999")
                .then()
                .statusCode(404);
        given().get("/api/stories").then().statusCode(401);
    }
}
