package io.newsmon.ingest.metrics;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.newsmon.domain.metrics.RecentArticles;
import io.quarkus.runtime.Startup;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import javax.sql.DataSource;

/**
 * The fetch rate ops watch on /q/metrics: {@code newsmon_articles_fetched_recently}, articles fetched in the last
 * five minutes (by any replica). Read from the database every {@code newsmon.metrics.refresh} (never on a scrape),
 * so every replica reports the same cluster-wide figure: take {@code max()} across replicas.
 */
@Startup
@ApplicationScoped
public class FetchMetrics {

    static final Duration WINDOW = RecentArticles.WINDOW;

    private final RecentArticles recent;

    FetchMetrics(DataSource dataSource, MeterRegistry registry) {
        this.recent = new RecentArticles(dataSource, "fetched_at");
        Gauge.builder("newsmon.articles.fetched.recently", recent, RecentArticles::count)
                .description("Articles fetched in the last 5 minutes, by all replicas")
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
