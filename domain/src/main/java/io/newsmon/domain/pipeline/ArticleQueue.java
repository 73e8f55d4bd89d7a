package io.newsmon.domain.pipeline;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * The pipeline's work queue over the {@code article} table.
 *
 * <p>A stage claims rows in one state with {@code SELECT … FOR UPDATE SKIP LOCKED} and leases them to
 * an owner. The lease is the fence: {@link #complete} and {@link #fail} only touch a row the caller
 * still holds, so a worker whose lease expired (it crashed, or stalled) cannot overwrite the work of
 * the one that claimed the row after it. Expired leases are simply claimable again.
 *
 * <p>Every lease and retry time is read from the database's clock ({@code CURRENT_TIMESTAMP}), never
 * from the replica's: two replicas whose clocks disagree still agree on when a lease runs out, so a
 * replica whose clock runs ahead cannot take a lease that is still held.
 *
 * <p>{@link #claim} runs in its own transaction. {@link #complete} and {@link #fail} run on the
 * caller's connection, inside the caller's transaction, so that a stage commits its result and the
 * next state together.
 */
public class ArticleQueue {

    private static final Logger LOG = Logger.getLogger(ArticleQueue.class.getName());

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
    private static final String RENEW_LEASE =
            "UPDATE article SET lease_expires_at = ? WHERE id = ? AND state = ? AND lease_owner = ?";
    private static final String COMPLETE = "UPDATE article SET state = ?, seq = nextval('article_seq'),"
            + " lease_owner = NULL, lease_expires_at = NULL, last_error = NULL, attempts = 0, retries = 0,"
            + " failure_kind = NULL, failed_stage = NULL"
            + " WHERE id = ? AND state = ? AND lease_owner = ?";
    private static final String PARK = "UPDATE article SET failed_stage = state, state = 'FAILED', last_error = ?,"
            + " failure_kind = 'TRANSIENT', lease_owner = NULL, lease_expires_at = NULL"
            + " WHERE id = ? AND lease_owner = ? AND attempts >= ?";
    private static final String PARK_NOW = "UPDATE article SET failed_stage = state, state = 'FAILED',"
            + " last_error = ?, failure_kind = ?, lease_owner = NULL, lease_expires_at = NULL"
            + " WHERE id = ? AND lease_owner = ? AND state <> 'FAILED'";
    private static final String PARK_EXHAUSTED = "UPDATE article SET failed_stage = state, state = 'FAILED',"
            + " last_error = ?, failure_kind = 'STALLED', lease_owner = NULL, lease_expires_at = NULL"
            + " WHERE state = ? AND attempts >= ? AND lease_expires_at < ?";
    private static final String RETRY_LATER = "UPDATE article SET last_error = ?, lease_owner = NULL,"
            + " lease_expires_at = ? WHERE id = ? AND lease_owner = ?";
    private static final String RETRIES_OF =
            "SELECT retries, CURRENT_TIMESTAMP FROM article WHERE id = ? AND lease_owner = ?";
    private static final String RETRY_SCHEDULED = "UPDATE article SET last_error = ?, lease_owner = NULL,"
            + " lease_expires_at = ?, retries = retries + 1, attempts = 0 WHERE id = ? AND lease_owner = ?";

    /** Replicas whose clock is further than this from the database's are warned about once. */
    private static final Duration SKEW_WARNING = Duration.ofMinutes(1);

    private final DataSource dataSource;
    private final Clock clock;
    private final AtomicBoolean skewReported = new AtomicBoolean();

    /**
     * @param clock this replica's clock: compared with the database's to warn of skew, never used for a
     *     lease
     */
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
        return inOwnTransaction(c -> {
            Instant now = databaseNow(c);
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
            return ids;
        });
    }

    /**
     * Extends {@code owner}'s leases on {@code ids} (still in {@code state}) to {@code lease} from now,
     * by the database's clock: a worker calls it while a batch takes longer than expected. Commits on its
     * own connection.
     *
     * @return how many of the leases were still {@code owner}'s and are extended
     */
    public int renew(Collection<Long> ids, String owner, PipelineState state, Duration lease) throws SQLException {
        if (ids.isEmpty()) {
            return 0;
        }
        return inOwnTransaction(c -> {
            try (PreparedStatement update = c.prepareStatement(RENEW_LEASE)) {
                Timestamp until = Timestamp.from(databaseNow(c).plus(lease));
                for (Long id : ids) {
                    update.setTimestamp(1, until);
                    update.setLong(2, id);
                    update.setString(3, state.name());
                    update.setString(4, owner);
                    update.addBatch();
                }
                int renewed = 0;
                for (int n : update.executeBatch()) {
                    renewed += n > 0 ? 1 : 0;
                }
                return renewed;
            }
        });
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
        String reason = reason(error);
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
            retry.setTimestamp(2, Timestamp.from(databaseNow(c).plus(retryAfter)));
            retry.setLong(3, id);
            retry.setString(4, owner);
            return retry.executeUpdate() == 1 ? Failure.RETRY_LATER : Failure.LEASE_LOST;
        }
    }

    /**
     * Parks a leased row as FAILED at once, for a failure that trying again cannot mend (a page that is
     * gone, too large, not HTML, without an article).
     *
     * @return {@link Failure#PARKED}, or {@link Failure#LEASE_LOST} when {@code owner} no longer holds it
     */
    public Failure failPermanently(Connection c, long id, String owner, String error) throws SQLException {
        return parkNow(c, id, owner, error, "PERMANENT");
    }

    private static Failure parkNow(Connection c, long id, String owner, String error, String kind) throws SQLException {
        try (PreparedStatement park = c.prepareStatement(PARK_NOW)) {
            park.setString(1, reason(error));
            park.setString(2, kind);
            park.setLong(3, id);
            park.setString(4, owner);
            return park.executeUpdate() == 1 ? Failure.PARKED : Failure.LEASE_LOST;
        }
    }

    /**
     * Records a transient failure on a leased row (a timeout, a refused connection, HTTP 429 or 5xx):
     * the row is tried again after the next wait of {@code schedule} (one entry per retry), or after
     * {@code serverAsked} when that is longer; once the schedule is used up it is parked as FAILED with
     * the reason and how often it was tried.
     *
     * @param serverAsked the wait the server asked for (Retry-After), or null
     * @return the outcome, or {@link Failure#LEASE_LOST} when {@code owner} no longer holds the lease
     */
    public Failure failTransiently(
            Connection c, long id, String owner, String error, List<Duration> schedule, Duration serverAsked)
            throws SQLException {
        int retries;
        Instant now;
        try (PreparedStatement select = c.prepareStatement(RETRIES_OF)) {
            select.setLong(1, id);
            select.setString(2, owner);
            try (ResultSet rs = select.executeQuery()) {
                if (!rs.next()) {
                    return Failure.LEASE_LOST;
                }
                retries = rs.getInt(1);
                now = checkSkew(rs.getObject(2, OffsetDateTime.class).toInstant());
            }
        }
        if (retries >= schedule.size()) {
            Duration total = schedule.stream().reduce(Duration.ZERO, Duration::plus);
            String parked = "gave up after " + (retries + 1) + " tries over at least " + human(total)
                    + " (transient failures); the last: " + (error == null ? "unknown error" : error);
            return parkNow(c, id, owner, parked, "TRANSIENT");
        }
        Duration wait = schedule.get(retries);
        if (serverAsked != null && serverAsked.compareTo(wait) > 0) {
            wait = serverAsked;
        }
        try (PreparedStatement retry = c.prepareStatement(RETRY_SCHEDULED)) {
            retry.setString(1, reason(error));
            retry.setTimestamp(2, Timestamp.from(now.plus(wait)));
            retry.setLong(3, id);
            retry.setString(4, owner);
            return retry.executeUpdate() == 1 ? Failure.RETRY_LATER : Failure.LEASE_LOST;
        }
    }

    /**
     * Puts FAILED rows back in the state they failed in, with fresh attempt and retry counts, for an
     * admin who mended the cause. Each filter may be null (any).
     *
     * @param sourceId only rows of this source
     * @param stage only rows that failed in this state (DISCOVERED: the fetch; EXTRACTED: enrichment)
     * @param kind only rows parked this way: PERMANENT, TRANSIENT or STALLED
     * @return how many rows were requeued
     */
    public int requeue(Long sourceId, PipelineState stage, String kind) throws SQLException {
        StringBuilder sql = new StringBuilder("UPDATE article SET state = COALESCE(failed_stage,"
                + " CASE WHEN body IS NULL THEN 'DISCOVERED' ELSE 'EXTRACTED' END), attempts = 0, retries = 0,"
                + " lease_owner = NULL, lease_expires_at = NULL, failure_kind = NULL, failed_stage = NULL"
                + " WHERE state = 'FAILED'");
        List<Object> args = new ArrayList<>();
        if (sourceId != null) {
            sql.append(" AND source_id = ?");
            args.add(sourceId);
        }
        if (stage != null) {
            sql.append(" AND COALESCE(failed_stage, CASE WHEN body IS NULL THEN 'DISCOVERED' ELSE 'EXTRACTED' END)"
                    + " = ?");
            args.add(stage.name());
        }
        if (kind != null) {
            sql.append(" AND failure_kind = ?");
            args.add(kind);
        }
        try (Connection c = dataSource.getConnection();
                PreparedStatement update = c.prepareStatement(sql.toString())) {
            for (int i = 0; i < args.size(); i++) {
                update.setObject(i + 1, args.get(i));
            }
            return update.executeUpdate();
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
        return failOnCallerConnection(id, c -> fail(c, id, owner, error, maxAttempts, retryAfter));
    }

    /** {@link #failPermanently} in the caller's transaction. */
    public Failure failPermanentlyInTransaction(long id, String owner, String error) {
        return failOnCallerConnection(id, c -> failPermanently(c, id, owner, error));
    }

    /** {@link #failTransiently} in the caller's transaction. */
    public Failure failTransientlyInTransaction(
            long id, String owner, String error, List<Duration> schedule, Duration serverAsked) {
        return failOnCallerConnection(id, c -> failTransiently(c, id, owner, error, schedule, serverAsked));
    }

    private Failure failOnCallerConnection(long id, SqlWork<Failure> work) {
        try (Connection c = dataSource.getConnection()) {
            return work.run(c);
        } catch (SQLException e) {
            throw new IllegalStateException("recording the failure of article " + id + " failed", e);
        }
    }

    /** Runs {@code work} in a transaction of its own on a fresh connection: commits, or rolls back and rethrows. */
    private <T> T inOwnTransaction(SqlWork<T> work) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            boolean autoCommit = c.getAutoCommit();
            c.setAutoCommit(false);
            try {
                T result = work.run(c);
                c.commit();
                return result;
            } catch (SQLException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(autoCommit);
            }
        }
    }

    @FunctionalInterface
    private interface SqlWork<T> {
        T run(Connection c) throws SQLException;
    }

    /** The database's current time, the one clock all replicas share. */
    private Instant databaseNow(Connection c) throws SQLException {
        Instant now;
        try (PreparedStatement select = c.prepareStatement("SELECT CURRENT_TIMESTAMP");
                ResultSet rs = select.executeQuery()) {
            rs.next();
            now = rs.getObject(1, OffsetDateTime.class).toInstant();
        }
        return checkSkew(now);
    }

    /** Warns once when this replica's clock is far from {@code now}, the database's; returns {@code now}. */
    private Instant checkSkew(Instant now) {
        Duration skew = Duration.between(now, clock.instant()).abs();
        if (skew.compareTo(SKEW_WARNING) > 0 && skewReported.compareAndSet(false, true)) {
            LOG.warning("this replica's clock is " + human(skew) + " away from the database's; leases and"
                    + " retries follow the database's clock");
        }
        return now;
    }

    private static String reason(String error) {
        return BoundedText.clip(error == null ? "unknown error" : error, 4000);
    }

    private static String human(Duration d) {
        long minutes = d.toMinutes();
        if (minutes < 2) {
            return d.toSeconds() + " s";
        }
        return minutes < 120 ? minutes + " min" : String.format(java.util.Locale.ROOT, "%.1f h", minutes / 60.0);
    }

    /** What {@link #fail} did with the row. */
    public enum Failure {
        RETRY_LATER,
        PARKED,
        LEASE_LOST
    }
}
