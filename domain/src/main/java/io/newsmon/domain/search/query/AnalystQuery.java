package io.newsmon.domain.search.query;

import io.newsmon.domain.search.SearchFields;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.search.Query;

/**
 * The analyst query language, parsed and compiled: one entry point for search, back-tests and alert
 * matching, so the three agree on every article.
 *
 * @param text what the analyst typed
 * @param parsed the tree, whose {@code toString()} shows how precedence was read
 * @param query the Lucene query over {@link io.newsmon.domain.search.ArticleDocument} fields
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

    /** The shared analyzer, for indexing and highlighting. */
    public static Analyzer analyzer() {
        return ANALYZER;
    }
}
