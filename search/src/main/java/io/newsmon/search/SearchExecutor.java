package io.newsmon.search;

import io.newsmon.domain.dto.SearchResult;
import io.newsmon.domain.dto.SearchResult.SearchHit;
import io.newsmon.search.query.AnalystQuery;
import io.newsmon.search.query.QueryException;
import io.newsmon.search.query.QueryLimits;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.text.BreakIterator;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.index.BinaryDocValues;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.PointValues;
import org.apache.lucene.index.QueryTimeoutImpl;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MultiCollector;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopDocsCollector;
import org.apache.lucene.search.TopFieldCollector;
import org.apache.lucene.search.TopScoreDocCollector;
import org.apache.lucene.search.uhighlight.DefaultPassageFormatter;
import org.apache.lucene.search.uhighlight.PassageFormatter;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.apache.lucene.search.uhighlight.WholeBreakIterator;

/**
 * Runs analyst queries against an index: hits with highlighted snippets, an exact total and facets. Plain
 * Java (no CDI), so the benchmark runs exactly the code the API runs.
 */
public final class SearchExecutor {

    /** Facet name in the API → doc-values field in the index. */
    static final Map<String, String> FACETS = new LinkedHashMap<>();

    static {
        FACETS.put("sources", SearchFields.FACET_SOURCE);
        FACETS.put("countries", SearchFields.COUNTRY);
        FACETS.put("persons", SearchFields.FACET_PERSON);
        FACETS.put("organizations", SearchFields.FACET_ORG);
        FACETS.put("places", SearchFields.FACET_PLACE);
        FACETS.put("languages", SearchFields.LANG);
        FACETS.put("categories", SearchFields.CATEGORY);
    }

    private static final int FACET_TOP = 10;
    private static final long HOUR = Duration.ofHours(1).toMillis();
    private static final long DAY = Duration.ofDays(1).toMillis();

    /**
     * What to search for; {@code from}/{@code to} as the query language writes dates, both optional. Without
     * {@code highlight} the hits carry no {@code titleHighlighted} nor {@code snippet}: an export of many hits
     * that shows neither skips the highlighter, the largest part of its cost.
     */
    public record Request(
            String q,
            String from,
            String to,
            boolean byDate,
            int page,
            int size,
            boolean stem,
            String interval,
            boolean highlight) {

        public Request(
                String q, String from, String to, boolean byDate, int page, int size, boolean stem, String interval) {
            this(q, from, to, byDate, page, size, stem, interval, true);
        }
    }

    private final QueryLimits limits;
    private final int maxResultWindow;

    public SearchExecutor(QueryLimits limits, int maxResultWindow) {
        this.limits = limits;
        this.maxResultWindow = maxResultWindow;
    }

    /** Parses {@code q}, or throws a {@link SearchRefusedException} naming the position and, for a limit, the limit. */
    public AnalystQuery parse(String field, String q, boolean stem) {
        try {
            return AnalystQuery.parse(q, limits, stem);
        } catch (QueryException e) {
            throw SearchRefusedException.badQuery(field, e.getMessage(), e.position(), e.limit());
        }
    }

