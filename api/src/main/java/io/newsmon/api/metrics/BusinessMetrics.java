package io.newsmon.api.metrics;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.newsmon.api.search.SearchIndex;
import io.newsmon.domain.pipeline.PipelineState;
import io.quarkus.runtime.Startup;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.jboss.logging.Logger;

/**
 * What ops watch on /q/metrics, read from the database every {@code newsmon.metrics.refresh} (never on a scrape):
 * the pipeline's queue depth per state ({@code newsmon_articles{state}}), alert deliveries per state
 * ({@code newsmon_alert_deliveries{state}}), deliveries being retried after a failed SMTP send
 * ({@code newsmon_alert_deliveries_failing}), and how far this replica's search index is behind the database
 * ({@code newsmon_search_index_lag}, in sequence numbers). The first three are the same on every replica.
 */
@Startup
@ApplicationScoped
public class BusinessMetrics {

    private static final Logger LOG = Logger.getLogger(BusinessMetrics.class);
    static final List<String> DELIVERY_STATES = List.of("PENDING", "SENT", "FAILED");

    private final DataSource dataSource;
    private final SearchIndex index;
    private final Map<String, AtomicLong> articles = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> deliveries = new ConcurrentHashMap<>();
    private final AtomicLong failing = new AtomicLong();
    private final AtomicLong indexLag = new AtomicLong();

    BusinessMetrics(DataSource dataSource, SearchIndex index, MeterRegistry registry) {
        this.dataSource = dataSource;
        this.index = index;
        for (PipelineState s : PipelineState.values()) {
            AtomicLong v = articles.computeIfAbsent(s.name(), k -> new AtomicLong());
            Gauge.builder("newsmon.articles", v, AtomicLong::get)
                    .description("Articles in each pipeline state (DISCOVERED and EXTRACTED are the work queues)")
                    .tag("state", s.name())
                    .register(registry);
        }
        for (String s : DELIVERY_STATES) {
            AtomicLong v = deliveries.computeIfAbsent(s, k -> new AtomicLong());
            Gauge.builder("newsmon.alert.deliveries", v, AtomicLong::get)
                    .description("Alert e-mail deliveries in each state")
                    .tag("state", s)
                    .register(registry);
        }
        Gauge.builder("newsmon.alert.deliveries.failing", failing, AtomicLong::get)
                .description("Pending alert deliveries whose last SMTP send failed (being retried)")
                .register(registry);
        Gauge.builder("newsmon.search.index.lag", indexLag, AtomicLong::get)
                .description("Sequence numbers this replica's search index is behind the database")
                .register(registry);
    }

    @Scheduled(
            every = "${newsmon.metrics.refresh:15s}",
            delayed = "${newsmon.metrics.delay:5s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduledRefresh() {
        refresh();
    }

    /** Re-reads every figure; a database that does not answer leaves the last values in place. */
    public void refresh() {
        try (Connection c = dataSource.getConnection()) {
            countByState(c, "SELECT state, COUNT(*) FROM article GROUP BY state", articles);
            countByState(c, "SELECT state, COUNT(*) FROM alert_delivery GROUP BY state", deliveries);
            try (PreparedStatement ps = c.prepareStatement(
                            "SELECT COUNT(*) FROM alert_delivery WHERE state = 'PENDING' AND last_error IS NOT NULL");
                    ResultSet rs = ps.executeQuery()) {
                rs.next();
                failing.set(rs.getLong(1));
            }
        } catch (SQLException e) {
            LOG.debugf("business metrics not refreshed: %s", e.getMessage());
            return;
        }
        SearchIndex.Status status = index.status();
        indexLag.set(Math.max(0, status.databaseSeq() - status.indexedSeq()));
    }

    private static void countByState(Connection c, String sql, Map<String, AtomicLong> into) throws SQLException {
        Map<String, Long> counts = new java.util.HashMap<>();
        try (PreparedStatement ps = c.prepareStatement(sql);
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                counts.put(rs.getString(1), rs.getLong(2));
            }
        }
        into.forEach((state, v) -> v.set(counts.getOrDefault(state, 0L)));
    }
}
