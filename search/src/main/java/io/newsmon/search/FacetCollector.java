package io.newsmon.search;

import io.newsmon.domain.dto.SearchResult.DateBucket;
import io.newsmon.domain.dto.SearchResult.FacetCount;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.search.Collector;
import org.apache.lucene.search.LeafCollector;
import org.apache.lucene.search.Scorable;
import org.apache.lucene.search.ScoreMode;

/**
 * Counts, over every matching article, the values of the facet fields (sorted-set doc values, counted per
 * segment by ordinal and named once per segment) and the publication histogram.
 */
final class FacetCollector implements Collector {

    private final Map<String, String> fields; // facet name -> doc-values field
    private final String dateField;
    private final long bucketMillis;
    private final Map<String, Map<String, Long>> counts = new LinkedHashMap<>();
    private final TreeMap<Long, Long> buckets = new TreeMap<>();
    /** Per-leaf histogram counts, by bucket offset from the leaf's earliest date: no boxing per document. */
    private final long minDate;

    private long total;

    FacetCollector(Map<String, String> fields, String dateField, long bucketMillis, long minDate) {
        this.minDate = Math.floorDiv(minDate, bucketMillis) * bucketMillis;
        this.fields = fields;
        this.dateField = dateField;
        this.bucketMillis = bucketMillis;
        fields.keySet().forEach(name -> counts.put(name, new HashMap<>()));
    }

    @Override
    public ScoreMode scoreMode() {
        return ScoreMode.COMPLETE_NO_SCORES;
    }

    @Override
    public LeafCollector getLeafCollector(LeafReaderContext context) throws IOException {
        List<String> names = new ArrayList<>(fields.keySet());
        SortedSetDocValues[] dvs = new SortedSetDocValues[names.size()];
        int[][] ords = new int[names.size()][];
        for (int i = 0; i < dvs.length; i++) {
            dvs[i] = DocValues.getSortedSet(context.reader(), fields.get(names.get(i)));
            ords[i] = new int[(int) Math.min(Integer.MAX_VALUE - 8, dvs[i].getValueCount())];
        }
        NumericDocValues dates = DocValues.getNumeric(context.reader(), dateField);
        int[][] days = {new int[64]};
        return new LeafCollector() {
            @Override
            public void setScorer(Scorable scorer) {}

            @Override
            public void collect(int doc) throws IOException {
                total++;
                for (int i = 0; i < dvs.length; i++) {
                    if (dvs[i].advanceExact(doc)) {
                        for (int k = dvs[i].docValueCount(); k > 0; k--) {
                            ords[i][(int) dvs[i].nextOrd()]++;
                        }
                    }
                }
                if (dates.advanceExact(doc)) {
                    long slot = Math.floorDiv(dates.longValue() - minDate, bucketMillis);
                    if (slot < 0 || slot >= 1_000_000) {
                        buckets.merge(Math.floorDiv(dates.longValue(), bucketMillis) * bucketMillis, 1L, Long::sum);
                    } else {
                        if (slot >= days[0].length) {
                            days[0] = java.util.Arrays.copyOf(days[0], (int) Math.max(slot + 1, days[0].length * 2L));
                        }
                        days[0][(int) slot]++;
                    }
                }
            }

            @Override
            public void finish() throws IOException {
                int[] d = days[0];
                for (int slot = 0; slot < d.length; slot++) {
                    if (d[slot] > 0) {
                        buckets.merge(minDate + slot * bucketMillis, (long) d[slot], Long::sum);
                    }
                }
                for (int i = 0; i < dvs.length; i++) {
                    Map<String, Long> into = counts.get(names.get(i));
                    int[] o = ords[i];
                    for (int ord = 0; ord < o.length; ord++) {
                        if (o[ord] > 0) {
                            into.merge(dvs[i].lookupOrd(ord).utf8ToString(), (long) o[ord], Long::sum);
                        }
                    }
                }
            }
        };
    }

    long total() {
        return total;
    }

    Map<String, List<FacetCount>> facets(int top) {
        Map<String, List<FacetCount>> out = new LinkedHashMap<>();
        counts.forEach((name, values) -> out.put(
                name,
                values.entrySet().stream()
                        .sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder())
                                .thenComparing(Map.Entry.comparingByKey()))
                        .limit(top)
                        .map(e -> new FacetCount(e.getKey(), e.getValue()))
                        .toList()));
        return out;
    }

    List<DateBucket> histogram() {
        return buckets.entrySet().stream()
                .map(e -> new DateBucket(Instant.ofEpochMilli(e.getKey()), e.getValue()))
                .toList();
    }
}