    /** Searches {@code shared} (not modified: the timeout goes on a searcher of its own). */
    public SearchResult search(IndexSearcher shared, Request r) {
        if ((long) (r.page() + 1) * r.size() > maxResultWindow) {
            throw SearchRefusedException.badField(
                    "page",
                    "page × size may not pass " + maxResultWindow
                            + " results (newsmon.search.max-result-window); narrow the query instead");
        }
        AnalystQuery parsed = parse("q", r.q(), r.stem());
        Query query = withDates(parsed.query(), r.from(), r.to());
        try {
            checkWildcards(shared, parsed);
            IndexSearcher searcher = new IndexSearcher(shared.getIndexReader());
            searcher.setTimeout(new QueryTimeoutImpl(limits.timeout().toMillis()));
            int numHits = (r.page() + 1) * r.size();
            TopDocsCollector<?> top = r.byDate()
                    ? TopFieldCollector.create(byDate(), numHits, Integer.MAX_VALUE)
                    : TopScoreDocCollector.create(numHits, Integer.MAX_VALUE);
            String interval = interval(r);
            FacetCollector facets = new FacetCollector(
                    FACETS, SearchFields.PUBLISHED, interval.equals("hour") ? HOUR : DAY, earliest(searcher));
            long started = System.nanoTime();
            searcher.search(query, MultiCollector.wrap(top, facets));
            if (searcher.timedOut()) {
                throw SearchRefusedException.timedOut(
                        "the search took longer than " + limits.timeout().toMillis()
                                + " ms (newsmon.search.timeout); narrow the query or try again",
                        "newsmon.search.timeout");
            }
            TopDocs docs = top.topDocs(r.page() * r.size(), r.size());
            List<SearchHit> hits = hits(searcher, parsed.query(), docs, r.highlight());
            long took = (System.nanoTime() - started) / 1_000_000;
            return new SearchResult(
                    facets.total(),
                    r.page(),
                    r.size(),
                    parsed.parsed().toString(),
                    hits,
                    facets.facets(FACET_TOP),
                    facets.histogram(),
                    interval,
                    took);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The earliest publication time in the index: the histogram counts from there. */
    private static long earliest(IndexSearcher searcher) throws IOException {
        byte[] min = PointValues.getMinPackedValue(searcher.getIndexReader(), SearchFields.PUBLISHED);
        return min == null ? 0 : LongPoint.decodeDimension(min, 0);
    }

    private static Sort byDate() {
        SortField published = new SortField(SearchFields.PUBLISHED, SortField.Type.LONG, true);
        published.setMissingValue(Long.MIN_VALUE);
        return new Sort(published, new SortField(SearchFields.ID, SortField.Type.LONG, true));
    }

    private static String interval(Request r) {
        if (r.interval() != null) {
            return r.interval();
        }
        if (r.from() != null && r.to() != null) {
            try {
                Instant from = Instant.parse(r.from().length() == 10 ? r.from() + "T00:00:00Z" : r.from());
                Instant to = Instant.parse(r.to().length() == 10 ? r.to() + "T23:59:59Z" : r.to());
                if (Duration.between(from, to).compareTo(Duration.ofDays(3)) <= 0) {
                    return "hour";
                }
            } catch (RuntimeException e) {
                // dates were validated by the query; an exotic form just keeps days
            }
        }
        return "day";
    }

    /**
     * {@code from} and {@code to} as a range query on the publication time, built from the values themselves:
     * they never become query text, so nothing in them can change the query.
     */
    private static Query withDates(Query query, String from, String to) {
        if (from == null && to == null) {
            return query;
        }
        Query range;
        try {
            range = AnalystQuery.publishedBetween(from, to);
        } catch (QueryException e) {
            String field = e.getMessage().startsWith("to:") ? "to" : "from";
            throw SearchRefusedException.badField(field, "must be a date such as 2024-01-31 or 2024-01-31T08:00:00Z");
        }
        return new BooleanQuery.Builder()
                .add(query, Occur.MUST)
                .add(range, Occur.FILTER)
                .build();
    }

    /** Counts what each wildcard stands for in this index and refuses the query past the limit. */
    private void checkWildcards(IndexSearcher searcher, AnalystQuery parsed) throws IOException {
        try {
            parsed.checkWildcards(searcher.getIndexReader(), limits.maxWildcardExpansions());
        } catch (QueryException e) {
            throw SearchRefusedException.badQuery("q", e.getMessage(), e.position(), e.limit());
        }
    }

    private static List<SearchHit> hits(IndexSearcher searcher, Query query, TopDocs docs, boolean highlight)
            throws IOException {
        if (docs.scoreDocs.length == 0) {
            return List.of();
        }
        String[] titled = new String[docs.scoreDocs.length];
        String[] snippets = new String[docs.scoreDocs.length];
        if (highlight) {
            Map<String, String[]> highlighted = highlight(searcher, query, docs);
            titled = highlighted.get(SearchFields.TITLE);
            snippets = highlighted.get(SearchFields.BODY);
        }
        List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
        List<SearchHit> out = new java.util.ArrayList<>(docs.scoreDocs.length);
        for (int i = 0; i < docs.scoreDocs.length; i++) {
            ScoreDoc sd = docs.scoreDocs[i];
            LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(sd.doc, leaves));
            int doc = sd.doc - leaf.docBase;
            long id = numeric(leaf, SearchFields.ID, doc);
            long published = numeric(leaf, SearchFields.PUBLISHED, doc);
            BinaryDocValues hit = DocValues.getBinary(leaf.reader(), SearchFields.HIT);
            String[] f = hit.advanceExact(doc) ? ArticleDocument.hitFields(hit.binaryValue()) : new String[4];
            out.add(new SearchHit(
                    id,
                    f[0],
                    f[1],
                    titled[i],
                    snippets[i],
                    published == Long.MIN_VALUE ? null : Instant.ofEpochMilli(published),
                    f[2],
                    f[3],
                    Float.isNaN(sd.score) ? 0f : sd.score));
        }
        return out;
    }

    /** {@code hits}' titles and body passages with the matched words marked. */
    private static Map<String, String[]> highlight(IndexSearcher searcher, Query query, TopDocs docs)
            throws IOException {
        // one highlighter for both fields, so each hit's stored text is decompressed once
        UnifiedHighlighter highlighter =
                new UnifiedHighlighter(UnifiedHighlighter.builder(searcher, AnalystQuery.analyzer())
                        .withWeightMatches(true)
                        .withHandleMultiTermQuery(true)
                        .withHighlightPhrasesStrictly(true)
                        .withMaxLength(50_000)
                        .withMaxNoHighlightPassages(1)) {
                    private final PassageFormatter body = new DefaultPassageFormatter("<mark>", "</mark>", " … ", true);
                    private final PassageFormatter title = new DefaultPassageFormatter("<mark>", "</mark>", "", true);

                    @Override
                    protected BreakIterator getBreakIterator(String field) {
                        return field.equals(SearchFields.TITLE)
                                ? new WholeBreakIterator()
                                : super.getBreakIterator(field);
                    }

                    @Override
                    protected PassageFormatter getFormatter(String field) {
                        return field.equals(SearchFields.TITLE) ? title : body;
                    }
                };
        return highlighter.highlightFields(
                new String[] {SearchFields.TITLE, SearchFields.BODY}, query, docs, new int[] {1, 2});
    }

    private static long numeric(LeafReaderContext leaf, String field, int doc) throws IOException {
        NumericDocValues v = DocValues.getNumeric(leaf.reader(), field);
        return v.advanceExact(doc) ? v.longValue() : Long.MIN_VALUE;
    }
}
