package io.newsmon.api.search;

import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.util.Bits;

/**
 * Compares the index with the database by sequence range: per range of {@code rangeSize} sequence numbers, the
 * number of enriched articles and the sum of their sequence numbers, in the database and in the index. Only the
 * ranges that differ are read in full, article by article, to find what the index lacks (a commit that landed
 * behind the tailer's late window, a skipped document) and what it holds but should not (an article no longer
 * enriched or gone).
 */
final class IndexReconciler {

    /** What one pass found: articles to index, articles to drop from the index, and the ranges it compared. */
    record Diff(List<Long> missing, List<Long> extra, int ranges, int differing) {}

    /** Count and sum of the sequence numbers in one range. */
    private record Tally(long count, long sum) {
        Tally plus(Tally other) {
            return new Tally(count + other.count, sum + other.sum);
        }
    }

    private IndexReconciler() {}

    /** Compares the sequence numbers up to {@code upTo} (the ones above are still the tailer's). */
    static Diff diff(Connection c, IndexReader reader, long upTo, int rangeSize) throws SQLException, IOException {
        Map<Long, Tally> db = new HashMap<>();
        // the range size is a configured int, never user input: inlined, so both databases see one GROUP BY expression
        try (PreparedStatement ps = c.prepareStatement("SELECT seq / " + rangeSize + ", COUNT(*), SUM(seq)"
                + " FROM article WHERE state = 'ENRICHED' AND seq <= ? GROUP BY seq / " + rangeSize)) {
            ps.setLong(1, upTo);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    db.put(rs.getLong(1), new Tally(rs.getLong(2), rs.getLong(3)));
                }
            }
        }
        Map<Long, Tally> index = new HashMap<>();
        forEachDoc(
                reader,
                Long.MIN_VALUE,
                upTo,
                (id, seq) -> index.merge(seq / rangeSize, new Tally(1, seq), Tally::plus));
        Set<Long> ranges = new TreeSet<>(db.keySet());
        ranges.addAll(index.keySet());
        List<Long> missing = new ArrayList<>();
        List<Long> extra = new ArrayList<>();
        int differing = 0;
        for (long range : ranges) {
            if (db.getOrDefault(range, new Tally(0, 0)).equals(index.getOrDefault(range, new Tally(0, 0)))) {
                continue;
            }
            differing++;
            long from = range * rangeSize;
            long to = Math.min(upTo, from + rangeSize - 1);
            Set<Long> inDb = enrichedIds(c, from, to);
            Set<Long> inIndex = new HashSet<>();
            forEachDoc(reader, from, to, (id, seq) -> inIndex.add(id));
            for (long id : inDb) {
                if (!inIndex.contains(id)) {
                    missing.add(id);
                }
            }
            for (long id : inIndex) {
                if (!inDb.contains(id)) {
                    extra.add(id);
                }
            }
        }
        // an article re-enriched since has a new sequence number elsewhere: the index keeps it, the tailer updates it
        extra.removeAll(stillEnriched(c, extra));
        return new Diff(missing, extra, ranges.size(), differing);
    }

    private interface DocVisitor {
        void visit(long id, long seq);
    }

    private static void forEachDoc(IndexReader reader, long from, long to, DocVisitor visitor) throws IOException {
        for (LeafReaderContext leaf : reader.leaves()) {
            NumericDocValues seqs = DocValues.getNumeric(leaf.reader(), SearchIndex.SEQ_VALUES);
            NumericDocValues ids = DocValues.getNumeric(leaf.reader(), io.newsmon.search.SearchFields.ID);
            Bits live = leaf.reader().getLiveDocs();
            for (int doc = seqs.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = seqs.nextDoc()) {
                if (live != null && !live.get(doc)) {
                    continue;
                }
                long seq = seqs.longValue();
                if (seq < from || seq > to || !ids.advanceExact(doc)) {
                    continue;
                }
                visitor.visit(ids.longValue(), seq);
            }
        }
    }

    private static Set<Long> enrichedIds(Connection c, long from, long to) throws SQLException {
        Set<Long> ids = new HashSet<>();
        try (PreparedStatement ps =
                c.prepareStatement("SELECT id FROM article WHERE state = 'ENRICHED' AND seq >= ? AND seq <= ?")) {
            ps.setLong(1, from);
            ps.setLong(2, to);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getLong(1));
                }
            }
        }
        return ids;
    }

    private static Set<Long> stillEnriched(Connection c, List<Long> ids) throws SQLException {
        Set<Long> out = new HashSet<>();
        for (int i = 0; i < ids.size(); i += 500) {
            List<Long> chunk = ids.subList(i, Math.min(ids.size(), i + 500));
            String in = chunk.stream().map(id -> "?").collect(Collectors.joining(","));
            try (PreparedStatement ps =
                    c.prepareStatement("SELECT id FROM article WHERE state = 'ENRICHED' AND id IN (" + in + ")")) {
                int p = 1;
                for (long id : chunk) {
                    ps.setLong(p++, id);
                }
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(rs.getLong(1));
                    }
                }
            }
        }
        return out;
    }
}
