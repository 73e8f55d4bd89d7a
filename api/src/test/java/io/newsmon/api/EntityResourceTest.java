package io.newsmon.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

import io.newsmon.domain.article.Article;
import io.newsmon.domain.article.EntityMention;
import io.newsmon.domain.article.EntityType;
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
class EntityResourceTest {

    private long jilani;
    private long pakistan;

    @BeforeEach
    void mentions() {
        QuarkusTransaction.requiringNew().run(() -> {
            EntityMention.deleteAll();
            Article.deleteAll();
            Source.deleteAll();
            Article.getEntityManager().createNativeQuery("DELETE FROM entity").executeUpdate();
            jilani = entity("PERSON", "Jalil Abbas Jilani");
            pakistan = entity("LOCATION", "Pakistan");
            long iran = entity("LOCATION", "Iran");
            long a1 = article("https://e.example/1", "2024-01-18T10:00:00Z", 0.4);
            long a2 = article("https://e.example/2", "2024-01-18T15:00:00Z", -0.2);
            long a3 = article("https://e.example/3", "2024-01-20T09:00:00Z", null);
            mention(a1, jilani, EntityType.PERSON, "Jalil Abbas Jilani");
            mention(a1, jilani, EntityType.PERSON, "Jilani");
            mention(a1, pakistan, EntityType.LOCATION, "Pakistan");
            mention(a1, iran, EntityType.LOCATION, "Iran");
            mention(a2, jilani, EntityType.PERSON, "Jilani");
            mention(a2, pakistan, EntityType.LOCATION, "Pakistan");
            mention(a3, pakistan, EntityType.LOCATION, "Pakistan");
        });
    }

    private static long entity(String type, String name) {
        var em = Article.getEntityManager();
        em.createNativeQuery("INSERT INTO entity (type, name, name_key, first_seen) VALUES (?1, ?2, ?3, ?4)")
                .setParameter(1, type)
                .setParameter(2, name)
                .setParameter(3, name.toLowerCase())
                .setParameter(4, Instant.now())
                .executeUpdate();
        return ((Number) em.createNativeQuery("SELECT id FROM entity WHERE name = ?1")
                        .setParameter(1, name)
                        .getSingleResult())
                .longValue();
    }

    private static long article(String url, String published, Double tone) {
        Article a = new Article();
        a.url = url;
        a.title = url;
        a.body = "body";
        a.state = PipelineState.ENRICHED;
        a.publishedAt = Instant.parse(published);
        a.discoveredAt = Instant.now();
        a.tone = tone;
        a.persist();
        return a.id;
    }

    private static void mention(long article, long entity, EntityType type, String text) {
        EntityMention m = new EntityMention();
        m.article = Article.findById(article);
        m.type = type;
        m.text = text;
        m.entityId = entity;
        m.recognizer = "test";
        m.persist();
    }

    @Test
    void listsEntitiesByNumberOfArticlesWithTypeAndNameFilters() {
        given().auth()
                .oauth2(TestTokens.analyst())
                .get("/api/entities")
                .then()
                .statusCode(200)
                .body("items.name", contains("Pakistan", "Jalil Abbas Jilani", "Iran"))
                .body("items.articles", contains(3, 2, 1));
        given().auth()
                .oauth2(TestTokens.analyst())
                .get("/api/entities?type=person&q=jil")
                .then()
                .body("items.name", contains("Jalil Abbas Jilani"));
        given().auth()
                .oauth2(TestTokens.analyst())
                .get("/api/entities?type=planet")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("type"));
    }

    @Test
    void anEntityPageHasItsFormsTimelineCompanionsAndArticles() {
        given().auth()
                .oauth2(TestTokens.analyst())
                .get("/api/entities/" + jilani)
                .then()
                .statusCode(200)
                .body("name", equalTo("Jalil Abbas Jilani"))
                .body("articles", equalTo(2))
                .body("writtenAs", contains("Jilani", "Jalil Abbas Jilani"))
                .body("timeline.day", contains("2024-01-18"))
                .body("timeline.articles", contains(2))
                .body("timeline.tone", contains(0.1f))
                .body("cooccurring.name", contains("Pakistan", "Iran"))
                .body("cooccurring.articles", contains(2, 1))
                .body("latest.url", contains("https://e.example/2", "https://e.example/1"))
                .body("firstSeen", equalTo("2024-01-18T10:00:00Z"));
        given().auth()
                .oauth2(TestTokens.analyst())
                .get("/api/entities/" + pakistan)
                .then()
                .body("timeline.day", contains("2024-01-18", "2024-01-20"))
                .body("timeline.tone", contains(0.1f, null));
        given().auth()
                .oauth2(TestTokens.analyst())
                .get("/api/entities/999999")
                .then()
                .statusCode(404);
        given().auth()
                .oauth2(TestTokens.analyst())
                .get("/api/entities/x")
                .then()
                .statusCode(400);
        given().get("/api/entities").then().statusCode(401);
    }
}
