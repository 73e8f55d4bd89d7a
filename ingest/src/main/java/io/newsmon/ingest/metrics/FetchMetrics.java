package io.newsmon.ingest.metrics;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.jboss.logging.Logger;

/**
 * The fetch rate ops watch on /q/metrics: {@code newsmon_articles_fetched_recently}, pages fetched and extracted in
 * the last five minutes (by any replica).
 * Read from the database every {@code newsmon.metrics.refresh} (never on a scrape), so every replica reports the
 * same cluster-wide figure: take {@code max()} across replicas.
 */
@Startup
@ApplicationScoped
public class FetchMetrics {

    private static final Logger LOG = Logger.getLogger(FetchMetrics.class);
    static final Duration WINDOW = Duration.ofMinutes(5);

    private final DataSource dataSource;
    private final AtomicLong recent = new AtomicLong();

    FetchMetrics(DataSource dataSource, MeterRegistry registry) {
        this.dataSource = dataSource;
        Gauge.builder("newsmon.articles.fetched.recently", recent, AtomicLong::get)
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
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM article WHERE fetched_at >= ?")) {
            ps.setTimestamp(1, Timestamp.from(Instant.now().minus(WINDOW)));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                recent.set(rs.getLong(1));
            }
        } catch (SQLException e) {
            LOG.debugf("newsmon.articles.fetched.recently not refreshed: %s", e.getMessage());
        }
    }
}
