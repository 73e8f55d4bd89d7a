package io.newsmon.api.metrics;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.newsmon.domain.article.Article;
import io.newsmon.domain.pipeline.PipelineState;
import io.newsmon.domain.source.Source;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import jakarta.inject.Inject;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The business metrics ops alert on are on /q/metrics with the counts the database holds. */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
class BusinessMetricsTest {

    @Inject
    BusinessMetrics metrics;

    @Test
    void queueDepthPerStateIsPublishedOnTheMetricsEndpoint() {
        QuarkusTransaction.requiringNew().run(() -> {
            Article.deleteAll();
            Source.deleteAll();
            for (int i = 0; i < 3; i++) {
                article("waiting-" + i, PipelineState.DISCOVERED);
            }
            article("extracted", PipelineState.EXTRACTED);
            article("broken", PipelineState.FAILED);
        });
        metrics.refresh();

        String body = given().get("/q/metrics").then().statusCode(200).extract().asString();
        assertThat(body)
                .contains("newsmon_articles{state=\"DISCOVERED\"} 3.0")
                .contains("newsmon_articles{state=\"EXTRACTED\"} 1.0")
                .contains("newsmon_articles{state=\"FAILED\"} 1.0")
                .contains("newsmon_articles{state=\"ENRICHED\"} 0.0")
                .contains("newsmon_alert_deliveries{state=\"PENDING\"}")
                .contains("newsmon_alert_deliveries_failing ")
                .contains("newsmon_search_index_lag ");

        QuarkusTransaction.requiringNew().run(() -> Article.delete("state", PipelineState.DISCOVERED));
        metrics.refresh();
        assertThat(given().get("/q/metrics").then().extract().asString())
                .contains("newsmon_articles{state=\"DISCOVERED\"} 0.0");
    }

    private static void article(String name, PipelineState state) {
        Article a = new Article();
        a.url = "http://news.example/metrics/" + name;
        a.title = name;
        a.state = state;
        a.discoveredAt = Instant.now();
        a.persist();
    }
}
