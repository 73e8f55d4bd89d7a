package io.newsmon.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

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

/** An admin puts FAILED articles back where they failed; nobody else can. */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
class RequeueResourceTest {

    private long harbour;
    private long ledger;

    @BeforeEach
    void failedArticles() {
        QuarkusTransaction.requiringNew().run(() -> {
            Article.deleteAll();
            Source.deleteAll();
            harbour = source("Harbour News");
            ledger = source("Ledger");
            failed(harbour, "gone", null, "PERMANENT");
            failed(harbour, "down", null, "TRANSIENT");
            failed(ledger, "enrichment", "A body that nlp choked on.", "TRANSIENT");
            Article ok = new Article();
            ok.source = Source.findById(harbour);
            ok.url = "http://news.example/fine";
            ok.state = PipelineState.ENRICHED;
            ok.discoveredAt = Instant.now();
            ok.persist();
        });
    }

    @Test
    void onlyAdminsRequeue() {
        given().post("/api/articles/requeue").then().statusCode(401);
        given().auth()
                .oauth2(TestTokens.analyst())
                .post("/api/articles/requeue")
                .then()
                .statusCode(403);
        assertThat(countFailed()).isEqualTo(3);
    }

    @Test
    void filtersBySourceStageAndKindAndSendsEachBackToWhereItFailed() {
        given().auth()
                .oauth2(TestTokens.admin())
                .post("/api/articles/requeue?source=" + harbour + "&kind=transient")
                .then()
                .statusCode(200)
                .body("requeued", equalTo(1));
        assertThat(stateOf("down")).isEqualTo(PipelineState.DISCOVERED);
        assertThat(stateOf("gone")).isEqualTo(PipelineState.FAILED);

        given().auth()
                .oauth2(TestTokens.admin())
                .post("/api/articles/requeue?stage=enrich")
                .then()
                .statusCode(200)
                .body("requeued", equalTo(1));
        assertThat(stateOf("enrichment")).as("it had its text: back to nlp").isEqualTo(PipelineState.EXTRACTED);

        given().auth()
                .oauth2(TestTokens.admin())
                .post("/api/articles/requeue")
                .then()
                .statusCode(200)
                .body("requeued", equalTo(1));
        assertThat(countFailed()).isZero();
        assertThat(stateOf("fine")).isEqualTo(PipelineState.ENRICHED);
    }

    @Test
    void aBadFilterIsA400NamingTheField() {
        given().auth()
                .oauth2(TestTokens.admin())
                .post("/api/articles/requeue?kind=sometimes")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("kind"));
        given().auth()
                .oauth2(TestTokens.admin())
                .post("/api/articles/requeue?source=harbour")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("source"));
        assertThat(countFailed()).isEqualTo(3);
    }

    private static long source(String name) {
        Source s = new Source();
        s.name = name;
        s.url = "http://news.example/" + name.hashCode() + ".xml";
        s.createdAt = Instant.now();
        s.persist();
        return s.id;
    }

    private static void failed(long sourceId, String slug, String body, String kind) {
        Article a = new Article();
        a.source = Source.findById(sourceId);
        a.url = "http://news.example/" + slug;
        a.body = body;
        a.state = PipelineState.FAILED;
        a.lastError = "it failed";
        a.attempts = 3;
        a.discoveredAt = Instant.now();
        a.persist();
        Article.flush();
        Article.getEntityManager()
                .createNativeQuery("UPDATE article SET failure_kind = ?1 WHERE id = ?2")
                .setParameter(1, kind)
                .setParameter(2, a.id)
                .executeUpdate();
    }

    private static PipelineState stateOf(String slug) {
        return QuarkusTransaction.requiringNew()
                .call(() -> Article.findByUrl("http://news.example/" + slug).orElseThrow().state);
    }

    private static long countFailed() {
        return QuarkusTransaction.requiringNew().call(() -> Article.count("state", PipelineState.FAILED));
    }
}
