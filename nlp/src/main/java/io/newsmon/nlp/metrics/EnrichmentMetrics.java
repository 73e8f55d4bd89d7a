package io.newsmon.nlp.metrics;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.newsmon.domain.metrics.RecentArticles;
import io.quarkus.runtime.Startup;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import javax.sql.DataSource;

/**
 * The enrichment rate ops watch on /q/metrics: {@code newsmon_articles_enriched_recently}, articles enriched in the last
 * five minutes (by any replica). Read from the database every {@code newsmon.metrics.refresh} (never on a scrape),
 * so every replica reports the same cluster-wide figure: take {@code max()} across replicas.
 */
@Startup
@ApplicationScoped
public class EnrichmentMetrics {

    static final Duration WINDOW = RecentArticles.WINDOW;

    private final RecentArticles recent;

    EnrichmentMetrics(DataSource dataSource, MeterRegistry registry) {
        this.recent = new RecentArticles(dataSource, "enriched_at");
        Gauge.builder("newsmon.articles.enriched.recently", recent, RecentArticles::count)
                .description("Articles enriched in the last 5 minutes, by all replicas")
                .register(registry);
    }

    @Scheduled(
            every = "${newsmon.metrics.refresh:15s}",
            delayed = "${newsmon.metrics.delay:5s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduledRefresh() {
        refresh();
    }

    /** Re-reads the figure; a database that does not answer leaves the last value in place. */
    public void refresh() {
        recent.refresh();
    }
}
