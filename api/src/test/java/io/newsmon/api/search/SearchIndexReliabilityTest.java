package io.newsmon.api.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.newsmon.api.problem.ProblemException;
import io.newsmon.search.ArticleDocument;
import io.newsmon.search.SearchExecutor;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.CheckIndex;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.FSDirectory;
import org.awaitility.Awaitility;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The index against a real database (H2 with the project's migrations) and real Lucene: a document that cannot be
 * indexed, a writer whose disk fails, and commits that land behind the tailer.
 */
class SearchIndexReliabilityTest {

    private static final AtomicLong DATABASES = new AtomicLong();

    /** The configuration the tests run with: short intervals, a late window of two sequence numbers. */
    record Config(int lateWindow, Duration reconcileInterval) implements SearchConfig {
        public Optional<Path> indexDir() {
            return Optional.empty();
        }

        public Duration tailInterval() {
            return Duration.ofMillis(50);
        }

        public int batchSize() {
            return 4;
        }

        public Duration recoveryInterval() {
            return Duration.ofMillis(100);
        }

        public int reconcileRange() {
            return 4;
        }

        public int maxQueryLength() {
            return 2000;
        }

        public int maxClauses() {
            return 100;
        }

        public int maxNearDistance() {
            return 50;
        }

        public int maxWildcardExpansions() {
            return 1000;
        }

        public Duration timeout() {
            return Duration.ofSeconds(5);
        }

        public int maxResultWindow() {
            return 10_000;
        }
    }

    private JdbcDataSource db;
    private SearchIndex index;
    private volatile boolean poisonous = true;

    @BeforeEach
    void database() {
        db = new JdbcDataSource();
        db.setURL("jdbc:h2:mem:reliability" + DATABASES.incrementAndGet()
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1");
        db.setUser("sa");
        Flyway.configure()
                .dataSource(db)
                .locations("classpath:db/migration")
                .load()
                .migrate();
    }

    @AfterEach
    void stop() throws Exception {
        if (index != null) {
            index.stop(null);
        }
    }

    /** The real mapping, except that it throws on an article titled "poison" while {@link #poisonous} is set. */
    private Document mapping(ArticleDocument d) {
        if (poisonous && d.title().startsWith("poison")) {
            throw new IllegalArgumentException("this article cannot be mapped");
        }
        return d.toDocument();
    }

    private SearchIndex start(Config config, org.apache.lucene.store.Directory dir) throws Exception {
        index = new SearchIndex(config, db, this::mapping);
        index.start(dir);
        return index;
    }

    private void article(long id, long seq, String title) throws SQLException {
        try (Connection c = db.getConnection();
                PreparedStatement ps = c.prepareStatement("INSERT INTO article (id, url, title, body, language,"
                        + " discovered_at, published_at, state, seq) VALUES (?, ?, ?, ?, 'en', ?, ?, 'ENRICHED', ?)")) {
            ps.setLong(1, id);
            ps.setString(2, "https://harbour.example/" + id);
            ps.setString(3, title);
            ps.setString(4, "The harbour story number " + id + ".");
            ps.setTimestamp(5, Timestamp.from(Instant.now()));
            ps.setTimestamp(
                    6, Timestamp.from(Instant.parse("2024-01-01T00:00:00Z").plusSeconds(id)));
            ps.setLong(7, seq);
            ps.executeUpdate();
        }
    }

    private void sql(String statement) throws SQLException {
        try (Connection c = db.getConnection();
                PreparedStatement ps = c.prepareStatement(statement)) {
            ps.executeUpdate();
        }
    }

    private long hits(String q) {
        SearchService search = new SearchService(index, new Config(2, Duration.ofHours(1)));
        return search.search(new SearchExecutor.Request(q, null, null, false, 0, 20, false, null))
                .total();
    }

    private static void await(java.util.concurrent.Callable<Boolean> condition) {
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(condition);
    }

    @Test
    void aDocumentThatCannotBeIndexedIsSkippedAndRecordedAndTheArticlesAfterItAreIndexed() throws Exception {
        article(1, 1, "Ferry strike");
        article(2, 2, "poison pill");
        article(3, 3, "Harbour reopens");
        article(4, 4, "Dock workers vote");
        article(5, 5, "Tugboat rescue");
        start(new Config(2, Duration.ofHours(1)), new ByteBuffersDirectory());

        await(() -> index.ready() && index.status().documents() == 4);
        assertThat(hits("harbour")).isEqualTo(4);
        assertThat(hits("title:poison")).isZero();
        List<SkippedArticles.Skipped> skipped = index.skipped(10);
        assertThat(skipped).extracting(SkippedArticles.Skipped::articleId).containsExactly(2L);
        assertThat(skipped.get(0).seq()).isEqualTo(2);
        assertThat(skipped.get(0).error()).contains("this article cannot be mapped");
        assertThat(index.status().skipped()).isEqualTo(1);
        assertThat(index.skippedTotal()).isGreaterThanOrEqualTo(1);

        // the tailer is not stuck on it: a newer article goes in
        article(6, 6, "Lighthouse keeper");
        await(() -> hits("lighthouse") == 1);

        // once the mapping takes it, the reconcile pass indexes it and drops its record
        poisonous = false;
        index.reconcileSoon();
        await(() -> hits("title:poison") == 1);
        assertThat(index.skipped(10)).isEmpty();
        assertThat(index.status().skipped()).isZero();
        assertThat(index.repairedTotal()).isEqualTo(1);
    }

    @Test
    void aCommitThatLandsBehindTheLateWindowIsIndexedByTheReconcilePass() throws Exception {
        for (long seq = 1; seq <= 10; seq++) {
            if (seq != 3) {
                article(seq, seq, "Harbour report " + seq);
            }
        }
        start(new Config(2, Duration.ofHours(1)), new ByteBuffersDirectory());
        await(() -> index.ready() && index.status().reconciledAt() != null);
        assertThat(hits("harbour")).isEqualTo(9);

        // sequence 3 was drawn long ago, its transaction commits only now: eight behind the tail, the window is two
        article(3, 3, "Late ferry news");
        article(11, 11, "Harbour report 11");
        await(() -> hits("harbour") == 10);
        assertThat(hits("ferry")).as("the tailer does not look that far back").isZero();

        // an article no longer enriched leaves the index too
        sql("UPDATE article SET state = 'FAILED' WHERE id = 5");

        index.reconcileSoon();
        await(() -> index.repairedTotal() == 1 && index.removedTotal() == 1);
        assertThat(hits("ferry")).isEqualTo(1);
        assertThat(hits("harbour")).as("3 in (its body says harbour), 5 out").isEqualTo(10);
        assertThat(index.status().repaired()).isEqualTo(1);
        assertThat(index.status().removed()).isEqualTo(1);
    }

    @Test
    void aFailingDiskTurnsReadinessDownAnswers503AndTheIndexRecoversWithEveryArticle(@TempDir Path dir)
            throws Exception {
        FailingDirectory disk = new FailingDirectory(FSDirectory.open(dir));
        article(1, 1, "Harbour one");
        article(2, 2, "Harbour two");
        article(3, 3, "Harbour three");
        start(new Config(2, Duration.ofHours(1)), disk);
        await(() -> index.ready() && hits("harbour") == 3);

        disk.failing = true;
        article(4, 4, "Harbour four");
        article(5, 5, "Harbour five");
        await(() -> index.failure() != null);

        assertThat(index.ready()).isFalse();
        HealthCheckResponse health = new SearchReadiness(index).call();
        assertThat(health.getStatus()).isEqualTo(HealthCheckResponse.Status.DOWN);
        assertThat(health.getData().orElseThrow().get("failure").toString()).contains("No space left on device");
        assertThatThrownBy(() -> hits("harbour")).isInstanceOfSatisfying(ProblemException.class, e -> {
            assertThat(e.problem().status()).isEqualTo(503);
            assertThat(e.problem().detail()).contains("No space left on device");
        });
        assertThat(index.writerFailures()).isEqualTo(1);

        article(6, 6, "Harbour six");
        disk.failing = false;
        await(() -> index.ready());
        assertThat(index.failure()).isNull();
        await(() -> hits("harbour") == 6);

        index.stop(null);
        index = null;
        try (FSDirectory reopened = FSDirectory.open(dir);
                CheckIndex check = new CheckIndex(reopened)) {
            assertThat(check.checkIndex().clean).as("no corruption").isTrue();
        }
    }
}
