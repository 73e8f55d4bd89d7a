package io.newsmon.search.query;

import io.newsmon.search.SearchFields;
import java.io.IOException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.WildcardQuery;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.automaton.CompiledAutomaton;
import org.apache.lucene.util.automaton.TooComplexToDeterminizeException;

/**
 * The analyst query language, parsed and compiled: one entry point for search, back-tests and alert
 * matching, so the three agree on every article.
 *
 * @param text what the analyst typed
 * @param parsed the tree, whose {@code toString()} shows how precedence was read
 * @param query the Lucene query over {@link io.newsmon.search.ArticleDocument} fields
 * @param wildcards each wildcard's field and pattern, to be checked against the index's expansion limit
 */
public record AnalystQuery(String text, Node parsed, Query query, List<Wildcard> wildcards) {

    private static final Analyzer ANALYZER = SearchFields.analyzer();

    /** A wildcard of the query in one field. */
    public record Wildcard(String field, String pattern, int position) {}

    public static AnalystQuery parse(String text, QueryLimits limits) {
        return parse(text, limits, false);
    }

    /** With {@code stem}, words in title and body match their other forms (Porter, English). */
    public static AnalystQuery parse(String text, QueryLimits limits, boolean stem) {
        Node node = new QueryParser(limits).parse(text);
        QueryCompiler compiler = new QueryCompiler(ANALYZER, limits, stem);
        Query query = compiler.compile(node);
        List<Wildcard> wildcards = compiler.wildcards.stream()
                .map(w -> new Wildcard(w.field(), w.pattern(), w.position()))
                .distinct()
                .toList();
        return new AnalystQuery(text, node, query, wildcards);
    }

    /**
     * The publication range {@code [from, to]} as a query, built from the two values directly (never spliced
     * into query text). Each takes what {@code published:} takes: 2024, 2024-01, 2024-01-31 or an ISO
     * instant; either may be null. A bad value fails with a {@link QueryException} whose {@link
     * QueryException#limit()} is null and whose message starts with {@code from:} or {@code to:}.
     */
    public static Query publishedBetween(String from, String to) {
        for (String[] bound : new String[][] {{"from", from}, {"to", to}}) {
            if (bound[1] != null) {
                try {
                    QueryCompiler.range(new Node.Range(SearchFields.PUBLISHED, bound[1], true, null, true, 0));
                } catch (QueryException e) {
                    throw new QueryException(
                            bound[0] + ": '" + bound[1]
                                    + "' is not a date; write 2024-01-31, 2024-01, 2024 or 2024-01-31T08:00:00Z",
                            -1);
                }
            }
        }
        return QueryCompiler.range(new Node.Range(SearchFields.PUBLISHED, from, true, to, true, 0));
    }

    /**
     * Counts what each wildcard of this query stands for in {@code reader} and refuses the query (a {@link
     * QueryException} at the wildcard's position) when one stands for more than {@code limit} different
     * words: run before searching, so that the search itself never hits the expansion limit.
     */
    public void checkWildcards(IndexReader reader, int limit) throws IOException {
        for (Wildcard w : wildcards) {
            CompiledAutomaton automaton;
            try {
                automaton = new CompiledAutomaton(WildcardQuery.toAutomaton(new Term(w.field(), w.pattern())));
            } catch (TooComplexToDeterminizeException e) {
                throw new QueryException(
                        "the wildcard '" + w.pattern() + "' at " + w.position() + " is too complex", w.position());
            }
            Set<BytesRef> seen = new HashSet<>();
            for (LeafReaderContext leaf : reader.leaves()) {
                Terms terms = leaf.reader().terms(w.field());
                if (terms == null) {
                    continue;
                }
                TermsEnum te = automaton.getTermsEnum(terms);
                for (BytesRef t = te.next(); t != null; t = te.next()) {
                    seen.add(BytesRef.deepCopyOf(t));
                    if (seen.size() > limit) {
                        throw new QueryException(
                                "the wildcard '" + w.pattern() + "' at " + w.position() + " matches more than " + limit
                                        + " different words (newsmon.search.max-wildcard-expansions); make it longer",
                                w.position(),
                                "newsmon.search.max-wildcard-expansions");
                    }
                }
            }
        }
    }

    /** The shared analyzer, for indexing and highlighting. */
    public static Analyzer analyzer() {
        return ANALYZER;
    }
}
