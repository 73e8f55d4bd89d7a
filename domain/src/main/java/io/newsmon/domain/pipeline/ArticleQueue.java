package io.newsmon.domain.pipeline;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * The pipeline's work queue over the {@code article} table.
 *
 * <p>A stage claims rows in one state with {@code SELECT … FOR UPDATE SKIP LOCKED} and leases them to
 * an owner. The lease is the fence: {@link #complete} and {@link #fail} only touch a row the caller
 * still holds, so a worker whose lease expired (it crashed, or stalled) cannot overwrite the work of
 * the one that claimed the row after it. Expired leases are simply claimable again.
 *
 * <p>{@link #claim} runs in its own transaction. {@link #complete} and {@link #fail} run on the
 * caller's connection, inside the caller's transaction, so that a stage commits its result and the
 * next state together.
 */
public class ArticleQueue {

    private static final String SELECT_CLAIMABLE = "SELECT id FROM article"
            + " WHERE state = ? AND (lease_expires_at IS NULL OR lease_expires_at < ?)"
            + " ORDER BY id LIMIT ? FOR UPDATE SKIP LOCKED";
    private static final String SELECT_CLAIMABLE_WITH_SOURCE = "SELECT id, source_id FROM article"
            + " WHERE state = ? AND (lease_expires_at IS NULL OR lease_expires_at < ?)"
            + " ORDER BY id LIMIT ? FOR UPDATE SKIP LOCKED";
    /** How many of the oldest claimable rows {@link #claimAcrossSources} looks at, per row it takes. */
    public static final int SPREAD_WINDOW = 32;

    private static final String TAKE_LEASE =
            "UPDATE article SET lease_owner = ?, lease_expires_at = ?, attempts = attempts + 1 WHERE id = ?";
    private static final String COMPLETE = "UPDATE article SET state = ?, seq = nextval('article_seq'),"
            + " lease_owner = NULL, lease_expires_at = NULL, last_error = NULL, attempts = 0"
            + " WHERE id = ? AND state = ? AND lease_owner = ?";
    private static final String PARK = "UPDATE article SET state = 'FAILED', last_error = ?,"
            + " lease_owner = NULL, lease_expires_at = NULL"
            + " WHERE id = ? AND lease_owner = ? AND attempts >= ?";
    private static final String PARK_EXHAUSTED = "UPDATE article SET state = 'FAILED', last_error = ?,"
            + " lease_owner = NULL, lease_expires_at = NULL"
            + " WHERE state = ? AND attempts >= ? AND lease_expires_at < ?";
    private static final String RETRY_LATER = "UPDATE article SET last_error = ?, lease_owner = NULL,"
            + " lease_expires_at = ? WHERE id = ? AND lease_owner = ?";

    private final DataSource dataSource;
    private final Clock clock;

    public ArticleQueue(DataSource dataSource, Clock clock) {
        this.dataSource = dataSource;
        this.clock = clock;
    }

    /**
     * Claims up to {@code max} rows in {@code state} whose lease is free or expired, and leases them
     * to {@code owner} for {@code lease}. Rows whose lease expired on their last allowed attempt (the
     * worker died or hung every time) are parked as FAILED instead of being offered again. Commits
     * before returning; must not run inside a transaction.
     *
     * @return the claimed article ids, oldest first
     */
    public List<Long> claim(PipelineState state, String owner, int max, Duration lease, int maxAttempts)
            throws SQLException {
        return claim(state, owner, max, lease, maxAttempts, false);
    }

    /**
     * Like {@link #claim}, but takes the rows round-robin across their sources from the oldest
     * {@code 32 × max} claimable ones, so that a fetcher that must space requests to each site gets work
     * for many sites at once instead of a batch from one. Ids come back in discovery order.
     */
    public List<Long> claimAcrossSources(PipelineState state, String owner, int max, Duration lease, int maxAttempts)
            throws SQLException {
        return claim(state, owner, max, lease, maxAttempts, true);
    }

    private List<Long> claim(
            PipelineState state, String owner, int max, Duration lease, int maxAttempts, boolean spread)
            throws SQLException {
        Instant now = clock.instant();
        try (Connection c = dataSource.getConnection()) {
            boolean autoCommit = c.getAutoCommit();
            c.setAutoCommit(false);
            try {
                try (PreparedStatement park = c.prepareStatement(PARK_EXHAUSTED)) {
                    park.setString(
                            1,
                            "gave up after " + maxAttempts + " attempts: the worker never finished"
                                    + " (it crashed or timed out each time)");
                    park.setString(2, state.name());
                    park.setInt(3, maxAttempts);
                    park.setTimestamp(4, Timestamp.from(now));
                    park.executeUpdate();
                }
                List<Long> ids = new ArrayList<>();
                List<Object> sources = new ArrayList<>();
                try (PreparedStatement select =
                        c.prepareStatement(spread ? SELECT_CLAIMABLE_WITH_SOURCE : SELECT_CLAIMABLE)) {
                    select.setString(1, state.name());
                    select.setTimestamp(2, Timestamp.from(now));
                    select.setInt(3, spread ? max * SPREAD_WINDOW : max);
                    try (ResultSet rs = select.executeQuery()) {
                        while (rs.next()) {
                            ids.add(rs.getLong(1));
                            if (spread) {
                                sources.add(rs.getObject(2));
                            }
                        }
                    }
                }
                if (spread) {
                    ids = RoundRobin.pick(ids, sources, max);
                }
                try (PreparedStatement update = c.prepareStatement(TAKE_LEASE)) {
                    for (Long id : ids) {
                        update.setString(1, owner);
                        update.setTimestamp(2, Timestamp.from(now.plus(lease)));
                        update.setLong(3, id);
                        update.addBatch();
                    }
                    if (!ids.isEmpty()) {
                        update.executeBatch();
                    }
                }
                c.commit();
                return ids;
            } catch (SQLException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(autoCommit);
            }
        }
    }

    /**
     * Moves a leased row from {@code from} to {@code next}, gives it a new sequence number for
     * downstream consumers and frees its lease, on the caller's connection.
     *
     * @return false when {@code owner} no longer holds the lease: the caller must roll back its result
     */
    public boolean complete(Connection c, long id, String owner, PipelineState from, PipelineState next)
            throws SQLException {
        try (PreparedStatement update = c.prepareStatement(COMPLETE)) {
            update.setString(1, next.name());
            update.setLong(2, id);
            update.setString(3, from.name());
            update.setString(4, owner);
            return update.executeUpdate() == 1;
        }
    }

    /**
     * Records a failed attempt on a leased row: parks it as {@link PipelineState#FAILED} once it has
     * been attempted {@code maxAttempts} times, otherwise frees it for a retry after {@code retryAfter}.
     *
     * @return the outcome, or {@link Failure#LEASE_LOST} when {@code owner} no longer holds the lease
     */
    public Failure fail(Connection c, long id, String owner, String error, int maxAttempts, Duration retryAfter)
            throws SQLException {
        String reason = BoundedText.clip(error == null ? "unknown error" : error, 4000);
        try (PreparedStatement park = c.prepareStatement(PARK)) {
            park.setString(1, reason);
            park.setLong(2, id);
            park.setString(3, owner);
            park.setInt(4, maxAttempts);
            if (park.executeUpdate() == 1) {
                return Failure.PARKED;
            }
        }
        try (PreparedStatement retry = c.prepareStatement(RETRY_LATER)) {
            retry.setString(1, reason);
            retry.setTimestamp(2, Timestamp.from(clock.instant().plus(retryAfter)));
            retry.setLong(3, id);
            retry.setString(4, owner);
            return retry.executeUpdate() == 1 ? Failure.RETRY_LATER : Failure.LEASE_LOST;
        }
    }

    /**
     * {@link #complete(Connection, long, String, PipelineState, PipelineState)} on a connection from the
     * data source, which inside a JTA transaction is the transaction's own connection.
     *
     * @throws LeaseLostException when {@code owner} no longer holds the lease
     */
    public void completeInTransaction(long id, String owner, PipelineState from, PipelineState next) {
        try (Connection c = dataSource.getConnection()) {
            if (!complete(c, id, owner, from, next)) {
                throw new LeaseLostException(id);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("moving article " + id + " to " + next + " failed", e);
        }
    }

    /** {@link #fail(Connection, long, String, String, int, Duration)} in the caller's transaction. */
    public Failure failInTransaction(long id, String owner, String error, int maxAttempts, Duration retryAfter) {
        try (Connection c = dataSource.getConnection()) {
            return fail(c, id, owner, error, maxAttempts, retryAfter);
        } catch (SQLException e) {
            throw new IllegalStateException("recording the failure of article " + id + " failed", e);
        }
    }

    /** What {@link #fail} did with the row. */
    public enum Failure {
        RETRY_LATER,
        PARKED,
        LEASE_LOST
    }
}
