package io.newsmon.nlp.topics;

import io.newsmon.search.ArticleDocument;
import io.newsmon.search.ArticleDocuments;
import io.newsmon.search.topics.TopicHit;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.jboss.logging.Logger;

/**
 * Closes the gap between saving a topic and every nlp replica matching it: articles enriched in that gap
 * (at most a refresh interval, two seconds) were matched without the topic, so once a replica registers a
 * new or changed topic, the articles enriched since shortly before its save — at most the last two minutes,
 * 500 articles — are matched against it. A pair already recorded (by another replica) is left alone.
 */
@ApplicationScoped
public class TopicCatchUp {

    private static final Logger LOG = Logger.getLogger(TopicCatchUp.class);

    /** Allowance for the clocks of the api (which stamps the save) and of this replica. */
    static final Duration SKEW = Duration.ofSeconds(10);

    static final Duration MAX_BACK = Duration.ofMinutes(2);
    static final int MAX_ARTICLES = 500;

    private final TopicMatcher matcher;
    private final TopicMatchRecorder recorder;
    private final DataSource dataSource;
    private final Clock clock;

    public TopicCatchUp(TopicMatcher matcher, TopicMatchRecorder recorder, DataSource dataSource, Clock clock) {
        this.matcher = matcher;
        this.recorder = recorder;
        this.dataSource = dataSource;
        this.clock = clock;
    }

    /** Every refresh interval: the matcher's refresh, then the catch-up of what it registered. */
    @Scheduled(
            every = "${newsmon.topics.refresh-every:2s}",
            delayed = "${newsmon.schedule.delay:2s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        try {
            run();
        } catch (SQLException | RuntimeException e) {
            LOG.warnf(e, "refreshing saved topics or matching recent articles against new ones failed; retried");
        }
    }

    /** Matches the recent articles against the topics registered since the last run; returns rows added. */
    public int run() throws SQLException {
        matcher.refresh();
        Map<Long, Instant> topics = matcher.drainNewTopics();
        if (topics.isEmpty()) {
            return 0;
        }
        Instant now = clock.instant();
        Instant since =
                topics.values().stream().min(Instant::compareTo).orElse(now).minus(SKEW);
        if (since.isBefore(now.minus(MAX_BACK))) {
            since = now.minus(MAX_BACK);
        }
        int added = 0;
        try (Connection c = dataSource.getConnection()) {
            Map<Long, Long> stories = new HashMap<>();
            List<Long> ids = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT id, story_id FROM article WHERE state = 'ENRICHED'"
                    + " AND enriched_at >= ? ORDER BY id DESC LIMIT " + MAX_ARTICLES)) {
                ps.setTimestamp(1, Timestamp.from(since));
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        ids.add(rs.getLong(1));
                        long story = rs.getLong(2);
                        stories.put(rs.getLong(1), rs.wasNull() ? null : story);
                    }
                }
            }
            for (ArticleDocument doc : ArticleDocuments.load(c, ids)) {
                List<TopicHit> hits = matcher.match(doc).stream()
                        .filter(h -> topics.containsKey(h.topicId()))
                        .toList();
                added += recorder.insert(c, doc.id(), stories.get(doc.id()), hits);
            }
        }
        if (added > 0) {
            LOG.infof("%d recent article matches recorded for %d new or changed saved topics", added, topics.size());
        }
        return added;
    }
}
