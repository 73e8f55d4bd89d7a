package io.newsmon.domain.metrics;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * How many articles passed a pipeline step in the last {@link #WINDOW}, by any replica: the figure behind the
 * fetch and enrichment rate gauges. Read from the database on {@link #refresh()} (the services schedule it, never
 * on a scrape), so every replica reports the same cluster-wide value.
 */
public final class RecentArticles {

    public static final Duration WINDOW = Duration.ofMinutes(5);
    private static final Set<String> COLUMNS = Set.of("fetched_at", "enriched_at");
    private static final Logger LOG = Logger.getLogger(RecentArticles.class.getName());

    private final DataSource dataSource;
    private final String column;
    private final String sql;
    private final AtomicLong count = new AtomicLong();

    /** {@code column} is the article's timestamp of the step: {@code fetched_at} or {@code enriched_at}. */
    public RecentArticles(DataSource dataSource, String column) {
        if (!COLUMNS.contains(column)) {
            throw new IllegalArgumentException("not an article step timestamp: " + column);
        }
        this.dataSource = dataSource;
        this.column = column;
        this.sql = "SELECT COUNT(*) FROM article WHERE " + column + " >= ?";
    }

    /** The value read by the last successful {@link #refresh()}. */
    public long count() {
        return count.get();
    }

    /** Re-reads the figure; a database that does not answer leaves the last value in place. */
    public void refresh() {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setTimestamp(1, Timestamp.from(Instant.now().minus(WINDOW)));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                count.set(rs.getLong(1));
            }
        } catch (SQLException e) {
            LOG.log(Level.FINE, "articles by {0} in the last 5 minutes not refreshed: {1}", new Object[] {
                column, e.getMessage()
            });
        }
    }
}
