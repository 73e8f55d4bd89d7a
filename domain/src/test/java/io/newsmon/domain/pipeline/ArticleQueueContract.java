package io.newsmon.domain.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicReference;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The work queue's guarantees, run against each database the platform supports. */
abstract class ArticleQueueContract {

    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-11-30T10:00:00Z"));
    private final Clock clock = new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now.get();
        }
    };

    private DataSource dataSource;
    private ArticleQueue queue;

    protected abstract DataSource dataSource();

    @BeforeEach
    void freshSchema() {
        dataSource = dataSource();
        Flyway flyway =
                Flyway.configure().dataSource(dataSource).cleanDisabled(false).load();
        flyway.clean();
        flyway.migrate();
        queue = new ArticleQueue(dataSource, clock);
    }

    @Test
    void twoConcurrentClaimersNeitherShareNorLoseARow() throws Exception {
        insertDiscovered(300);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<List<Long>>> workers = new ArrayList<>();
            for (String owner : List.of("worker-a", "worker-b")) {
                workers.add(pool.submit(drain(owner)));
            }
            List<Long> all = new ArrayList<>();
            for (Future<List<Long>> w : workers) {
                List<Long> ids = w.get();
                all.addAll(ids);
            }
            assertThat(all).doesNotHaveDuplicates().hasSize(300);
            assertThat(countIn(PipelineState.EXTRACTED)).isEqualTo(300);
            assertThat(distinctSeqs()).isEqualTo(300);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aCrashedClaimersRowsComeBackAfterTheLeaseAndItCannotCompleteThem() throws Exception {
        insertDiscovered(10);
        List<Long> crashed = queue.claim(PipelineState.DISCOVERED, "crashed", 10, Duration.ofMinutes(5), 3);
        assertThat(crashed).hasSize(10);

        assertThat(queue.claim(PipelineState.DISCOVERED, "other", 10, Duration.ofMinutes(5), 3))
                .as("leased rows are not offered while the lease runs")
                .isEmpty();

        elapse(Duration.ofMinutes(6));
        List<Long> retaken = queue.claim(PipelineState.DISCOVERED, "other", 10, Duration.ofMinutes(5), 3);
        assertThat(retaken).containsExactlyInAnyOrderElementsOf(crashed);

        try (Connection c = dataSource.getConnection()) {
            assertThat(queue.complete(c, crashed.get(0), "crashed", PipelineState.DISCOVERED, PipelineState.EXTRACTED))
                    .as("the stale owner is fenced off")
                    .isFalse();
            assertThat(queue.complete(c, crashed.get(0), "other", PipelineState.DISCOVERED, PipelineState.EXTRACTED))
                    .isTrue();
        }
        assertThat(countIn(PipelineState.EXTRACTED)).isEqualTo(1);
        assertThat(attemptsOf(crashed.get(1))).isEqualTo(2);
    }

    @Test
    void aRowThatKeepsFailingIsParkedAndDoesNotBlockTheQueue() throws Exception {
        insertDiscovered(3);
        for (int attempt = 1; attempt <= 3; attempt++) {
            List<Long> ids = queue.claim(PipelineState.DISCOVERED, "w", 1, Duration.ofMinutes(1), 3);
            assertThat(ids).hasSize(1);
            long first = ids.get(0);
            try (Connection c = dataSource.getConnection()) {
                ArticleQueue.Failure outcome =
                        queue.fail(c, first, "w", "HTTP 500 from server", 3, Duration.ofSeconds(30));
                assertThat(outcome)
                        .isEqualTo(attempt < 3 ? ArticleQueue.Failure.RETRY_LATER : ArticleQueue.Failure.PARKED);
            }
            elapse(Duration.ofMinutes(2));
        }
        assertThat(countIn(PipelineState.FAILED)).isEqualTo(1);
        assertThat(lastErrorOfFailed()).isEqualTo("HTTP 500 from server");
        assertThat(queue.claim(PipelineState.DISCOVERED, "w", 10, Duration.ofMinutes(1), 3))
                .hasSize(2);
    }

    @Test
    void aRowWhoseWorkerDiesOnEveryAttemptIsParkedInsteadOfOfferedForever() throws Exception {
        insertDiscovered(1);
        for (int attempt = 1; attempt <= 3; attempt++) {
            assertThat(queue.claim(PipelineState.DISCOVERED, "dies-" + attempt, 5, Duration.ofMinutes(1), 3))
                    .hasSize(1);
            elapse(Duration.ofMinutes(2));
        }
        assertThat(queue.claim(PipelineState.DISCOVERED, "next", 5, Duration.ofMinutes(1), 3))
                .isEmpty();
        assertThat(countIn(PipelineState.FAILED)).isEqualTo(1);
        assertThat(lastErrorOfFailed()).contains("gave up after 3 attempts");
    }

    @Test
    void aReplicaWhoseClockRunsTenMinutesAheadDoesNotStealAFreshLease() throws Exception {
        insertDiscovered(4);
        ArticleQueue ahead = new ArticleQueue(dataSource, Clock.offset(Clock.systemUTC(), Duration.ofMinutes(10)));
        ArticleQueue behind = new ArticleQueue(dataSource, Clock.offset(Clock.systemUTC(), Duration.ofMinutes(-10)));
        List<Long> held = behind.claim(PipelineState.DISCOVERED, "replica-behind", 4, Duration.ofMinutes(5), 3);
        assertThat(held).hasSize(4);

        assertThat(ahead.claim(PipelineState.DISCOVERED, "replica-ahead", 4, Duration.ofMinutes(5), 3))
                .as("by the database's clock the lease has five minutes to run")
                .isEmpty();

        elapse(Duration.ofMinutes(6));
        assertThat(behind.claim(PipelineState.DISCOVERED, "replica-behind-2", 4, Duration.ofMinutes(5), 3))
                .as("an expired lease is free whatever the claimer's own clock says")
                .containsExactlyInAnyOrderElementsOf(held);
        try (Connection c = dataSource.getConnection()) {
            assertThat(ahead.complete(
                            c, held.get(0), "replica-behind", PipelineState.DISCOVERED, PipelineState.EXTRACTED))
                    .isFalse();
        }
    }

    @Test
    void aWorkerThatRenewsItsLeaseKeepsItPastTheOriginalExpiry() throws Exception {
        insertDiscovered(3);
        List<Long> mine = queue.claim(PipelineState.DISCOVERED, "slow", 3, Duration.ofMinutes(1), 3);
        elapse(Duration.ofSeconds(50));
        assertThat(queue.renew(mine.subList(0, 2), "slow", PipelineState.DISCOVERED, Duration.ofMinutes(1)))
                .isEqualTo(2);
        elapse(Duration.ofSeconds(50));
        assertThat(queue.claim(PipelineState.DISCOVERED, "other", 3, Duration.ofMinutes(1), 3))
                .as("only the row whose lease was not renewed is free")
                .containsExactly(mine.get(2));
        assertThat(queue.renew(List.of(mine.get(2)), "slow", PipelineState.DISCOVERED, Duration.ofMinutes(1)))
                .as("a lease already taken over is not renewed")
                .isZero();
    }

    @Test
    void aBatchWhoseLeasesAreKeptAliveIsNotClaimedByAnotherWorkerMidWork() throws Exception {
        insertDiscovered(2);
        List<Long> batch = queue.claim(PipelineState.DISCOVERED, "busy", 2, Duration.ofSeconds(1), 3);
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
        try (LeaseRenewal renewal =
                LeaseRenewal.start(queue, timer, batch, "busy", PipelineState.DISCOVERED, Duration.ofSeconds(1))) {
            Thread.sleep(2_500); // two and a half leases of work
            assertThat(queue.claim(PipelineState.DISCOVERED, "other", 2, Duration.ofSeconds(1), 3))
                    .as("both leases were renewed")
                    .isEmpty();
            renewal.done(batch.get(0));
            Thread.sleep(1_500);
            assertThat(queue.claim(PipelineState.DISCOVERED, "other", 2, Duration.ofSeconds(1), 3))
                    .as("a row marked done is no longer renewed")
                    .containsExactly(batch.get(0));
        } finally {
            timer.shutdownNow();
        }
    }

    @Test
    void transientFailuresBackOffOnTheScheduleThenParkWithTheirReason() throws Exception {
        insertDiscovered(1);
        List<Duration> schedule = List.of(Duration.ofMinutes(1), Duration.ofMinutes(30));
        long id = queue.claim(PipelineState.DISCOVERED, "w", 1, Duration.ofMinutes(5), 3)
                .get(0);
        assertThat(failTransiently(id, "w", "HTTP 503 from server", schedule, null))
                .isEqualTo(ArticleQueue.Failure.RETRY_LATER);
        assertThat(queue.claim(PipelineState.DISCOVERED, "w", 1, Duration.ofMinutes(5), 3))
                .isEmpty();
        elapse(Duration.ofMinutes(2));
        assertThat(queue.claim(PipelineState.DISCOVERED, "w", 1, Duration.ofMinutes(5), 3))
                .containsExactly(id);

        assertThat(failTransiently(id, "w", "timeout after 30 s", schedule, null))
                .isEqualTo(ArticleQueue.Failure.RETRY_LATER);
        elapse(Duration.ofMinutes(20));
        assertThat(queue.claim(PipelineState.DISCOVERED, "w", 1, Duration.ofMinutes(5), 3))
                .as("the second wait is the schedule's second entry")
                .isEmpty();
        elapse(Duration.ofMinutes(11));
        // many claims without a recorded result would park it as stalled; recorded failures do not count
        assertThat(queue.claim(PipelineState.DISCOVERED, "w", 1, Duration.ofMinutes(5), 3))
                .containsExactly(id);

        assertThat(failTransiently(id, "w", "connection refused: news.example", schedule, null))
                .isEqualTo(ArticleQueue.Failure.PARKED);
        assertThat(countIn(PipelineState.FAILED)).isEqualTo(1);
        assertThat(lastErrorOfFailed()).contains("gave up after 3 tries").contains("connection refused: news.example");
        assertThat(text("SELECT failure_kind FROM article WHERE id = " + id)).isEqualTo("TRANSIENT");
    }

    @Test
    void aServersRetryAfterLengthensTheWait() throws Exception {
        insertDiscovered(1);
        long id = queue.claim(PipelineState.DISCOVERED, "w", 1, Duration.ofMinutes(5), 3)
                .get(0);
        failTransiently(id, "w", "HTTP 429 (Retry-After: 7200)", List.of(Duration.ofMinutes(1)), Duration.ofHours(2));
        elapse(Duration.ofMinutes(90));
        assertThat(queue.claim(PipelineState.DISCOVERED, "w", 1, Duration.ofMinutes(5), 3))
                .isEmpty();
        elapse(Duration.ofMinutes(31));
        assertThat(queue.claim(PipelineState.DISCOVERED, "w", 1, Duration.ofMinutes(5), 3))
                .containsExactly(id);
    }

    @Test
    void aPermanentFailureIsParkedAtOnceAndAnAdminCanRequeueIt() throws Exception {
        insertDiscovered(2);
        List<Long> ids = queue.claim(PipelineState.DISCOVERED, "w", 2, Duration.ofMinutes(5), 3);
        try (Connection c = dataSource.getConnection()) {
            assertThat(queue.failPermanently(c, ids.get(0), "w", "HTTP 404 from https://news.example/a/0"))
                    .isEqualTo(ArticleQueue.Failure.PARKED);
            assertThat(queue.failPermanently(c, ids.get(1), "someone-else", "HTTP 410"))
                    .isEqualTo(ArticleQueue.Failure.LEASE_LOST);
        }
        assertThat(countIn(PipelineState.FAILED)).isEqualTo(1);
        assertThat(text("SELECT failure_kind FROM article WHERE id = " + ids.get(0)))
                .isEqualTo("PERMANENT");

        assertThat(queue.requeue(null, PipelineState.EXTRACTED, null))
                .as("it failed in the fetch, not in enrichment")
                .isZero();
        assertThat(queue.requeue(null, PipelineState.DISCOVERED, "PERMANENT")).isEqualTo(1);
        assertThat(countIn(PipelineState.FAILED)).isZero();
        elapse(Duration.ofMinutes(6));
        assertThat(queue.claim(PipelineState.DISCOVERED, "w", 5, Duration.ofMinutes(5), 3))
                .containsExactlyInAnyOrderElementsOf(ids);
        assertThat(attemptsOf(ids.get(0))).isEqualTo(1);
    }

    private ArticleQueue.Failure failTransiently(
            long id, String owner, String error, List<Duration> schedule, Duration serverAsked) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            return queue.failTransiently(c, id, owner, error, schedule, serverAsked);
        }
    }

    /** Moves every lease and retry time back by {@code d}: as if {@code d} passed on the database's clock. */
    private void elapse(Duration d) throws SQLException {
        try (Connection c = dataSource.getConnection();
                Statement s = c.createStatement()) {
            s.executeUpdate("UPDATE article SET lease_expires_at = lease_expires_at - INTERVAL '" + d.toSeconds()
                    + "' SECOND WHERE lease_expires_at IS NOT NULL");
        }
    }

    private String text(String sql) throws SQLException {
        try (Connection c = dataSource.getConnection();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }

    private Callable<List<Long>> drain(String owner) {
        return () -> {
            List<Long> mine = new ArrayList<>();
            while (true) {
                List<Long> ids = queue.claim(PipelineState.DISCOVERED, owner, 7, Duration.ofMinutes(5), 3);
                if (ids.isEmpty()) {
                    return Collections.unmodifiableList(mine);
                }
                try (Connection c = dataSource.getConnection()) {
                    c.setAutoCommit(false);
                    for (Long id : ids) {
                        assertThat(queue.complete(c, id, owner, PipelineState.DISCOVERED, PipelineState.EXTRACTED))
                                .isTrue();
                    }
                    c.commit();
                }
                mine.addAll(ids);
            }
        };
    }

    private void insertDiscovered(int n) throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement insert = c.prepareStatement(
                        "INSERT INTO article (url, discovered_at, state) VALUES (?, ?, 'DISCOVERED')")) {
            for (int i = 0; i < n; i++) {
                insert.setString(1, "https://news.example/a/" + i);
                insert.setTimestamp(2, Timestamp.from(now.get()));
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    private long countIn(PipelineState state) throws SQLException {
        return single("SELECT COUNT(*) FROM article WHERE state = '" + state.name() + "'");
    }

    private long distinctSeqs() throws SQLException {
        return single("SELECT COUNT(DISTINCT seq) FROM article WHERE seq IS NOT NULL");
    }

    private long attemptsOf(long id) throws SQLException {
        return single("SELECT attempts FROM article WHERE id = " + id);
    }

    private String lastErrorOfFailed() throws SQLException {
        try (Connection c = dataSource.getConnection();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT last_error FROM article WHERE state = 'FAILED'")) {
            rs.next();
            return rs.getString(1);
        }
    }

    private long single(String sql) throws SQLException {
        try (Connection c = dataSource.getConnection();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
