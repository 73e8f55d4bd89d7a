package io.newsmon.search.topics;

import java.io.IOException;
import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.monitor.CandidateMatcher;
import org.apache.lucene.monitor.HighlightsMatch;
import org.apache.lucene.monitor.MatcherFactory;
import org.apache.lucene.monitor.QueryMatch;
import org.apache.lucene.search.Matches;
import org.apache.lucene.search.MatchesIterator;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.TwoPhaseIterator;
import org.apache.lucene.search.Weight;

/**
 * A topic's match with the positions of its hits per field, as {@link HighlightsMatch} records them, but
 * robust: Lucene 9.11 can throw while building the match positions of some NEAR (interval) queries on long
 * texts (an {@code ArrayIndexOutOfBoundsException} seen in the benchmark), and {@code HighlightsMatch} then
 * drops the topic as an error although the article matches. Here the query's scorer decides the match and the
 * hits are only what the positions could give.
 */
final class WordsMatch extends QueryMatch {

    static final MatcherFactory<WordsMatch> MATCHER = searcher -> new CandidateMatcher<>(searcher) {

        @Override
        protected void matchQuery(String queryId, Query query, Map<String, String> metadata) throws IOException {
            Weight w = searcher.createWeight(searcher.rewrite(query), ScoreMode.COMPLETE_NO_SCORES, 1);
            for (LeafReaderContext ctx : searcher.getIndexReader().leaves()) {
                for (int doc = 0; doc < ctx.reader().maxDoc(); doc++) {
                    WordsMatch m = new WordsMatch(queryId);
                    Matches matches;
                    try {
                        matches = w.matches(ctx, doc);
                    } catch (RuntimeException e) {
                        if (matches(w, ctx, doc)) {
                            addMatch(m, doc); // matched, without positions
                        }
                        continue;
                    }
                    if (matches != null) {
                        m.add(matches);
                        addMatch(m, doc);
                    }
                }
            }
        }

        @Override
        public WordsMatch resolve(WordsMatch a, WordsMatch b) {
            WordsMatch m = new WordsMatch(a.getQueryId());
            a.hits.forEach(
                    (f, h) -> m.hits.computeIfAbsent(f, x -> new TreeSet<>()).addAll(h));
            b.hits.forEach(
                    (f, h) -> m.hits.computeIfAbsent(f, x -> new TreeSet<>()).addAll(h));
            return m;
        }
    };

    private final Map<String, Set<HighlightsMatch.Hit>> hits = new TreeMap<>();

    private WordsMatch(String queryId) {
        super(queryId);
    }

    /** Hit positions per field. */
    Map<String, Set<HighlightsMatch.Hit>> hits() {
        return Collections.unmodifiableMap(hits);
    }

    private void add(Matches matches) throws IOException {
        try {
            for (String field : matches) {
                MatchesIterator mi = matches.getMatches(field);
                while (mi != null && mi.next()) {
                    MatchesIterator sub = mi.getSubMatches();
                    if (sub != null) {
                        while (sub.next()) {
                            hit(field, sub);
                        }
                    } else {
                        hit(field, mi);
                    }
                }
            }
        } catch (RuntimeException e) {
            // the positions of this field could not all be read (see the class comment): keep what was
        }
    }

    private void hit(String field, MatchesIterator it) throws IOException {
        hits.computeIfAbsent(field, f -> new TreeSet<>())
                .add(new HighlightsMatch.Hit(it.startPosition(), it.startOffset(), it.endPosition(), it.endOffset()));
    }

    private static boolean matches(Weight w, LeafReaderContext ctx, int doc) throws IOException {
        Scorer s = w.scorer(ctx);
        if (s == null) {
            return false;
        }
        TwoPhaseIterator two = s.twoPhaseIterator();
        if (two == null) {
            return s.iterator().advance(doc) == doc;
        }
        return two.approximation().advance(doc) == doc && two.matches();
    }
}
