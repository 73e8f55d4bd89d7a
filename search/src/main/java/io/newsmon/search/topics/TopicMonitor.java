package io.newsmon.search.topics;

import io.newsmon.search.ArticleDocument;
import io.newsmon.search.query.AnalystQuery;
import io.newsmon.search.query.QueryException;
import io.newsmon.search.query.QueryLimits;
import io.newsmon.search.query.TopicQuery;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.LongAdder;
import org.apache.lucene.document.Document;
import org.apache.lucene.monitor.MatchingQueries;
import org.apache.lucene.monitor.Monitor;
import org.apache.lucene.monitor.MonitorQuery;
import org.apache.lucene.monitor.TermFilteredPresearcher;

/**
 * Every live saved topic in a Lucene {@link Monitor} (an index of the queries, so an article is only checked
 * against topics that share a word with it), kept in step with the database. Only {@code paused} stops a
 * topic from matching: topics whose alerts are OFF still record matches for their history and Atom feed.
 * Queries are parsed and analysed exactly as search does ({@link AnalystQuery}, the analyzer of {@link
 * ArticleDocument}'s fields), so a topic matches the articles its query finds in search.
 */
public class TopicMonitor {

    private static final System.Logger LOG = System.getLogger(TopicMonitor.class.getName());

    private final TopicStore store;
    private final Monitor monitor;

    /** The limits the api validates topics with (newsmon.search.*), so a topic that saves also runs. */
    private final QueryLimits limits;

    /** The version of every topic this matcher has seen, whether registered, paused or unparseable. */
    private final Map<Long, Instant> seen = new HashMap<>();

    private volatile boolean loaded;

    /** Topics registered or changed since the last {@link #drainNewTopics}, with when they changed. */
    private final Map<Long, Instant> newTopics = new HashMap<>();

    /** Topic queries actually run (those the presearcher did not rule out), for the benchmark. */
    private final LongAdder queriesRun = new LongAdder();

    public TopicMonitor(TopicStore store, QueryLimits limits) {
        this.store = store;
        this.limits = limits;
        try {
            this.monitor = new Monitor(AnalystQuery.analyzer(), new TermFilteredPresearcher());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Brings the monitor in step with the store: registers new and changed topics, removes deleted and
     * paused ones. Reads every topic's {@code updated_at} (cheap) and loads only those whose value differs
     * from what this matcher last saw, so a change that commits late, or whose writer's clock lags, is not
     * missed the way a "newer than the last one seen" cursor would miss it.
     */
    public synchronized void refresh() {
        Map<Long, Instant> now = store.versions();
        List<String> gone = new ArrayList<>();
        for (Long id : List.copyOf(seen.keySet())) {
            if (!now.containsKey(id)) {
                seen.remove(id);
                gone.add(Long.toString(id));
            }
        }
        List<Long> changed = new ArrayList<>();
        now.forEach((id, version) -> {
            if (!version.equals(seen.get(id))) {
                changed.add(id);
            }
        });
        List<MonitorQuery> register = new ArrayList<>();
        int paused = 0;
        int invalid = 0;
        for (SavedTopic t : changed.isEmpty() ? List.<SavedTopic>of() : store.load(changed)) {
            seen.put(t.id(), t.updatedAt());
            String id = Long.toString(t.id());
            if (t.paused()) {
                gone.add(id);
                paused++;
                continue;
            }
            try {
                AnalystQuery q = TopicQuery.parse(t.query(), t.filter(), t.stem(), limits);
                register.add(new MonitorQuery(id, q.query(), q.text(), Map.of()));
                newTopics.put(t.id(), t.updatedAt());
            } catch (QueryException | IllegalArgumentException e) {
                // the api validates on save; a query that no longer parses (the language changed) is skipped
                LOG.log(
                        System.Logger.Level.WARNING,
                        "topic {0} is not matched: its query {1} does not parse: {2}",
                        t.id(),
                        t.query(),
                        e.getMessage());
                gone.add(id);
                invalid++;
            }
        }
        try {
            if (!gone.isEmpty()) {
                monitor.deleteById(gone);
            }
            if (!register.isEmpty()) {
                monitor.register(register);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (!loaded || !changed.isEmpty() || !gone.isEmpty()) {
            LOG.log(
                    System.Logger.Level.INFO,
                    String.format(
                            "saved topics: %d matching (%d registered or changed, %d removed, %d paused, %d unparseable"
                                    + " now)",
                            size(), register.size(), gone.size() - paused - invalid, paused, invalid));
        }
        loaded = true;
    }

    /**
     * The topics registered or changed since the last call, with their {@code updated_at}: an article
     * enriched between a topic's save and this matcher's refresh was matched without it, so nlp's
     * {@code TopicCatchUp} (nlp) matches those recent articles against these topics.
     */
    public synchronized Map<Long, Instant> drainNewTopics() {
        Map<Long, Instant> out = Map.copyOf(newTopics);
        newTopics.clear();
        return out;
    }

    /** The topics this article matches, with the words each matched on. */
    public List<TopicHit> match(ArticleDocument article) {
        if (!loaded) {
            refresh(); // the first article may come before the start-up load has run
        }
        Document doc = article.toDocument();
        MatchingQueries<WordsMatch> result;
        try {
            result = monitor.match(doc, WordsMatch.MATCHER);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        queriesRun.add(result.getQueriesRun());
        result.getErrors()
                .forEach((id, e) -> LOG.log(
                        System.Logger.Level.WARNING,
                        "topic " + id + " could not be run on article " + article.id() + ": " + e));
        MatchedTerms terms = new MatchedTerms(doc, AnalystQuery.analyzer());
        List<TopicHit> hits = new ArrayList<>(result.getMatchCount());
        for (WordsMatch m : result.getMatches()) {
            Set<String> words = terms.of(m.hits());
            hits.add(new TopicHit(Long.parseLong(m.getQueryId()), String.join(" ", words)));
        }
        hits.sort((a, b) -> Long.compare(a.topicId(), b.topicId()));
        return hits;
    }

    /** Topic queries run so far, across all articles: what the presearcher let through. */
    public long queriesRun() {
        return queriesRun.sum();
    }

    /** Topics being matched. */
    public int size() {
        try {
            return monitor.getQueryCount();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Stops the monitor and its cache-purging thread. */
    public void close() {
        try {
            monitor.close();
        } catch (IOException e) {
            LOG.log(System.Logger.Level.DEBUG, "closing the topic monitor", e);
        }
    }
}
