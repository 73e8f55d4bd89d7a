package io.newsmon.nlp.metrics;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.newsmon.domain.article.Article;
import io.newsmon.domain.pipeline.PipelineState;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The enrichment rate ops alert on ("nothing enriched for 30 minutes") is on /q/metrics. */
@QuarkusTest
class EnrichmentMetricsTest {

    @Inject
    EnrichmentMetrics metrics;

    @Test
    void countsOnlyTheArticlesOfTheLastFiveMinutes() {
        Instant now = Instant.now();
        QuarkusTransaction.requiringNew().run(() -> {
            Article.delete("url like ?1", "http://news.example/metrics-test/%");
            article("just-now", now.minusSeconds(10));
            article("a-minute-ago", now.minusSeconds(60));
            article("an-hour-ago", now.minus(Duration.ofHours(1)));
        });
        metrics.refresh();

        String body = given().get("/q/metrics").then().statusCode(200).extract().asString();
        assertThat(body).containsPattern("(?m)^newsmon_articles_enriched_recently ([0-9.]+)$");
        double value = Double.parseDouble(body.lines()
                .filter(l -> l.startsWith("newsmon_articles_enriched_recently "))
                .findFirst()
                .orElseThrow()
                .substring("newsmon_articles_enriched_recently ".length()));
        // other tests' articles may be in the window too, never the hour-old one
        long inWindow = QuarkusTransaction.requiringNew()
                .call(() -> Article.count(
                        "enrichedAt >= ?1", now.minus(EnrichmentMetrics.WINDOW).minusSeconds(5)));
        assertThat(value).isGreaterThanOrEqualTo(2).isLessThanOrEqualTo(inWindow);

        QuarkusTransaction.requiringNew()
                .run(() -> Article.delete("url like ?1", "http://news.example/metrics-test/%"));
    }

    private static void article(String name, Instant at) {
        Article a = new Article();
        a.url = "http://news.example/metrics-test/" + name;
        a.title = name;
        a.state = PipelineState.ENRICHED;
        a.discoveredAt = at;
        a.enrichedAt = at;
        a.persist();
    }
}
