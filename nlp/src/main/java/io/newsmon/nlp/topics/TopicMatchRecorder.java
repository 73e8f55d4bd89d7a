package io.newsmon.nlp.topics;

import io.newsmon.search.ArticleDocument;
import io.newsmon.search.ArticleDocuments;
import io.newsmon.search.topics.TopicHit;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Clock;
import java.util.List;
import javax.sql.DataSource;
import org.jboss.logging.Logger;

/**
 * Matches a just-enriched article against the saved topics and stores one {@code topic_match} row per topic it
 * matches, inside the caller's transaction — the one that commits the enrichment — so each article is matched
 * exactly once: a rolled-back enrichment takes its matches with it, and its redo matches again.
 */
@ApplicationScoped
public class TopicMatchRecorder {

    private static final Logger LOG = Logger.getLogger(TopicMatchRecorder.class);

    static final int MAX_TERMS = 2000;

    /**
     * Inserts nothing for a topic deleted since the matcher last refreshed (no foreign-key error), nor for a
     * (topic, article) pair already recorded ({@code topic_match_once}); H2 in PostgreSQL mode and PostgreSQL
     * both take {@code ON CONFLICT DO NOTHING}.
     */
    private static final String INSERT = "INSERT INTO topic_match (topic_id, article_id, story_id, matched_at,"
            + " matched_terms, delivery_id) SELECT t.id, ?, ?, ?, ?, NULL FROM topic t WHERE t.id = ?"
            + " ON CONFLICT DO NOTHING";

    private final DataSource dataSource;
    private final TopicMatcher matcher;
    private final Clock clock;

    public TopicMatchRecorder(DataSource dataSource, TopicMatcher matcher, Clock clock) {
        this.dataSource = dataSource;
        this.matcher = matcher;
        this.clock = clock;
    }

    /**
     * Records the article's matches in the current transaction, after its enrichment has been flushed. Never
     * throws: a matching error is logged and the enrichment still commits (the article becomes ENRICHED
     * without matches) — alerts are worth less than a pipeline that keeps moving. The work runs behind a
     * savepoint, so that a failed statement (say, a topic deleted at that very moment) does not doom
     * the enclosing transaction on PostgreSQL, where an error aborts the transaction until rolled back.
     *
     * @return how many topics the article matched (0 after an error)
     */
    public int record(long articleId, Long storyId) {
        // the connection of the current transaction: Agroal hands the enlisted one out again
        try (Connection c = dataSource.getConnection()) {
            // SQL savepoints, not JDBC's: Agroal refuses Connection.rollback(Savepoint) on an enlisted connection
            execute(c, "SAVEPOINT topic_matches");
            try {
                int n = matchAndInsert(c, articleId, storyId);
                execute(c, "RELEASE SAVEPOINT topic_matches");
                return n;
            } catch (SQLException | RuntimeException e) {
                execute(c, "ROLLBACK TO SAVEPOINT topic_matches");
                LOG.errorf(
                        e,
                        "matching article %d against saved topics failed; it is enriched without matches",
                        articleId);
                return 0;
            }
        } catch (SQLException | RuntimeException e) {
            LOG.errorf(e, "matching article %d against saved topics failed; it is enriched without matches", articleId);
            return 0;
        }
    }

    private static void execute(Connection c, String sql) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }

    private int matchAndInsert(Connection c, long articleId, Long storyId) throws SQLException {
        List<ArticleDocument> docs = ArticleDocuments.load(c, List.of(articleId));
        if (docs.isEmpty()) {
            return 0;
        }
        return insert(c, articleId, storyId, matcher.match(docs.get(0)));
    }

    /** Inserts the hits of one article; a (topic, article) pair already there is left as it is. */
    int insert(Connection c, long articleId, Long storyId, List<TopicHit> hits) throws SQLException {
        if (hits.isEmpty()) {
            return 0;
        }
        Timestamp now = Timestamp.from(clock.instant());
        try (PreparedStatement ps = c.prepareStatement(INSERT)) {
            for (TopicHit hit : hits) {
                ps.setLong(1, articleId);
                if (storyId == null) {
                    ps.setNull(2, Types.BIGINT);
                } else {
                    ps.setLong(2, storyId);
                }
                ps.setTimestamp(3, now);
                String terms = clip(hit.matchedTerms());
                if (terms == null) {
                    ps.setNull(4, Types.VARCHAR);
                } else {
                    ps.setString(4, terms);
                }
                ps.setLong(5, hit.topicId());
                ps.addBatch();
            }
            ps.executeBatch();
        }
        return hits.size();
    }

    /** At most {@link #MAX_TERMS} characters, cut after a whole word; null when empty. */
    static String clip(String terms) {
        if (terms == null || terms.isEmpty()) {
            return null;
        }
        if (terms.length() <= MAX_TERMS) {
            return terms;
        }
        int cut = terms.lastIndexOf(' ', MAX_TERMS);
        return terms.substring(0, cut > 0 ? cut : MAX_TERMS);
    }
}
